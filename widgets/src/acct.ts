/**
 * The bundle entry, built into the one file a site loads: `<script type="module"
 * src="https://auth.example.com/acct.js">`. It registers every element; each element module also
 * stays importable alone (`elements/<name>/define.ts`) for sites that bundle acct themselves.
 */
import './elements/login/define.js';
import './elements/login-history/define.js';
import './elements/passkeys/define.js';
import './elements/connected-accounts/define.js';
import './elements/sessions/define.js';
import './elements/user-button/define.js';
import './elements/checklist/define.js';
import './elements/onboarding/define.js';
import './elements/organization/define.js';
import './elements/templates/define.js';
import './elements/hand-over/define.js';

export { AcctLogin } from './elements/login/login.js';
export { AcctLoginHistory } from './elements/login-history/login-history.js';
export { AcctPasskeys } from './elements/passkeys/passkeys.js';
export { AcctConnectedAccounts } from './elements/connected-accounts/connected-accounts.js';
export { AcctSessions } from './elements/sessions/sessions.js';
export { AcctUserButton } from './elements/user-button/user-button.js';
export { AcctHandOver } from './elements/hand-over/hand-over.js';
export { ApiError } from './core/api-client.js';
export { hostedLoginUrl } from './core/return-code.js';
// The wire types a page may want (contract/), e.g. an event's detail.
export type { User } from '../../contract/users.js';
export type { DeviceSession } from '../../contract/sessions.js';
export type { LoginEvent } from '../../contract/login-history.js';
export type { Passkey } from '../../contract/passkeys.js';
export type { ConnectedAccount } from '../../contract/connected-accounts.js';
export { AcctChecklist } from './elements/checklist/checklist.js';
export { AcctOnboarding } from './elements/onboarding/onboarding.js';
export { AcctOrganization } from './elements/organization/organization.js';
export { AcctTemplates } from './elements/templates/templates.js';
export type * from '../../contract/onboarding.js';
export type * from '../../contract/checklist.js';
export type * from '../../contract/templates.js';
export type { Organization, Member, Invitation, OrganizationRole, InvitedRole } from '../../contract/organizations.js';
// Every event's name and detail type (contract/events.ts), and the DOM event map entries.
export type * from './core/events.js';
