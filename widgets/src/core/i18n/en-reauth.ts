/**
 * English, the re-authentication dialog's section (`<acct-reauth-dialog>`) of the one English
 * string set (en.ts puts it together), and the messages of the re-authentication error codes,
 * which en.ts spreads into `errors`.
 */
export const reauthEn = {
  reauth: {
    title: 'Confirm it’s you',
    explain: 'For your security, prove it’s you again before this change. You stay signed in.',
    password: 'Password',
    code: 'Code from your authenticator app',
    confirm: 'Confirm',
    usePasskey: 'Use a passkey',
    or: 'or',
    cancel: 'Cancel',
    checking: 'Checking…',
    noMethod: 'Your account has no way to confirm here. Sign out and sign in again, then try once more.',
    loadFailed: 'The ways to confirm could not be loaded.',
  },
};

export const reauthErrorsEn = {
  reauthentication_required: 'For your security, confirm it’s you to continue.',
  reauthentication_failed: 'That did not prove it’s you. Try again.',
  reauthentication_method_unavailable: 'This way of confirming is not available for your account.',
};

export type ReauthSections = typeof reauthEn;

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...reauthEn, errors: reauthErrorsEn };
