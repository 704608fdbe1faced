/**
 * Registers `<acct-reauth-dialog>`. The session store registers it itself before showing it, so
 * no page has to import this; acct.js does, so that the manifest and a page's styles see it too.
 */
import { AcctReauthDialog, defineReauthDialog } from './reauth-dialog.js';

defineReauthDialog();

export { AcctReauthDialog };
