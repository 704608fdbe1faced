/**
 * The shapes of the acct server's answers that the elements read: the signed-in user, the session,
 * the sessions list, the login history, passkeys and emailed sign-in links. They mirror the server's routes (server/modules/…);
 * the elements only read them, so every field the server may add later is simply ignored.
 */

/** The signed-in user, as every auth answer and `GET /api/me` return it. */
export interface User {
  id: string;
  email: string;
  emailVerified: boolean;
  displayName: string | null;
  avatarUrl: string | null;
  role: 'user' | 'admin';
}

/** The current session. `token` only comes with the bearer transport, and only on sign-in, exchange and refresh. */
export interface Session {
  id: string;
  expiresAt: string;
  token?: string;
}

/** How a session was started (the sessions list's and the login history's `method`). */
export type AuthMethod = 'password' | 'magic_link' | 'passkey' | 'oauth';

/** `POST /api/auth/sign-in`, `/sign-up` (without verification) and `/api/session/exchange`. */
export interface SignedIn {
  user: User;
  session: Session;
  /** Only on the exchange: how the emailed flow signed the user in. */
  method?: AuthMethod | string;
}

/** One row of `GET /api/sessions`. */
export interface DeviceSession {
  id: string;
  current: boolean;
  deviceType: 'desktop' | 'mobile' | 'tablet' | null;
  deviceName: string | null;
  browser: string | null;
  os: string | null;
  ipAddress: string | null;
  city: string | null;
  country: string | null;
  method: AuthMethod | string | null;
  createdAt: string;
  lastActiveAt: string;
}

export type LoginEventType = 'login_success' | 'login_failed' | 'logout' | 'password_reset' | 'password_changed';

/** One row of `GET /api/login-history`. */
export interface LoginEvent {
  id: string;
  eventType: LoginEventType | string;
  method: AuthMethod | string | null;
  success: boolean;
  failureReason: string | null;
  ipAddress: string | null;
  device: { type: string | null; name: string | null; browser: string | null; os: string | null } | null;
  location: { city: string | null; country: string | null } | null;
  createdAt: string;
}

/** One page of the login history; `nextCursor` is null on the last page. */
export interface LoginHistoryPage {
  events: LoginEvent[];
  nextCursor: string | null;
}

/** One of the user's passkeys (`GET /api/passkeys`, and the answer to registering or renaming one). */
export interface Passkey {
  id: string;
  /**
   * The user's name for it, or the authenticator's product ("iCloud Keychain"); null when neither
   * exists, and the element then calls it "Passkey" in its own language.
   */
  name: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  /** Backed up and synced between devices (a password manager, a platform account), or bound to one device. */
  synced: boolean;
  transports: string[];
}

/** `DELETE /api/passkeys/:id`: the other sessions that had signed in with it were ended too. */
export interface PasskeyRemoved {
  removed: true;
  sessionsEnded: number;
}

/** `POST /api/auth/magic-link`: the same answer for any address, so it says nothing about accounts. */
export interface MagicLinkSent {
  status: 'link_sent';
  /** What to poll at `GET /api/auth/magic-link/:linkId/status`. */
  linkId: string;
  /** How long the link works; polling past that is pointless. */
  expiresInSeconds: number;
}

/** `GET /api/auth/magic-link/:linkId/status`: only whether the link was used, and nothing about who. */
export type MagicLinkStatus = 'pending' | 'used';
