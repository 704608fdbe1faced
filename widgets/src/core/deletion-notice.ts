/**
 * A scheduled account deletion, where the elements show who is signed in (`<acct-user-button>`,
 * `<acct-login>`'s signed-in state, `<acct-delete-account>`): the store's user carries
 * `deletionScheduledFor` while the account is scheduled for deletion (contract/users.ts), and
 * "Cancel deletion" cancels it (`DELETE /api/me/deletion`) then re-reads the session, so every
 * element on the page drops the notice at once.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { User } from '../../../contract/users.js';
import type { Translation } from './i18n/index.js';
import type { SessionStore } from './session-store.js';

/** The date in the reader's language, as the mails and the cancel page write it (UTC). */
export function deletionDate(lang: string, timestamp: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(timestamp));
}

/** Cancels the signed-in user's scheduled deletion and tells every element (the store re-reads the session). */
export async function cancelScheduledDeletion(store: SessionStore): Promise<void> {
  await store.api.call('DELETE /api/me/deletion');
  await store.refresh();
}

/**
 * "Your account is scheduled for deletion on …" with "Cancel deletion", or nothing when the user's
 * account is not scheduled for deletion. Parts: `deletion-notice`, `button cancel-deletion-button`.
 */
export function renderDeletionNotice(
  t: Translation,
  user: User | null,
  { busy, cancel, panel = false }: { busy: boolean; cancel: () => void; panel?: boolean },
): TemplateResult | typeof nothing {
  if (!user?.deletionScheduledFor) return nothing;
  return html`<div part="deletion-notice" class=${panel ? 'panel deletion-notice' : 'deletion-notice'}>
    <p>${t.deletionNotice.text(deletionDate(t.$lang, user.deletionScheduledFor))}</p>
    <button part="button cancel-deletion-button" class="small" type="button" ?disabled=${busy} @click=${cancel}>
      ${t.deletionNotice.cancel}
    </button>
  </div>`;
}
