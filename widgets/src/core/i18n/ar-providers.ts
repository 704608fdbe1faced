/**
 * Arabic: the provider buttons’ words (en-providers.ts).
 */
import type { ProviderSections } from './en-providers.js';

export const providersAr: ProviderSections = {
  providers: {
    continueWith: (name) => `المتابعة باستخدام ${name}`,
    signInWith: (name) => `تسجيل الدخول باستخدام ${name}`,
    separator: 'أو',
    waiting: (name) => `أكمل تسجيل الدخول باستخدام ${name} في النافذة التي فُتحت.`,
  },
};

/** The area as the registry fetches it (chunks.ts). */
export default providersAr;
