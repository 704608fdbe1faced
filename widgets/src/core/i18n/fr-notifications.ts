/**
 * French, the notification elements' sections of the one French string set (fr.ts puts it
 * together). Typed as `NotificationSections`, so a key added to en-notifications.ts and missing
 * here fails the build. Typography as in fr.ts.
 */
import type { NotificationSections, notificationsErrorsEn } from './en-notifications.js';

const nbsp = '\u00a0';

export const notificationsFr: NotificationSections = {
  notificationsBell: {
    label: (unread) => (unread === 0 ? 'Notifications' : `Notifications, ${unread} non lue${unread > 1 ? 's' : ''}`),
    title: 'Notifications',
    empty: 'Vous n’avez aucune notification.',
    markRead: 'Marquer comme lue',
    markReadLabel: (title) => `Marquer comme lue${nbsp}: ${title}`,
    markAllRead: 'Tout marquer comme lu',
    unread: 'Non lue',
    more: 'Voir les plus anciennes',
    signedOut: 'Connectez-vous pour voir vos notifications.',
    loadFailed: 'Vos notifications n’ont pas pu être chargées.',
  },
  notificationSettings: {
    title: 'Notifications',
    intro: 'Choisissez comment vous êtes prévenu de chaque type d’événement.',
    categories: {
      security: 'Sécurité',
      activity: 'Activité',
      updates: 'Nouveautés',
      marketing: 'Actualités et offres',
    },
    events: {
      passkey_added: 'Une clé d’accès est ajoutée à votre compte',
      passkey_removed: 'Une clé d’accès est retirée de votre compte',
      mfa_changed: 'La validation en deux étapes est activée ou désactivée',
      recovery_code_used: 'Un code de secours sert à se connecter',
      email_changed: 'Votre adresse e-mail est modifiée',
      organization_created: 'Une organisation est créée',
      organization_invitation_sent: 'Une invitation est envoyée',
      app_connected: 'Une application est connectée',
      onboarding_completed: 'Votre configuration est terminée',
    },
    locked: `Les notifications de sécurité restent toujours actives${nbsp}: elles vous préviennent si quelqu’un d’autre utilise peut-être votre compte.`,
    pushUnavailable: 'Ce navigateur ne peut pas recevoir de notifications push.',
    pushDenied: `Ce navigateur n’a pas autorisé les notifications${nbsp}: autorisez-les dans ses réglages pour ce site, puis réessayez.`,
    pushDevicesTitle: 'Appareils recevant les notifications push',
    pushDevicesEmpty: 'Aucun navigateur ne reçoit encore de notifications push de votre compte.',
    pushDeviceAdded: (date: string) => `Ajouté le ${date}`,
    removePushDevice: 'Retirer',
    removePushDeviceLabel: (device: string) => `Arrêter les notifications push sur ${device}`,
    pushDeviceRemoved: (device: string) => `${device} ne reçoit plus de notifications push.`,
    saved: 'Enregistré.',
    saveFailed: `Votre modification n’a pas pu être enregistrée${nbsp}; elle a été annulée.`,
    quietIntro: 'Hors alertes de sécurité, les notifications attendent la fin des heures calmes.',
    signedOut: 'Connectez-vous pour choisir vos notifications.',
    loadFailed: 'Vos réglages de notifications n’ont pas pu être chargés.',
  },
};

export const notificationsErrorsFr: typeof notificationsErrorsEn = {
  notification_locked: 'Les notifications de sécurité ne peuvent pas être désactivées.',
  unknown_event_type: 'Ce type de notification est inconnu sur ce serveur.',
  site_notifications_disabled: 'Les notifications du site sont désactivées sur ce serveur.',
  push_endpoint_not_allowed:
    'Le service de notification de ce navigateur ne peut pas être utilisé ici. Essayez un autre navigateur.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...notificationsFr, errors: notificationsErrorsFr };
