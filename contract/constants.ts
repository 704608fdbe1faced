/**
 * The contract's few runtime values: lists both sides iterate over. Kept free of zod and of
 * anything else, because the elements' bundle imports this file.
 */

/** Sign-in methods a server can enable, in the server's default order. */
export const SIGN_IN_METHODS = ['passkey', 'magic-link', 'password'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** How the server carries the session (docs/security.md, "Sessions across origins"). */
export const SESSION_TRANSPORTS = ['cookie', 'partitioned-cookie', 'bearer'] as const;
export type SessionTransport = (typeof SESSION_TRANSPORTS)[number];

/**
 * The fragment keys the provider's return adds to the page that started a link while signed in
 * (contract/connected-accounts.ts): `#acct_link=<code>`, or `#acct_link_error=<error code>`.
 */
export const LINK_FRAGMENT = { code: 'acct_link', error: 'acct_link_error' } as const;
