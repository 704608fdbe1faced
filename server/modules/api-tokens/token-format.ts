/**
 * The API token's format: `acct_live_<id>_<secret>_<crc>` (68 characters), where
 * - `acct_live_` lets secret scanners and people recognise a token;
 * - `<id>` is 8 random characters [a-z0-9], stored in `token_prefix` (unique): the lookup key;
 * - `<secret>` is 40 random characters [A-Za-z0-9] (238 bits);
 * - `<crc>` is the CRC-32 of everything before it, as 8 hex digits, so a typo or a truncated
 *   copy is refused by `parseApiToken` before any database query, and a scanner can tell a real
 *   token from a look-alike without asking us.
 * Only the SHA-256 of the whole token is stored (security/tokens.ts `hashToken`).
 */
import { randomInt } from 'node:crypto';
import { API_TOKEN_PREFIX } from '../../../contract/api-tokens';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 8;
const SECRET_LENGTH = 40;
const TOKEN_SHAPE = /^acct_live_([a-z0-9]{8})_[A-Za-z0-9]{40}_([0-9a-f]{8})$/;
/** The longest an Authorization header value worth parsing can be; anything longer is refused unread. */
const TOKEN_LENGTH = API_TOKEN_PREFIX.length + ID_LENGTH + 1 + SECRET_LENGTH + 1 + 8;

/** The IEEE CRC-32 table (node:zlib has crc32 only from Node 22). */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 of an ASCII string, as 8 lowercase hex digits. */
export function crc32Hex(text: string): string {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

/** Uniformly random characters from `alphabet` (randomInt rejects the modulo bias). */
function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export interface NewApiToken {
  /** The whole token, shown to its creator once. */
  token: string;
  /** Its `<id>` part, stored in `token_prefix`. */
  lookupId: string;
}

/** A fresh token. */
export function generateApiToken(): NewApiToken {
  const lookupId = randomString(ID_ALPHABET, ID_LENGTH);
  const body = `${API_TOKEN_PREFIX}${lookupId}_${randomString(SECRET_ALPHABET, SECRET_LENGTH)}`;
  return { token: `${body}_${crc32Hex(body)}`, lookupId };
}

/** The lookup id of a well-formed token with a right checksum; undefined for anything else. No I/O. */
export function parseApiToken(value: string): { lookupId: string } | undefined {
  if (value.length !== TOKEN_LENGTH) return undefined;
  const match = TOKEN_SHAPE.exec(value);
  if (!match || crc32Hex(value.slice(0, -9)) !== match[2]) return undefined;
  return { lookupId: match[1]! };
}

/** Whether a bearer value claims to be an API token (then it is judged as one, never as a session). */
export function claimsToBeApiToken(value: string): boolean {
  return value.startsWith(API_TOKEN_PREFIX);
}

/** What lists show: the recognisable prefix and the lookup id, nothing of the secret. */
export function displayPrefix(lookupId: string): string {
  return `${API_TOKEN_PREFIX}${lookupId}`;
}
