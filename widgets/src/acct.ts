/**
 * The bundle entry, built into the one file a site loads: `<script type="module"
 * src="https://auth.example.com/acct.js">`. It registers every element; each element module also
 * stays importable alone (`elements/<name>/define.ts`) for sites that bundle acct themselves.
 */
import './elements/login/define.js';

export { AcctLogin } from './elements/login/login.js';
export { ApiError } from './core/api-client.js';
export type { AcctErrorDetail } from './core/events.js';
