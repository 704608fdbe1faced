/**
 * Registers `<acct-hand-over>`. The session store registers it itself before showing it, so no
 * page has to import this; acct.js does, so that the manifest and a page's styles see it too.
 */
import { AcctHandOver, defineHandOver } from './hand-over.js';

defineHandOver();

export { AcctHandOver };
