/**
 * Passkeys: registering, signing in, naming and removing them.
 * Filled in by issue 9: request schemas, answer types and error codes of this area.
 */
import type { ErrorCatalogue, Timestamp } from './wire.js';

/** One of the user's passkeys (`GET /api/passkeys`, and the answer to registering or renaming one). */
export interface Passkey {
  id: string;
  /**
   * The user's name for it, or the authenticator's product ("iCloud Keychain"); null when neither
   * exists, and the element then calls it "Passkey" in its own language.
   */
  name: string | null;
  createdAt: Timestamp;
  lastUsedAt: Timestamp | null;
  /** Backed up and synced between devices (a password manager, a platform account), or bound to one device. */
  synced: boolean;
  transports: string[];
}

/** `DELETE /api/passkeys/:id`: the other sessions that had signed in with it were ended too. */
export interface PasskeyRemoved {
  removed: true;
  sessionsEnded: number;
}

export const PasskeyErrors = {} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export type PasskeyRoutes = Record<never, never>;
