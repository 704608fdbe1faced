/**
 * The bundle entry, built into the one file a site loads: `<script type="module"
 * src="https://auth.example.com/acct.js">`. It registers every element; each element module also
 * stays importable alone (`elements/<name>/define.ts`) for sites that bundle acct themselves.
 */
import './elements/login/define.js';
import './elements/login-history/define.js';
import './elements/sessions/define.js';
import './elements/user-button/define.js';

export { AcctLogin } from './elements/login/login.js';
export { AcctLoginHistory } from './elements/login-history/login-history.js';
export { AcctSessions } from './elements/sessions/sessions.js';
export { AcctUserButton } from './elements/user-button/user-button.js';
export { ApiError } from './core/api-client.js';
export type { User, DeviceSession, LoginEvent } from './core/api-types.js';
export type {
  AcctErrorDetail,
  AcctSessionRevokedDetail,
  AcctSignedInDetail,
  AcctSignedOutDetail,
  AcctSignedUpDetail,
} from './core/events.js';
