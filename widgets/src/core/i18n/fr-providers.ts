/**
 * French: the provider buttons’ words (en-providers.ts).
 */
import type { ProviderSections } from './en-providers.js';

export const providersFr: ProviderSections = {
  providers: {
    continueWith: (name) => `Continuer avec ${name}`,
    signInWith: (name) => `Se connecter avec ${name}`,
    separator: 'ou',
    waiting: (name) => `Terminez la connexion avec ${name} dans la fenêtre qui s’est ouverte.`,
  },
};

/** The area as the registry fetches it (chunks.ts). */
export default providersFr;
