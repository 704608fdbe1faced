/**
 * Spanish, the notification elements' sections of the Spanish string set (es.ts puts it
 * together). Typed as `NotificationSections`, so a key added to en-notifications.ts and missing
 * here fails the build.
 */
import type { NotificationSections, notificationsErrorsEn } from './en-notifications.js';

export const notificationsEs: NotificationSections = {
  notificationsBell: {
    label: (unread) => (unread === 0 ? 'Notificaciones' : `Notificaciones, ${unread} sin leer`),
    title: 'Notificaciones',
    empty: 'No tienes notificaciones.',
    markRead: 'Marcar como leída',
    markReadLabel: (title) => `Marcar como leída: ${title}`,
    markAllRead: 'Marcar todas como leídas',
    unread: 'Sin leer',
    more: 'Ver anteriores',
    signedOut: 'Inicia sesión para ver tus notificaciones.',
    loadFailed: 'No se pudieron cargar tus notificaciones.',
  },
  notificationSettings: {
    title: 'Notificaciones',
    intro: 'Elige cómo te enteras de cada tipo de evento.',
    categories: {
      security: 'Seguridad',
      activity: 'Actividad',
      updates: 'Novedades',
      marketing: 'Noticias y ofertas',
    },
    events: {
      passkey_added: 'Se añade una llave de acceso a tu cuenta',
      passkey_removed: 'Se quita una llave de acceso de tu cuenta',
      mfa_changed: 'Se activa o desactiva la verificación en dos pasos',
      recovery_code_used: 'Se usa un código de recuperación para iniciar sesión',
      email_changed: 'Se cambia tu correo electrónico',
      organization_created: 'Se crea una organización',
      organization_invitation_sent: 'Se envía una invitación',
      app_connected: 'Se conecta una aplicación',
      onboarding_completed: 'Tu configuración está completa',
    },
    locked:
      'Las notificaciones de seguridad siempre están activadas: te avisan si otra persona podría estar usando tu cuenta.',
    pushUnavailable: 'Este navegador no puede recibir notificaciones push.',
    pushDenied:
      'Este navegador no permitió las notificaciones: permítelas en la configuración del sitio y vuelve a intentarlo.',
    pushDevicesTitle: 'Dispositivos que reciben notificaciones push',
    pushDevicesEmpty: 'Aún ningún navegador recibe notificaciones push de tu cuenta.',
    pushDeviceAdded: (date) => `Añadido el ${date}`,
    removePushDevice: 'Quitar',
    removePushDeviceLabel: (device) => `Quitar ${device} de las notificaciones push`,
    pushDeviceRemoved: (device) => `${device} ya no recibe notificaciones push.`,
    saved: 'Guardado.',
    saveFailed: 'No se pudo guardar tu cambio; se ha deshecho.',
    quietIntro: 'Salvo las alertas de seguridad, las notificaciones esperan a que terminen las horas de silencio.',
    signedOut: 'Inicia sesión para elegir tus notificaciones.',
    loadFailed: 'No se pudo cargar tu configuración de notificaciones.',
  },
};

export const notificationsErrorsEs: typeof notificationsErrorsEn = {
  notification_locked: 'Las notificaciones de seguridad no se pueden desactivar.',
  unknown_event_type: 'Este tipo de notificación no se conoce en este servidor.',
  site_notifications_disabled: 'Las notificaciones del sitio están desactivadas en este servidor.',
  push_endpoint_not_allowed:
    'El servicio de notificaciones de este navegador no se puede usar aquí. Prueba con otro navegador.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...notificationsEs, errors: notificationsErrorsEs };
