/**
 * Spanish, the account centre's sections of the Spanish string set (es.ts puts it together).
 * Typed as `AccountSections`, so a key added to en-account.ts and missing here fails the build.
 */
import type { AccountSections, accountErrorsEn } from './en-account.js';

export const accountEs: AccountSections = {
  dataExport: {
    title: 'Descarga tus datos',
    intro: 'Obtén una copia de todo lo que guardamos sobre tu cuenta. Te avisaremos por correo cuando esté lista.',
    format: 'Formato',
    json: 'JSON (un archivo)',
    csv: 'CSV para hojas de cálculo (un zip)',
    request: 'Pedir mis datos',
    preparing:
      'Estamos preparando tu archivo. Puedes salir de esta página: te avisaremos por correo cuando esté listo.',
    history: 'Tus exportaciones',
    empty: 'Aún no has exportado tus datos.',
    download: 'Descargar',
    downloadLabel: (format, date) => `Descargar la exportación ${format} del ${date}`,
    status: { pending: 'En espera', processing: 'Preparando', ready: 'Lista', expired: 'Caducada' },
    formatName: { json: 'JSON', csv: 'CSV' },
    requestedAt: (date) => `Pedida el ${date}`,
    availableUntil: (date) => `Disponible hasta el ${date}`,
    signedOut: 'Inicia sesión para descargar tus datos.',
    loadFailed: 'No se pudieron cargar tus exportaciones.',
  },
  deleteAccount: {
    title: 'Eliminar tu cuenta',
    intro:
      'Al eliminar tu cuenta se cierra tu sesión en todas partes y, tras un periodo de gracia, se elimina para siempre.',
    grace: (days) =>
      `${days ? `Tu cuenta se elimina ${days} días después de pedirlo. ` : ''}Hasta la fecha que te mostramos (y te enviamos por correo), puedes cambiar de opinión: vuelve a iniciar sesión y cancela, o usa el enlace del correo.`,
    deleted:
      'Después se eliminan tu perfil, tus formas de iniciar sesión, dispositivos, historial, progreso de configuración y membresías. No se puede deshacer.',
    organizations:
      'Una organización de la que eres el único propietario pasa a su administrador más antiguo o, si no hay, a su miembro más antiguo; una organización sin nadie más se elimina.',
    reason: '¿Por qué te vas? (opcional)',
    noReason: 'Elige un motivo',
    reasons: {
      not_useful: 'No me resulta útil',
      too_expensive: 'Cuesta demasiado',
      privacy: 'Preocupaciones de privacidad',
      switching: 'Me cambio a otro servicio',
      other: 'Otro motivo',
    },
    feedback: '¿Quieres contarnos algo? (opcional)',
    confirmLabel: (email) => `Para confirmar, escribe tu correo electrónico: ${email}`,
    submit: 'Eliminar mi cuenta',
    reauthenticate:
      'Por tu seguridad, eliminar tu cuenta requiere un inicio de sesión reciente. Vuelve a iniciar sesión y regresa aquí.',
    signInAgain: 'Volver a iniciar sesión',
    scheduledTitle: 'La eliminación de tu cuenta está programada',
    scheduledOn: (date) => `Tu cuenta se eliminará el ${date}.`,
    requestedDone:
      'Se cerró la sesión en todos los dispositivos. Para conservar tu cuenta, vuelve a iniciar sesión antes de esa fecha y cancela, o usa el enlace que te enviamos por correo.',
    cancel: 'Cancelar la eliminación',
    cancelled: 'Se canceló la eliminación: tu cuenta se mantiene.',
    signedOut: 'Inicia sesión para eliminar tu cuenta.',
    loadFailed: 'No se pudo cargar tu cuenta.',
  },
  passwordChange: {
    title: 'Contraseña',
    intro: 'Al cambiar tu contraseña se cierra tu sesión en tus otros dispositivos.',
    current: 'Contraseña actual',
    new: 'Contraseña nueva',
    confirm: 'Repite la contraseña nueva',
    submit: 'Cambiar la contraseña',
    mismatch: 'Las dos contraseñas nuevas no coinciden.',
    changed: (others) =>
      others === 0
        ? 'Tu contraseña está cambiada.'
        : `Tu contraseña está cambiada. ${others === 1 ? 'Se cerró la sesión en otro dispositivo.' : `Se cerró la sesión en otros ${others} dispositivos.`}`,
    noPassword:
      '¿Aún no tienes contraseña (inicias sesión con un enlace, una llave de acceso u otra cuenta)? Usa «¿Olvidaste tu contraseña?» en el formulario de inicio de sesión para crear una.',
    signedOut: 'Inicia sesión para cambiar tu contraseña.',
  },
  profile: {
    title: 'Perfil',
    avatar: 'Foto de perfil',
    noAvatar: 'Sin foto',
    uploadAvatar: 'Subir una foto',
    avatarHint: 'Una imagen PNG, JPEG, WebP o GIF.',
    removeAvatar: 'Quitar la foto',
    avatarSaved: 'Foto guardada.',
    avatarRemoved: 'Foto quitada.',
    language: 'Idioma de tus correos',
    languageAuto: 'El idioma de cada página',
    bio: 'Sobre ti',
    languages: { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', ar: 'العربية' },
    save: 'Guardar',
    saved: 'Perfil guardado.',
    emailTitle: 'Correo electrónico',
    changeEmail: 'Cambiar',
    newEmail: 'Correo electrónico nuevo',
    sendLink: 'Enviar un enlace de confirmación',
    cancel: 'Cancelar',
    pendingTitle: 'Revisa tu bandeja de entrada',
    pending: (email) =>
      `Hemos enviado un enlace a ${email}. Ábrelo para confirmar la dirección nueva; hasta entonces, tu dirección no cambia.`,
    pendingUntil: (date) => `El enlace funciona hasta el ${date}.`,
    cancelChange: 'Cancelar el cambio',
    changeCancelled: 'Se canceló el cambio de correo: el enlace ya no funciona.',
    reauthenticate:
      'Por tu seguridad, cambiar tu correo electrónico requiere un inicio de sesión reciente. Vuelve a iniciar sesión e inténtalo de nuevo.',
    signInAgain: 'Volver a iniciar sesión',
    loadFailed: 'No se pudo cargar tu perfil.',
    signedOut: 'Inicia sesión para ver tu perfil.',
  },
  account: {
    label: 'Cuenta',
    tabs: { profile: 'Perfil', security: 'Seguridad', notifications: 'Notificaciones', privacy: 'Datos y privacidad' },
  },
};

export const accountErrorsEs: typeof accountErrorsEn = {
  unsupported_image_type: 'Elige una imagen PNG, JPEG, WebP o GIF.',
  image_too_large: 'Esta imagen es demasiado grande. Elige una más pequeña.',
  email_unchanged: 'Este ya es tu correo electrónico.',
  email_in_use: 'Otra cuenta usa ahora este correo electrónico.',
  export_in_progress: 'Ya se está preparando una exportación. Espera a que esté lista.',
  export_not_ready: 'Esta exportación aún no está lista.',
  export_expired: 'Esta exportación ha caducado. Pide una nueva.',
  export_link_invalid: 'Este enlace de descarga no es válido. Usa el enlace de tu cuenta.',
  email_mismatch: 'Para confirmar, escribe exactamente el correo electrónico de tu cuenta.',
  deletion_already_scheduled: 'La eliminación de tu cuenta ya está programada.',
  deletion_not_scheduled: 'La eliminación de tu cuenta no está programada.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...accountEs, errors: accountErrorsEs };
