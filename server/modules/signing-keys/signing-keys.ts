/**
 * ES256 keys for the short-lived JWTs that site backends verify without calling acct on every
 * request (docs/architecture.md §6 "Sign-in and sessions"). The first start generates a key; `rotate()` (or
 * `npm run keys:rotate`) adds a newer one, which signs from then on. Rotated keys stay in the JWKS
 * for an hour, far longer than any token they signed (≤ 5 minutes). Private keys are stored as
 * AES-GCM envelopes bound to their key id.
 *
 * This class is the module's service (the services hold one); its SQL is in
 * signing-keys.queries.ts, and `GET /.well-known/jwks.json` in jwks.routes.ts.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type CryptoKey } from 'jose';
import type { Knex } from 'knex';
import { lockInTransaction } from '../../db/one-at-a-time';
import type { Envelope } from '../../security/envelope';
import { currentKeyId, insertKey, newestCurrentKey, publishedKeys, retireCurrentKeys } from './signing-keys.queries';

const ALGORITHM = 'ES256';
/** Rotated keys are published this long after rotation. */
const RETIRED_KEY_PUBLISHED_SECONDS = 3600;
/** Other server processes pick up a rotation within this time. */
const CACHE_MS = 5 * 60_000;

export interface TokenClaims {
  sub: string;
  sid: string;
  email: string;
}

interface CachedSigner {
  kid: string;
  key: CryptoKey;
  loadedAt: number;
}

export class SigningKeys {
  private signer: CachedSigner | undefined;

  constructor(
    private readonly knex: Knex,
    private readonly envelope: Envelope,
    private readonly issuer: string,
  ) {}

  /** Makes sure a signing key exists (the first start creates one). */
  async ensureKey(): Promise<void> {
    if (await currentKeyId(this.knex)) return;
    // Processes starting together on a new database: one makes the key, the others then see it.
    await this.knex.transaction(async (trx) => {
      await lockInTransaction(trx, 'acct:signing-keys');
      if (!(await currentKeyId(trx))) await this.createKey(trx);
    });
  }

  /** Adds a new key that signs from now on; the previous ones are marked rotated. Returns its id. */
  async rotate(): Promise<string> {
    const kid = await this.knex.transaction(async (trx) => {
      await retireCurrentKeys(trx);
      return this.createKey(trx);
    });
    this.signer = undefined;
    return kid;
  }

  private async createKey(db: Knex | Knex.Transaction = this.knex): Promise<string> {
    const kid = randomUUID();
    const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' };
    const privateJwk = JSON.stringify(await exportJWK(privateKey));
    await insertKey(db, {
      kid,
      algorithm: ALGORITHM,
      public_jwk: JSON.stringify(publicJwk),
      private_jwk_encrypted: this.envelope.seal(privateJwk, `signing_key:${kid}`),
    });
    return kid;
  }

  private async currentSigner(): Promise<CachedSigner> {
    if (this.signer && Date.now() - this.signer.loadedAt < CACHE_MS) return this.signer;
    const row = await newestCurrentKey(this.knex);
    if (!row) throw new Error('no signing key: ensureKey() was not run');
    const jwk = JSON.parse(this.envelope.open(row.private_jwk_encrypted, `signing_key:${row.kid}`)) as JWK;
    this.signer = { kid: row.kid, key: (await importJWK(jwk, ALGORITHM)) as CryptoKey, loadedAt: Date.now() };
    return this.signer;
  }

  /** A signed JWT for a session, valid for `ttlSeconds` (≤ 300), for the backends named in `audience`. */
  async sign(claims: TokenClaims, ttlSeconds: number, audience: string[]): Promise<{ token: string; expiresAt: Date }> {
    const { kid, key } = await this.currentSigner();
    const issuedAt = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ sid: claims.sid, email: claims.email })
      .setProtectedHeader({ alg: ALGORITHM, kid, typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(this.issuer)
      // One audience is written as a string, several as an array (RFC 7519 §4.1.3 allows both).
      .setAudience(audience.length === 1 ? audience[0]! : audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds)
      .sign(key);
    return { token, expiresAt: new Date((issuedAt + ttlSeconds) * 1000) };
  }

  /** The published keys: the current ones and those rotated within the last hour. */
  async jwks(): Promise<{ keys: JWK[] }> {
    const rows = await publishedKeys(this.knex, RETIRED_KEY_PUBLISHED_SECONDS);
    return { keys: rows.map((r) => r.public_jwk as JWK) };
  }
}
