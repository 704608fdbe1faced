/**
 * French: the second step of signing in (en-second-factor.ts).
 */
import type { SecondFactorSections, secondFactorErrorsEn } from './en-second-factor.js';

export const secondFactorFr: SecondFactorSections = {
  secondFactor: {
    title: 'Saisissez votre code',
    intro: 'Ouvrez votre application d’authentification et saisissez le code à six chiffres affiché pour ce compte.',
    recoveryIntro:
      'Saisissez l’un des codes de secours conservés lors de la configuration de la validation en deux étapes.',
    codeLabel: 'Code',
    recoveryLabel: 'Code de secours',
    verify: 'Valider',
    useRecovery: 'Utiliser un code de secours',
    useApp: 'Utiliser l’application d’authentification',
    startOver: 'Recommencer',
  },
};

export const secondFactorErrorsFr: typeof secondFactorErrorsEn = {
  invalid_mfa_code: 'Ce code n’est pas le bon, ou a déjà servi. Essayez le suivant.',
  mfa_challenge_expired: 'Cette connexion a expiré. Connectez-vous à nouveau.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...secondFactorFr, errors: secondFactorErrorsFr };
