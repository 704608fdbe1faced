/**
 * German: the second step of signing in (en-second-factor.ts).
 */
import type { SecondFactorSections, secondFactorErrorsEn } from './en-second-factor.js';

export const secondFactorDe: SecondFactorSections = {
  secondFactor: {
    title: 'Geben Sie Ihren Code ein',
    intro:
      'Öffnen Sie Ihre Authenticator-App und geben Sie den sechsstelligen Code ein, den sie für dieses Konto anzeigt.',
    recoveryIntro:
      'Geben Sie einen der Wiederherstellungscodes ein, die Sie beim Einrichten der Bestätigung in zwei Schritten gespeichert haben.',
    codeLabel: 'Code',
    recoveryLabel: 'Wiederherstellungscode',
    verify: 'Bestätigen',
    useRecovery: 'Wiederherstellungscode verwenden',
    useApp: 'Authenticator-App verwenden',
    startOver: 'Neu beginnen',
  },
};

export const secondFactorErrorsDe: typeof secondFactorErrorsEn = {
  invalid_mfa_code: 'Dieser Code stimmt nicht oder wurde bereits verwendet. Versuchen Sie den nächsten.',
  mfa_challenge_expired: 'Diese Anmeldung ist abgelaufen. Melden Sie sich erneut an.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...secondFactorDe, errors: secondFactorErrorsDe };
