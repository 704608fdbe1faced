// Moved to login-history.queries.ts (AuthMethod to contract/sessions.ts); importers move there
// too, then this file goes (issue 9).
export type { AuthMethod } from '../../../contract/sessions';
export { isNewDevice, recordLogin, type LoginRecord } from './login-history.queries';
