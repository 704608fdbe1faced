/**
 * Spanish: the second step of signing in (en-second-factor.ts).
 */
import type { SecondFactorSections, secondFactorErrorsEn } from './en-second-factor.js';

export const secondFactorEs: SecondFactorSections = {
  secondFactor: {
    title: 'Escribe tu código',
    intro: 'Abre tu aplicación de autenticación y escribe el código de seis dígitos que muestra para esta cuenta.',
    recoveryIntro:
      'Escribe uno de los códigos de recuperación que guardaste al configurar la verificación en dos pasos.',
    codeLabel: 'Código',
    recoveryLabel: 'Código de recuperación',
    verify: 'Verificar',
    useRecovery: 'Usar un código de recuperación',
    useApp: 'Usar la aplicación de autenticación',
    startOver: 'Empezar de nuevo',
  },
};

export const secondFactorErrorsEs: typeof secondFactorErrorsEn = {
  invalid_mfa_code: 'Ese código no es correcto o ya se usó. Prueba con el siguiente.',
  mfa_challenge_expired: 'Este inicio de sesión ha caducado. Vuelve a iniciar sesión.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...secondFactorEs, errors: secondFactorErrorsEs };
