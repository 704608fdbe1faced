/**
 * Web Push settings (docs/settings.md "Web Push"), read from the environment by config.ts:
 *
 * - `ACCT_VAPID_PUBLIC_KEY` / `ACCT_VAPID_PRIVATE_KEY`: a fixed VAPID key pair (base64url, as
 *   `npx web-push generate-vapid-keys` prints it), both or neither. Unset, acct generates one on
 *   first use and keeps it in the database, the private key sealed like the JWT signing keys.
 * - `ACCT_VAPID_SUBJECT`: how a push service operator reaches the sender (RFC 8292 §2.1), a
 *   `mailto:` or `https:` URL; default `mailto:` the mail from-address.
 * - `ACCT_PUSH_ALLOW_LOOPBACK`: accept push endpoints on loopback addresses, over plain http too.
 *   For tests and local development only: a real push service is an https address on the public
 *   internet, and anything else is refused (an SSRF guard, docs/security.md W1).
 */
import { createECDH } from 'node:crypto';

export interface PushSettings {
  /** A fixed key pair from the environment; undefined: the one kept in the database. */
  vapidKeys: { publicKey: string; privateKey: string } | undefined;
  /** The VAPID `sub` claim. */
  subject: string;
  /** Loopback endpoints (http or https) are accepted: tests and local development only. */
  allowLoopbackEndpoints: boolean;
}

const FLAG_VALUES: Record<string, boolean> = { true: true, '1': true, yes: true, false: false, '0': false, no: false };

/** The address inside `Name <address>`, or the whole text. */
function mailAddress(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1]?.trim() ?? from.trim();
}

/** The public key of `privateKey` (base64url), or undefined when it is no P-256 private key. */
export function publicKeyOf(privateKey: string): string | undefined {
  const bytes = Buffer.from(privateKey, 'base64url');
  if (bytes.length !== 32) return undefined;
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(bytes);
    return ecdh.getPublicKey().toString('base64url');
  } catch {
    return undefined;
  }
}

/** Web Push settings from the (non-empty) environment, with a line per problem. */
export function parsePushSettings(
  env: Record<string, string | undefined>,
  defaults: { mailFrom: string },
): { settings: PushSettings; problems: string[] } {
  const problems: string[] = [];
  const publicKey = env.ACCT_VAPID_PUBLIC_KEY?.trim();
  const privateKey = env.ACCT_VAPID_PRIVATE_KEY?.trim();
  let vapidKeys: PushSettings['vapidKeys'];
  if (publicKey || privateKey) {
    if (!publicKey || !privateKey) {
      problems.push('ACCT_VAPID_PUBLIC_KEY and ACCT_VAPID_PRIVATE_KEY: set both or neither');
    } else if (publicKeyOf(privateKey) !== publicKey.replace(/=+$/, '')) {
      problems.push(
        'ACCT_VAPID_PRIVATE_KEY: must be a base64url P-256 private key whose public key is ACCT_VAPID_PUBLIC_KEY',
      );
    } else {
      vapidKeys = { publicKey: publicKey.replace(/=+$/, ''), privateKey };
    }
  }

  const subject = env.ACCT_VAPID_SUBJECT?.trim() || `mailto:${mailAddress(defaults.mailFrom)}`;
  if (!/^(mailto:\S+@\S+|https:\/\/\S+)$/.test(subject)) {
    problems.push('ACCT_VAPID_SUBJECT: must be a mailto: address or an https: URL');
  }

  const flag = env.ACCT_PUSH_ALLOW_LOOPBACK?.trim().toLowerCase() ?? 'false';
  const allowLoopbackEndpoints = FLAG_VALUES[flag];
  if (allowLoopbackEndpoints === undefined) problems.push('ACCT_PUSH_ALLOW_LOOPBACK: must be true or false');

  return { settings: { vapidKeys, subject, allowLoopbackEndpoints: allowLoopbackEndpoints ?? false }, problems };
}
