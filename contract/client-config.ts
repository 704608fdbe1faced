/**
 * The server's public settings (GET /api/config).
 */
import type { SessionTransport, SignInMethod } from './constants.js';
import type { OAuthProviderSummary } from './oauth.js';
import type { ErrorCatalogue, Route } from './wire.js';

/** What `GET /api/config` answers (server/modules/client-config/client-config.routes.ts). */
export interface ClientConfig {
  productName: string;
  /** Enabled sign-in methods, in the order the form offers them. */
  methods: SignInMethod[];
  signUpEnabled: boolean;
  passwordMinLength: number;
  sessionTransport: SessionTransport;
  /** Whether a new account must confirm its address before it can sign in. */
  requireEmailVerification: boolean;
  /** Whether this page's origin may use the API (it is in the server's ACCT_ALLOWED_ORIGINS). */
  originAllowed: boolean;
  /** OAuth / OpenID Connect providers offered, in a stable order (absent from servers older than issue 10). */
  providers?: OAuthProviderSummary[];
  /** The server runs in development mode (`npm start`): setup mistakes may be explained with their exact fix. */
  development: boolean;
  /** Days between asking for the account's deletion and its hard delete (ACCT_DELETION_GRACE_DAYS; absent from servers older than issue 11). */
  deletionGraceDays?: number;
  /** The languages a user may choose for their mail (ACCT_LANGUAGES; absent from servers older than issue 13). */
  languages?: string[];
}

export const ClientConfigErrors = {} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface ClientConfigRoutes {
  'GET /api/config': Route<never, ClientConfig>;
}
