/**
 * English, the second step of signing in (`<acct-login>`, login-second-factor.ts) and the messages of
 * its codes, fetched when a sign-in asks for it (chunks.ts).
 */

export const secondFactorEn = {
  secondFactor: {
    title: 'Enter your code',
    intro: 'Open your authenticator app and enter the six-digit code it shows for this account.',
    recoveryIntro: 'Enter one of the recovery codes you saved when you set up two-step verification.',
    codeLabel: 'Code',
    recoveryLabel: 'Recovery code',
    verify: 'Verify',
    useRecovery: 'Use a recovery code',
    useApp: 'Use the authenticator app',
    startOver: 'Start over',
  },
};

export const secondFactorErrorsEn = {
  invalid_mfa_code: 'That code is not right, or was already used. Try the next one.',
  mfa_challenge_expired: 'This sign-in has expired. Sign in again.',
};

export type SecondFactorSections = typeof secondFactorEn;

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...secondFactorEn, errors: secondFactorErrorsEn };
