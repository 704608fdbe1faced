/**
 * Spanish: the provider buttons’ words (en-providers.ts).
 */
import type { ProviderSections } from './en-providers.js';

export const providersEs: ProviderSections = {
  providers: {
    continueWith: (name) => `Continuar con ${name}`,
    signInWith: (name) => `Iniciar sesión con ${name}`,
    separator: 'o',
    waiting: (name) => `Termina de iniciar sesión con ${name} en la ventana que se abrió.`,
  },
};

/** The area as the registry fetches it (chunks.ts). */
export default providersEs;
