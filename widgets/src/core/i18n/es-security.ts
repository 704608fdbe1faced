/**
 * Spanish: the security elements’ sections and error messages (en-security.ts).
 */
import type { SecuritySections, securityErrorsEn } from './en-security.js';

export const securityEs: SecuritySections = {
  methods: {
    password: 'Contraseña',
    magic_link: 'Enlace por correo',
    passkey: 'Llave de acceso',
    oauth: 'Inicio de sesión único',
    mfa: 'Verificación en dos pasos',
  },
  device: {
    desktop: 'Ordenador',
    mobile: 'Teléfono',
    tablet: 'Tableta',
    unknown: 'Dispositivo desconocido',
    browserOnOs: (browser, os) => `${browser} en ${os}`,
    unknownPlace: 'Ubicación desconocida',
  },
  genericNames: {
    desktop: (os) => `Ordenador ${os}`,
    mobile: (os) => `Teléfono ${os}`,
    tablet: (os) => `Tableta ${os}`,
    unknown: (os) => `Dispositivo ${os}`,
    passkey: 'Llave de acceso',
  },
  sessions: {
    title: 'Dónde has iniciado sesión',
    thisDevice: 'Este dispositivo',
    lastActive: (when) => `Activo ${when}`,
    signedInWith: (method) => `Sesión iniciada con: ${method}`,
    revoke: 'Cerrar sesión',
    revokeLabel: (device) => `Cerrar sesión en ${device}`,
    confirmRevoke: (device) => `¿Cerrar sesión en ${device}? Tendrá que volver a iniciar sesión.`,
    revokeOthers: 'Cerrar sesión en todos los demás dispositivos',
    confirmRevokeOthers: '¿Cerrar sesión en todos los demás dispositivos? Tendrán que volver a iniciar sesión.',
    confirm: 'Sí, cerrar sesión',
    cancel: 'Cancelar',
    revoked: (device) => `Sesión cerrada en ${device}.`,
    revokedOthers: (count) =>
      count === 1 ? 'Se cerró la sesión en otro dispositivo.' : `Se cerró la sesión en otros ${count} dispositivos.`,
    signedOut: 'Inicia sesión para ver los dispositivos en los que tienes la sesión iniciada.',
    loadFailed: 'No se pudieron cargar tus dispositivos.',
  },
  history: {
    title: 'Actividad reciente de inicio de sesión',
    events: {
      login_success: 'Inicio de sesión',
      login_failed: 'Inicio de sesión fallido',
      second_factor_required: 'Primer paso de un inicio de sesión',
      logout: 'Cierre de sesión',
      password_reset: 'Contraseña restablecida',
      password_changed: 'Contraseña cambiada',
      email_changed: 'Correo electrónico cambiado',
      email_change_undone: 'Cambio de correo deshecho',
      reauthenticated: 'Identidad confirmada',
      reauthentication_failed: 'Confirmación de identidad fallida',
      unknown: 'Actividad de la cuenta',
    },
    succeeded: 'Correcto',
    failed: 'Fallido',
    reasons: {
      wrong_password: 'contraseña incorrecta',
      no_password: 'esta cuenta no tiene contraseña',
      email_not_verified: 'correo electrónico sin confirmar',
      too_many_requests: 'demasiados intentos',
      passkey_verification_failed: 'no se pudo verificar la llave de acceso',
      counter_regression: 'la llave de acceso parece copiada',
      oauth_account_exists: 'una cuenta de proveedor con esta dirección intentó iniciar sesión; no está vinculada',
    },
    reason: (reason) => `Motivo: ${reason}`,
    loadMore: 'Ver actividad anterior',
    empty: 'Aún no hay actividad de inicio de sesión.',
    signedOut: 'Inicia sesión para ver tu actividad de inicio de sesión.',
    loadFailed: 'No se pudo cargar tu actividad de inicio de sesión.',
  },
  passkeys: {
    title: 'Llaves de acceso',
    intro: 'Inicia sesión con tu huella, tu cara o el bloqueo de pantalla en lugar de una contraseña.',
    add: 'Añadir una llave de acceso',
    added: (name) => `${name} está añadida.`,
    addCancelled: 'No se añadió ninguna llave de acceso.',
    unsupported: 'Este navegador no puede crear llaves de acceso.',
    disabled: 'Las llaves de acceso no están activadas en este sitio.',
    empty: 'Aún no tienes llaves de acceso.',
    synced: 'Sincronizada',
    syncedHint: 'Disponible en tus dispositivos que comparten este gestor de contraseñas o esta cuenta.',
    deviceOnly: 'Solo este dispositivo',
    deviceOnlyHint: 'Se guarda en el único dispositivo o llave de seguridad que la creó.',
    created: (when) => `Añadida ${when}`,
    lastUsed: (when) => `usada por última vez ${when}`,
    neverUsed: 'nunca usada',
    rename: 'Cambiar nombre',
    renameLabel: (name) => `Cambiar nombre: ${name}`,
    nameLabel: 'Nombre de la llave de acceso',
    nameMissing: 'Escribe un nombre.',
    save: 'Guardar',
    cancel: 'Cancelar',
    renamed: (name) => `Ahora se llama ${name}.`,
    remove: 'Quitar',
    removeLabel: (name) => `Quitar ${name}`,
    confirmRemove: (name) =>
      `¿Quitar ${name}? Ya no podrás iniciar sesión con ella, y se cerrará la sesión en los dispositivos que la usaron para iniciar sesión.`,
    confirm: 'Sí, quitar',
    removed: (name) => `${name} está quitada.`,
    sessionsEnded: (count) => {
      if (count === 0) return '';
      return count === 1
        ? 'Se cerró la sesión en un dispositivo que la usó para iniciar sesión.'
        : `Se cerró la sesión en ${count} dispositivos que la usaron para iniciar sesión.`;
    },
    signedOut: 'Inicia sesión para ver tus llaves de acceso.',
    loadFailed: 'No se pudieron cargar tus llaves de acceso.',
  },
  connectedAccounts: {
    title: 'Cuentas conectadas',
    intro: 'Cuentas en otros servicios con las que puedes iniciar sesión.',
    empty: 'No has conectado ninguna cuenta.',
    linked: (when) => `Conectada ${when}`,
    lastUsed: (when) => `usada por última vez ${when}`,
    neverUsed: 'aún no se ha usado para iniciar sesión',
    unlink: 'Desvincular',
    unlinkLabel: (name) => `Desvincular ${name}`,
    confirmUnlink: (name) => `¿Desvincular ${name}? Ya no podrás iniciar sesión con ella.`,
    confirm: 'Sí, desvincular',
    cancel: 'Cancelar',
    unlinked: (name) => `${name} está desvinculada.`,
    lastMethod:
      'Es tu única forma de iniciar sesión, así que no se puede desvincular. Primero añade una contraseña o una llave de acceso.',
    link: (name) => `Vincular ${name}`,
    linkTitle: 'Vincular otra cuenta',
    linkDone: (name) => `${name} está vinculada. Ya puedes iniciar sesión con ella.`,
    signedOut: 'Inicia sesión para ver tus cuentas conectadas.',
    loadFailed: 'No se pudieron cargar tus cuentas conectadas.',
  },
};

export const securityErrorsEs: typeof securityErrorsEn = {
  last_sign_in_method:
    'Es tu única forma de iniciar sesión. Añade una contraseña u otra llave de acceso antes de quitarla.',
  already_linked:
    'Esta cuenta ya está vinculada a otra de nuestras cuentas. Inicia sesión con ella para usar esa cuenta.',
  link_failed: 'La vinculación no se completó. Vuelve a intentarlo.',
  link_expired: 'Esta solicitud de vinculación caducó o ya se usó. Vuelve a intentarlo.',
  provider_tokens_disabled: 'Este servidor no guarda tokens de los proveedores de inicio de sesión.',
  provider_not_configured: 'Este proveedor de inicio de sesión no está configurado en este servidor.',
  provider_account_not_linked: 'Esta cuenta no está conectada a ese proveedor.',
  provider_tokens_not_stored: 'Aún no hay acceso guardado al proveedor. Vuelve a iniciar sesión con el proveedor.',
  provider_tokens_unreadable:
    'No se puede leer el acceso guardado al proveedor. Vuelve a iniciar sesión con el proveedor.',
  provider_refresh_unavailable: 'El acceso al proveedor ha caducado. Vuelve a iniciar sesión con el proveedor.',
  provider_refresh_failed: 'El proveedor rechazó renovar el acceso. Vuelve a iniciar sesión con el proveedor.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...securityEs, errors: securityErrorsEs };
