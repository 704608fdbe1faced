/**
 * German: the provider buttons’ words (en-providers.ts).
 */
import type { ProviderSections } from './en-providers.js';

export const providersDe: ProviderSections = {
  providers: {
    continueWith: (name) => `Weiter mit ${name}`,
    signInWith: (name) => `Mit ${name} anmelden`,
    separator: 'oder',
    waiting: (name) => `Schließen Sie die Anmeldung mit ${name} im geöffneten Fenster ab.`,
  },
};

/** The area as the registry fetches it (chunks.ts). */
export default providersDe;
