/**
 * Spanish, the second factor's section of the Spanish string set (es.ts puts it together), and the
 * messages of the MFA error codes, which es.ts spreads into `errors`. Addressed with «tú», as in es.ts.
 */
import type { MfaSections, mfaErrorsEn } from './en-mfa.js';

export const mfaEs: MfaSections = {
  mfa: {
    title: 'Verificación en dos pasos',
    intro:
      'Además de tu contraseña o tu enlace de inicio de sesión, pide un código de una aplicación de autenticación en tu teléfono.',
    signedOut: 'Inicia sesión para gestionar la verificación en dos pasos.',
    loadFailed: 'No se pudo cargar la verificación en dos pasos.',
    off: 'La verificación en dos pasos está desactivada.',
    on: 'La verificación en dos pasos está activada.',
    enabledSince: (when) => `Activada desde ${when}.`,
    turnOn: 'Configurar una aplicación de autenticación',
    scan: 'Escanea este código QR con tu aplicación de autenticación (como Google Authenticator, 1Password o Authy).',
    qrLabel: 'Código QR de tu clave de autenticación',
    manualKey: 'O escribe esta clave en la aplicación:',
    codeLabel: 'Código de la aplicación',
    codeHint: 'Seis dígitos.',
    confirm: 'Activar',
    cancel: 'Cancelar',
    recoveryTitle: 'Guarda tus códigos de recuperación',
    recoveryText:
      'Cada código te permite iniciar sesión una vez si pierdes tu teléfono. Solo se muestran ahora: guárdalos en un lugar seguro, como un gestor de contraseñas.',
    copy: 'Copiar',
    copied: 'Copiados.',
    download: 'Descargar (.txt)',
    print: 'Imprimir',
    done: 'Ya los he guardado',
    remaining: (count) =>
      count === 1 ? 'Te queda 1 código de recuperación.' : `Te quedan ${count} códigos de recuperación.`,
    fewLeft: 'Te quedan pocos códigos de recuperación: genera otros nuevos.',
    regenerate: 'Generar códigos de recuperación nuevos',
    confirmRegenerate: '¿Generar códigos de recuperación nuevos? Los actuales dejarán de funcionar.',
    disable: 'Desactivar',
    confirmDisable:
      '¿Desactivar la verificación en dos pasos? Para iniciar sesión solo se volverá a pedir tu contraseña o un enlace.',
    disabled: 'La verificación en dos pasos está desactivada.',
    fileHeading: (product) => `Códigos de recuperación de ${product}`,
    fileNote: 'Cada código funciona una sola vez.',
  },
};

export const mfaErrorsEs: typeof mfaErrorsEn = {
  mfa_already_enabled: 'La verificación en dos pasos ya está activada.',
  mfa_not_enabled: 'La verificación en dos pasos no está activada.',
  mfa_enrolment_missing: 'Vuelve a empezar la configuración de la aplicación de autenticación.',
  mfa_required:
    'Esta organización exige la verificación en dos pasos. Actívala en la configuración de seguridad de tu cuenta y después vuelve.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...mfaEs, errors: mfaErrorsEs };
