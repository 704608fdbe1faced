/**
 * Spanish, `<acct-connected-apps>`'s section of the Spanish string set (es.ts puts it together),
 * and the connected-app error messages. Typed from the English, so a key missing here fails the
 * build.
 */
import type { ConnectedAppSections, connectedAppErrorsEn } from './en-connected-apps.js';

export const connectedAppsEs: ConnectedAppSections = {
  connectedApps: {
    title: 'Aplicaciones conectadas',
    intro: 'Aplicaciones con las que trabaja tu organización. Al conectar una, actúa para toda la organización.',
    noOrganization: 'Primero crea una organización: las aplicaciones se conectan a una organización.',
    availableTitle: 'Aplicaciones disponibles',
    connectedTitle: 'Conectadas',
    empty: 'Aún no hay ninguna aplicación conectada.',
    noneAvailable: 'Este sitio no ofrece ninguna aplicación.',
    connect: 'Conectar',
    connectLabel: (name) => `Conectar ${name}`,
    reconnect: 'Volver a conectar',
    reconnectLabel: (name) => `Volver a conectar ${name}`,
    connectedBy: (who, when) => `Conectada por ${who} ${when}`,
    connectedByUnknown: (when) => `Conectada ${when} por un antiguo miembro`,
    lastSync: (when) => `sincronizada por última vez ${when}`,
    account: (id) => `Cuenta ${id}`,
    disconnect: 'Desconectar',
    disconnectLabel: (name) => `Desconectar ${name}`,
    confirmDisconnect: (name) =>
      `¿Desconectar ${name}? Perderá el acceso a tu organización hasta que alguien la vuelva a conectar.`,
    confirm: 'Sí, desconectar',
    cancel: 'Cancelar',
    connected: (name) => `${name} está conectada.`,
    disconnected: (name) => `${name} está desconectada.`,
    adminsOnly:
      'Solo los propietarios y administradores de la organización pueden conectar o desconectar aplicaciones.',
    signedOut: 'Inicia sesión para ver las aplicaciones de tu organización.',
    loadFailed: 'No se pudieron cargar las aplicaciones conectadas.',
  },
};

export const connectedAppErrorsEs: typeof connectedAppErrorsEn = {
  unknown_app: 'Esta aplicación no se ofrece aquí.',
  connect_attempt_invalid:
    'Este intento de conexión es desconocido, ha caducado o se inició en otro sitio. Empieza de nuevo.',
  connect_refused: 'La aplicación no concedió el acceso. Vuelve a intentarlo.',
  connect_failed: 'No se pudo contactar con la aplicación o su respuesta no era válida. Vuelve a intentarlo más tarde.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...connectedAppsEs, errors: connectedAppErrorsEs };
