/**
 * The VAPID key pair (RFC 8292) that identifies acct to push services: the browser subscribes
 * with the public key (`applicationServerKey`), and every push request carries a JWT signed with
 * the private one, which the push service checks against it. Kept like the JWT signing keys
 * (signing-keys/signing-keys.ts): generated on first use, stored in `auth.vapid_keys` with the
 * private key sealed by the encryption envelope, so every process and every restart uses the same
 * pair — a new pair would silently orphan every browser's subscription. `ACCT_VAPID_PUBLIC_KEY`
 * and `ACCT_VAPID_PRIVATE_KEY` override it (push-settings.ts).
 */
import webpush from 'web-push';
import type { Services } from '../../services';
import { insertVapidKey, readVapidKey } from './push.queries';

export interface VapidKeyPair {
  /** base64url, an uncompressed P-256 point (65 bytes). */
  publicKey: string;
  /** base64url, 32 bytes. */
  privateKey: string;
}

/** The envelope's associated data: the sealed key opens only as this row's. */
const SEALED_FOR = 'vapid_key:1';

/** Per server (its envelope): the key pair never changes while it runs. */
const loaded = new WeakMap<object, VapidKeyPair>();

export async function vapidKeys({ config, db, envelope }: Services): Promise<VapidKeyPair> {
  if (config.push.vapidKeys) return config.push.vapidKeys;
  const cached = loaded.get(envelope);
  if (cached) return cached;
  let row = await readVapidKey(db.knex);
  if (!row) {
    const generated = webpush.generateVAPIDKeys();
    await insertVapidKey(db.knex, {
      public_key: generated.publicKey,
      private_key_encrypted: envelope.seal(generated.privateKey, SEALED_FOR),
    });
    row = (await readVapidKey(db.knex))!;
  }
  const pair = { publicKey: row.public_key, privateKey: envelope.open(row.private_key_encrypted, SEALED_FOR) };
  loaded.set(envelope, pair);
  return pair;
}
