/**
 * Spanish, the re-authentication dialog's section of the Spanish string set (es.ts puts it
 * together), and the messages of the re-authentication error codes, which es.ts spreads into `errors`.
 */
import type { ReauthSections, reauthErrorsEn } from './en-reauth.js';

export const reauthEs: ReauthSections = {
  reauth: {
    title: 'Confirma que eres tú',
    explain: 'Por tu seguridad, vuelve a demostrar que eres tú antes de este cambio. Tu sesión sigue iniciada.',
    password: 'Contraseña',
    code: 'Código de tu aplicación de autenticación',
    confirm: 'Confirmar',
    usePasskey: 'Usar una llave de acceso',
    or: 'o',
    cancel: 'Cancelar',
    checking: 'Comprobando…',
    noMethod:
      'Tu cuenta no tiene ninguna forma de confirmarlo aquí. Cierra sesión, vuelve a iniciarla y inténtalo de nuevo.',
    loadFailed: 'No se pudieron cargar las formas de confirmarlo.',
  },
};

export const reauthErrorsEs: typeof reauthErrorsEn = {
  reauthentication_required: 'Por tu seguridad, confirma que eres tú para continuar.',
  reauthentication_failed: 'Eso no demostró que eres tú. Vuelve a intentarlo.',
  reauthentication_method_unavailable: 'Esta forma de confirmarlo no está disponible para tu cuenta.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...reauthEs, errors: reauthErrorsEs };
