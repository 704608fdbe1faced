/**
 * Field rules both sides share: the server validates with them, and the elements' forms follow
 * the same limits. zod schemas, so only the server imports this file at runtime.
 */
import { z } from 'zod';

/** An email address as accounts use it: trimmed, at most 254 characters, one @ with text both sides. */
export const emailField = z
  .string('invalid_email')
  .trim()
  .max(254, 'invalid_email')
  .pipe(z.email('invalid_email'))
  .transform((email) => email.toLowerCase());

/**
 * What no name people see may hold: control characters (line breaks and tabs end up in mail
 * subjects and break lines; U+0000 cannot even be stored), line and paragraph separators,
 * bidirectional embeddings, overrides and isolates (which make a name read differently from what
 * it is: "Acme\u202Egnp.exe" shows as "Acmeexe.png"), and lone surrogates (no character at all).
 */
const UNSAFE_NAME_CHARACTERS = /[\p{Cc}\p{Cs}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/**
 * What shows nothing: spaces, the default-ignorable characters (zero-width spaces and joiners,
 * the Hangul fillers, variation selectors…) and the blank Braille pattern. At a name's ends they
 * only hide what the name is ("\u200Badmin" reads "admin"), and a name of nothing else is empty.
 */
const INVISIBLE = '[\\p{White_Space}\\p{Default_Ignorable_Code_Point}\\u2800]';
const INVISIBLE_AT_ENDS = new RegExp(`^${INVISIBLE}+|${INVISIBLE}+$`, 'gu');

/**
 * The one rule for every name a user or an administrator sets and others see — display names,
 * organization names, passkey names, the titles of onboarding paths, steps, checklist items and
 * templates: normalised to NFC (so that "é" typed two ways is one name), trimmed of anything
 * invisible at its ends (so a name of only that is `required`), 1 to `max` characters, and
 * `invalid_characters` for anything in UNSAFE_NAME_CHARACTERS. Letters of every script, combining
 * marks, emoji and zero-width joiners inside a name (which emoji and several scripts need) are all
 * fine.
 */
export const nameField = (max: number) =>
  z
    .string()
    .normalize('NFC')
    .overwrite((name) => name.replace(INVISIBLE_AT_ENDS, ''))
    .min(1, 'required')
    .max(max, 'too_long')
    .refine((name) => !UNSAFE_NAME_CHARACTERS.test(name), 'invalid_characters');

/**
 * The per-browser key the elements send with every request that starts an emailed flow, and with
 * the hand-over exchange (docs/security.md, login CSRF through the hand-over code).
 */
export const browserKeyField = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,128}$/, 'invalid_browser_key')
  .optional();
