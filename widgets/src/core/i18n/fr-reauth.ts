/**
 * French, the re-authentication dialog's section of the French string set (fr.ts puts it
 * together), and the messages of the re-authentication error codes, which fr.ts spreads into `errors`.
 */
import type { ReauthSections, reauthErrorsEn } from './en-reauth.js';

export const reauthFr: ReauthSections = {
  reauth: {
    title: 'Confirmez que c’est vous',
    explain: 'Par sécurité, prouvez de nouveau que c’est vous avant cette modification. Vous restez connecté.',
    password: 'Mot de passe',
    code: 'Code de votre application d’authentification',
    confirm: 'Confirmer',
    usePasskey: 'Utiliser une clé d’accès',
    or: 'ou',
    cancel: 'Annuler',
    checking: 'Vérification…',
    noMethod: 'Votre compte n’a aucun moyen de confirmer ici. Déconnectez-vous puis reconnectez-vous, et réessayez.',
    loadFailed: 'Les moyens de confirmer n’ont pas pu être chargés.',
  },
};

export const reauthErrorsFr: typeof reauthErrorsEn = {
  reauthentication_required: 'Par sécurité, confirmez que c’est vous pour continuer.',
  reauthentication_failed: 'Cela n’a pas prouvé que c’est vous. Réessayez.',
  reauthentication_method_unavailable: 'Ce moyen de confirmer n’est pas disponible pour votre compte.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...reauthFr, errors: reauthErrorsFr };
