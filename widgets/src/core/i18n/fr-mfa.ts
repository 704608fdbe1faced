/**
 * French, the second factor's section of the French string set (fr.ts puts it together), and the
 * messages of the MFA error codes, which fr.ts spreads into `errors`.
 */
import type { MfaSections, mfaErrorsEn } from './en-mfa.js';

export const mfaFr: MfaSections = {
  mfa: {
    title: 'Validation en deux étapes',
    intro:
      'En plus de votre mot de passe ou de votre lien de connexion, demander un code d’une application d’authentification sur votre téléphone.',
    signedOut: 'Connectez-vous pour gérer la validation en deux étapes.',
    loadFailed: 'La validation en deux étapes n’a pas pu être chargée.',
    off: 'La validation en deux étapes est désactivée.',
    on: 'La validation en deux étapes est activée.',
    enabledSince: (when) => `Activée depuis le ${when}.`,
    turnOn: 'Configurer une application d’authentification',
    scan: 'Scannez ce code QR avec votre application d’authentification (Google Authenticator, 1Password ou Authy, par exemple).',
    qrLabel: 'Code QR de votre clé d’authentification',
    manualKey: 'Ou saisissez cette clé dans l’application\u00a0:',
    codeLabel: 'Code de l’application',
    codeHint: 'Six chiffres.',
    confirm: 'Activer',
    cancel: 'Annuler',
    recoveryTitle: 'Conservez vos codes de secours',
    recoveryText:
      'Chaque code vous connecte une fois si vous perdez votre téléphone. Ils ne sont affichés que maintenant\u00a0: gardez-les en lieu sûr, dans un gestionnaire de mots de passe par exemple.',
    copy: 'Copier',
    copied: 'Copié.',
    download: 'Télécharger (.txt)',
    print: 'Imprimer',
    done: 'Je les ai conservés',
    remaining: (count) => (count <= 1 ? `Il reste ${count} code de secours.` : `Il reste ${count} codes de secours.`),
    fewLeft: 'Il reste peu de codes de secours\u00a0: créez-en de nouveaux.',
    regenerate: 'Créer de nouveaux codes de secours',
    confirmRegenerate: 'Créer de nouveaux codes de secours\u00a0? Les codes actuels ne fonctionneront plus.',
    disable: 'Désactiver',
    confirmDisable:
      'Désactiver la validation en deux étapes\u00a0? La connexion ne demandera plus que votre mot de passe ou un lien.',
    disabled: 'La validation en deux étapes est désactivée.',
    fileHeading: (product) => `Codes de secours pour ${product}`,
    fileNote: 'Chaque code ne fonctionne qu’une fois.',
  },
};

export const mfaErrorsFr: typeof mfaErrorsEn = {
  mfa_already_enabled: 'La validation en deux étapes est déjà activée.',
  mfa_not_enabled: 'La validation en deux étapes n’est pas activée.',
  mfa_enrolment_missing: 'Recommencez la configuration de l’application d’authentification.',
  mfa_required:
    'Cette organisation exige la validation en deux étapes. Activez-la dans les réglages de sécurité de votre compte, puis revenez.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...mfaFr, errors: mfaErrorsFr };
