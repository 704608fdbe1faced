/**
 * French, `<acct-connected-apps>`'s section of the one French string set (fr.ts puts it
 * together), and the connected-app error messages. Typed from the English, so a key missing here
 * fails the build. Typography as in fr.ts.
 */
import type { ConnectedAppSections, connectedAppErrorsEn } from './en-connected-apps.js';

const nbsp = '\u00a0';

export const connectedAppsFr: ConnectedAppSections = {
  connectedApps: {
    title: 'Applications connectées',
    intro:
      'Les applications avec lesquelles votre organisation travaille. En connecter une lui permet d’agir pour toute l’organisation.',
    noOrganization: `Créez d’abord une organisation${nbsp}: les applications se connectent à une organisation.`,
    availableTitle: 'Applications disponibles',
    connectedTitle: 'Connectées',
    empty: 'Aucune application n’est connectée pour l’instant.',
    noneAvailable: 'Ce site ne propose aucune application.',
    connect: 'Connecter',
    connectLabel: (name) => `Connecter ${name}`,
    reconnect: 'Reconnecter',
    reconnectLabel: (name) => `Connecter ${name} à nouveau`,
    connectedBy: (who, when) => `Connectée par ${who} ${when}`,
    connectedByUnknown: (when) => `Connectée ${when} par un ancien membre`,
    lastSync: (when) => `dernière synchronisation ${when}`,
    account: (id) => `Compte ${id}`,
    disconnect: 'Déconnecter',
    disconnectLabel: (name) => `Déconnecter ${name}`,
    confirmDisconnect: (name) =>
      `Déconnecter ${name}${nbsp}? Elle perd l’accès à votre organisation jusqu’à ce que quelqu’un la reconnecte.`,
    confirm: 'Oui, déconnecter',
    cancel: 'Annuler',
    connected: (name) => `${name} est connectée.`,
    disconnected: (name) => `${name} est déconnectée.`,
    adminsOnly:
      'Seuls les propriétaires et les administrateurs de l’organisation peuvent connecter ou déconnecter des applications.',
    signedOut: 'Connectez-vous pour voir les applications de votre organisation.',
    loadFailed: 'Les applications connectées n’ont pas pu être chargées.',
  },
};

export const connectedAppErrorsFr: typeof connectedAppErrorsEn = {
  unknown_app: 'Cette application n’est pas proposée ici.',
  connect_attempt_invalid:
    'Cette tentative de connexion est inconnue, a expiré ou a été commencée ailleurs. Recommencez.',
  connect_refused: 'L’application n’a pas accordé l’accès. Réessayez.',
  connect_failed: 'L’application est injoignable ou sa réponse n’est pas valide. Réessayez plus tard.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...connectedAppsFr, errors: connectedAppErrorsFr };
