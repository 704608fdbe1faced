/**
 * English, the provider buttons’ words (`<acct-login>`, login-providers.ts), fetched with them when
 * the server offers a provider (chunks.ts).
 */

export const providersEn = {
  providers: {
    continueWith: (name: string) => `Continue with ${name}`,
    /** Microsoft's guidelines name the button this way. */
    signInWith: (name: string) => `Sign in with ${name}`,
    /** Between the provider buttons and the form. */
    separator: 'or',
    /** While the provider's window is open. */
    waiting: (name: string) => `Finish signing in with ${name} in the window that opened.`,
  },
};

export type ProviderSections = typeof providersEn;

/** The area as the registry fetches it (chunks.ts). */
export default providersEn;
