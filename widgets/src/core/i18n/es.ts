/**
 * Spanish. Its core, typed as `TranslationCore`, so a key added to `en.ts` and missing here fails the
 * build; its areas (chunks.ts) are the `es-<area>.ts` files. The
 * reader is addressed with «tú», as most Spanish-language apps do; questions open with «¿», and
 * quotation marks are «…». The elements' sections live in es-<area>.ts files beside the English ones.
 */
import type { AreaChunks } from './chunks.js';
import type { TranslationCore } from './en.js';

export const es: TranslationCore = {
  $lang: 'es',
  $dir: 'ltr',
  loading: 'Cargando…',
  retry: 'Reintentar',
  loadFailed: 'No se pudo cargar el formulario de inicio de sesión.',
  signInTitle: (product) => `Inicia sesión en ${product}`,
  signUpTitle: (product) => `Crea tu cuenta de ${product}`,
  displayName: 'Nombre',
  email: 'Correo electrónico',
  password: 'Contraseña',
  passwordHint: (min) => `Al menos ${min} caracteres.`,
  signIn: 'Iniciar sesión',
  signUp: 'Crear cuenta',
  passkeySignIn: 'Continuar con una llave de acceso',
  magicLinkSignIn: 'Enviarme un enlace para iniciar sesión',
  magicLinkSignUp: 'Enviarme un enlace para registrarme',
  noAccount: '¿Aún no tienes cuenta?',
  createAccount: 'Crear una cuenta',
  haveAccount: '¿Ya tienes una cuenta?',
  signInInstead: 'Iniciar sesión',
  forgotPassword: '¿Olvidaste tu contraseña?',
  forgotTitle: 'Restablece tu contraseña',
  forgotIntro: 'Escribe tu correo electrónico y te enviaremos un enlace para elegir una contraseña nueva.',
  sendResetLink: 'Enviar el enlace',
  resetSentTitle: 'Revisa tu bandeja de entrada',
  resetSent: (email) => `Si hay una cuenta con ${email}, le hemos enviado un enlace para elegir una contraseña nueva.`,
  backToSignIn: 'Volver a iniciar sesión',
  verifyTitle: 'Confirma tu correo electrónico',
  verifySent: (email) => `Hemos enviado un enlace a ${email}. Ábrelo para confirmar tu dirección e iniciar sesión.`,
  verifyNeeded: (email) =>
    `${email} aún no está confirmado. Te hemos enviado un enlace nuevo: ábrelo para confirmar tu dirección e iniciar sesión.`,
  resendLink: 'Volver a enviar el enlace',
  linkResent: 'Te hemos enviado otro enlace.',
  linkSentTitle: 'Revisa tu bandeja de entrada',
  linkSent: (email) =>
    `Hemos enviado un enlace de inicio de sesión a ${email}. Ábrelo en este navegador: esta página iniciará tu sesión sola.`,
  linkLifetime: (when) => `El enlace funciona una vez y caduca ${when}.`,
  linkUsedElsewhere:
    'Iniciaste sesión con el enlace en otro navegador o pestaña. Para iniciar sesión también aquí, pide un enlace nuevo.',
  linkExpired: 'El enlace ha caducado. Pide uno nuevo.',
  sendNewLink: 'Enviar un enlace nuevo',
  passkeySignInCancelled:
    'Se canceló el inicio de sesión con llave de acceso. Puedes volver a intentarlo o iniciar sesión de otra forma.',
  offerPasskey: {
    title: 'Inicia sesión más rápido la próxima vez: añade una llave de acceso',
    text: 'Una llave de acceso te identifica con tu huella, tu cara o el bloqueo de pantalla: nada que escribir, nada que recordar.',
    add: 'Añadir una llave de acceso',
    notNow: 'Ahora no',
    added: 'Tu llave de acceso está añadida. La próxima vez, inicia sesión con ella.',
    cancelled: 'No se añadió ninguna llave de acceso. Puedes añadir una más tarde desde tu cuenta.',
  },
  signedInAs: (name) => `Has iniciado sesión como ${name}.`,
  continue: 'Continuar',
  signOut: 'Cerrar sesión',
  returned: {
    email_verification: 'Tu correo electrónico está confirmado.',
    password_reset: 'Tu nueva contraseña está guardada.',
  },
  validation: {
    displayNameMissing: 'Escribe tu nombre.',
    emailMissing: 'Escribe tu correo electrónico.',
    emailInvalid: 'Escribe un correo electrónico válido, como nombre@example.com.',
    passwordMissing: 'Escribe tu contraseña.',
    passwordTooShort: (min) => `Usa al menos ${min} caracteres.`,
    passwordTooLong: 'Esta contraseña es demasiado larga.',
    passwordTooCommon: 'Esta contraseña es demasiado común. Elige una más difícil de adivinar.',
    fieldInvalid: 'Revisa este campo.',
  },
  errors: {
    unknown: 'Algo salió mal. Vuelve a intentarlo.',
    no_methods: 'Aquí no hay ningún método de inicio de sesión disponible.',
    network_error: 'No se pudo conectar con el servidor. Revisa tu conexión y vuelve a intentarlo.',
    unexpected_response: 'El servidor envió una respuesta que no se pudo leer.',
    invalid_json: 'La solicitud no era un JSON válido.',
    invalid_request: 'Faltan campos o no son válidos.',
    unsupported_media_type: 'La solicitud debe enviarse como JSON.',
    payload_too_large: 'La solicitud es demasiado grande.',
    headers_too_large:
      'Las cabeceras de la solicitud son demasiado grandes. Borrar las cookies de este sitio puede ayudar.',
    malformed_request: 'No se pudo leer la solicitud.',
    request_timeout: 'La solicitud tardó demasiado. Vuelve a intentarlo.',
    too_deeply_nested: 'La solicitud tiene demasiados niveles de anidación.',
    not_found: 'No hay nada en esta dirección.',
    method_not_allowed: 'Esta dirección no acepta esa solicitud.',
    forbidden_origin: 'No se permiten solicitudes desde este sitio.',
    database_unavailable: 'El servicio no está disponible por un momento. Vuelve a intentarlo enseguida.',
    internal_error: 'Algo salió mal por nuestra parte. Vuelve a intentarlo más tarde.',
    invalid_credentials: 'El correo electrónico o la contraseña no son correctos.',
    email_not_verified: 'Primero confirma tu correo electrónico: te hemos enviado un enlace nuevo.',
    email_taken: 'Ya hay una cuenta con este correo electrónico. Inicia sesión.',
    sign_up_disabled: 'Aquí no se pueden crear cuentas nuevas.',
    too_many_requests: 'Demasiados intentos. Espera un momento y vuelve a intentarlo.',
    not_signed_in: 'Tu sesión está cerrada. Vuelve a iniciar sesión.',
    wrong_password: 'Tu contraseña actual no es correcta.',
    invalid_code: 'Este enlace ha caducado o ya se usó. Pide uno nuevo.',
    hosted_page_only: 'Solo la página de inicio de sesión de este servicio puede hacerlo.',
    passkey_challenge_expired: 'Esta solicitud de llave de acceso caducó. Vuelve a intentarlo.',
    invalid_passkey_response: 'No se pudo verificar la llave de acceso. Vuelve a intentarlo.',
    unknown_passkey: 'Esta llave de acceso no está registrada aquí: quizá se eliminó. Inicia sesión de otra forma.',
    passkey_counter_regression:
      'Se rechazó esta llave de acceso porque parece copiada. Inicia sesión de otra forma y revisa tus llaves de acceso.',
    passkey_already_registered: 'Esta llave de acceso ya está registrada en tu cuenta.',
    unknown_provider: 'Este proveedor de inicio de sesión no se ofrece aquí.',
    passkey_cancelled: 'Se canceló la solicitud de llave de acceso.',
    passkey_unsupported: 'Este navegador no puede usar llaves de acceso.',
    passkey_wrong_domain: 'Las llaves de acceso no están configuradas para la dirección de este sitio.',
    passkey_failed: 'No se pudo usar la llave de acceso. Vuelve a intentarlo o inicia sesión de otra forma.',
    passkey_unavailable:
      'No hay ninguna llave de acceso para este sitio en este dispositivo. Inicia sesión de otra forma.',
    passkey_timed_out:
      'La solicitud de llave de acceso tardó demasiado. Vuelve a intentarlo o inicia sesión de otra forma.',
    organization_required: 'Primero crea o elige una organización: vuelve a ese paso.',
    forbidden_role: 'Tu rol en esta organización no lo permite.',
    json_required: 'La solicitud debe enviar un cuerpo JSON.',
    starting: 'El servicio se está iniciando. Vuelve a intentarlo enseguida.',
    oauth_attempt: 'Este intento de inicio de sesión caducó o ya se usó. Vuelve a intentarlo.',
    oauth_provider: 'El proveedor no confirmó quién eres. Vuelve a intentarlo o inicia sesión de otra forma.',
    oauth_no_email:
      'El proveedor no compartió tu correo electrónico, que este sitio necesita. Inicia sesión de otra forma.',
    oauth_account_exists:
      'Ya existe una cuenta con este correo electrónico. Inicia sesión en ella de otra forma y después conecta este proveedor desde tu cuenta.',
    oauth_sign_up_closed:
      'Aquí no se pueden crear cuentas nuevas. Inicia sesión en una cuenta existente de otra forma.',
  },
  tooManyRequestsWait: (when) => `Demasiados intentos. Vuelve a intentarlo ${when}.`,
  deletionNotice: {
    text: (date) => `La eliminación de tu cuenta está programada para el ${date}.`,
    cancel: 'Cancelar la eliminación',
    cancelled: 'Se canceló la eliminación: tu cuenta se mantiene.',
  },
  userButton: {
    menu: (name) => `Cuenta: ${name}`,
    account: 'Tu cuenta',
    signOut: 'Cerrar sesión',
    signIn: 'Iniciar sesión',
  },
  card: {
    passkeyWaiting: 'Esperando tu llave de acceso…',
    passkeyWaitingHint: 'Sigue las indicaciones de tu navegador, o cancela para iniciar sesión de otra forma.',
    cancel: 'Cancelar',
    waitButton: (label, left) => `${label} (${left})`,
    tryAgainNow: 'Ya puedes volver a intentarlo.',
    originNotAllowed: 'El inicio de sesión no está disponible en esta página.',
    originNotAllowedDev: (origin) =>
      `El origen ${origin} de esta página no está en ACCT_ALLOWED_ORIGINS en el servidor de acct. Añádelo allí (ACCT_ALLOWED_ORIGINS=${origin}) y reinicia el servidor.`,
    signedOut: {
      revoked: 'Se cerró tu sesión desde otro dispositivo.',
      expired: 'Tu sesión ha terminado. Vuelve a iniciar sesión.',
    },
    dismiss: 'Cerrar',
    handOver: {
      title: (email, product) => `¿Iniciar sesión en ${product} como ${email}?`,
      explain:
        'Abriste un enlace de inicio de sesión que no se pidió en este navegador. Continúa solo si lo pediste tú.',
      explainInvitation: 'Aceptaste una invitación enviada a esta dirección. Continúa solo si te la enviaron a ti.',
      replaces: (current) => `Tienes la sesión iniciada como ${current}; si continúas, se cerrará esa cuenta.`,
      continue: 'Continuar',
      cancel: 'Cancelar',
    },
  },
  fields: {
    required: 'Rellena este campo.',
    too_short: 'Es demasiado corto.',
    too_long: 'Es demasiado largo.',
    invalid_email: 'Escribe un correo electrónico válido, como nombre@example.com.',
    invalid_time: 'Escribe una hora, como 22:00.',
    invalid_time_zone: 'Elige una zona horaria de la lista.',
    invalid_characters: 'Quita los caracteres especiales.',
    invalid_url: 'Escribe una dirección web completa que empiece por https://.',
    duplicate_day: 'Elige cada día una sola vez.',
    too_large: 'Aquí hay demasiados datos.',
    invalid: 'Revisa este campo.',
  },
};

/** The same strings, under the name every language's core gives them (chunks.ts). */
export { es as strings };

/** Where this language's areas are (chunks.ts): fetched only when a page shows this language. */
export const areas: AreaChunks = {
  account: () => import('./es-account.js'),
  'api-tokens': () => import('./es-api-tokens.js'),
  'connected-apps': () => import('./es-connected-apps.js'),
  mfa: () => import('./es-mfa.js'),
  notifications: () => import('./es-notifications.js'),
  onboarding: () => import('./es-onboarding.js'),
  providers: () => import('./es-providers.js'),
  reauth: () => import('./es-reauth.js'),
  'second-factor': () => import('./es-second-factor.js'),
  security: () => import('./es-security.js'),
  webhooks: () => import('./es-webhooks.js'),
};
