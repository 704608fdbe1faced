/**
 * The letters an avatar shows when the user has no picture: one rule for `<acct-user-button>` and
 * `<acct-profile>`, which import it without each other's code (the sign-in page, which shows no
 * avatar, never loads it).
 */
import type { User } from '../../../contract/users.js';

/** Up to two initials from the name ("Ada Lovelace" → "AL"), else the address's first letter. */
export function initials(user: User): string {
  const words = (user.displayName ?? '').trim().split(/\s+/).filter(Boolean);
  const letters = words.length ? [words[0], words.length > 1 ? words.at(-1) : undefined] : [user.email];
  return letters
    .map((word) => (word ? [...word][0] : ''))
    .join('')
    .toLocaleUpperCase();
}
