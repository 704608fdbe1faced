// Moved to the wire contract (contract/); importers move there too, then this file goes (issue 9).
export type { User } from '../../../contract/users.js';
export type { Session, AuthMethod, DeviceSession } from '../../../contract/sessions.js';
export type { SignedIn, MagicLinkSent, MagicLinkStatus } from '../../../contract/auth.js';
export type { LoginEventType, LoginEvent, LoginHistoryPage } from '../../../contract/login-history.js';
export type { Passkey, PasskeyRemoved } from '../../../contract/passkeys.js';
