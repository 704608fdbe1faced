/**
 * Secrets at rest (docs/architecture.md §4 "Data"): AES-256-GCM envelopes `v1.<kid>.<iv>.<ciphertext+tag>`
 * under keys that carry an id, so keys can rotate — new writes use the newest key, old rows still
 * open with theirs. Every envelope is bound to its row through the associated data (e.g.
 * `mail_queue:<id>`), so a ciphertext copied into another row, or one flipped bit, fails to open
 * (docs/security.md G2).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export class EnvelopeError extends Error {
  override name = 'EnvelopeError';
}

export interface Envelope {
  /** Id of the key new envelopes are sealed with. */
  currentKeyId: string;
  seal(plaintext: string, associatedData: string): string;
  open(envelope: string, associatedData: string): string;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses `kid=base64key,kid2=base64key2` (newest first); each key must be 32 bytes. */
export function parseKeyList(raw: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of raw.split(/[\s,]+/).filter(Boolean)) {
    const at = entry.indexOf('=');
    const kid = entry.slice(0, at);
    const key = Buffer.from(entry.slice(at + 1), 'base64');
    if (at < 1 || !KEY_ID.test(kid) || key.length !== 32) {
      throw new EnvelopeError(
        'ACCT_ENCRYPTION_KEYS: each entry must be kid=<32 bytes in base64>, e.g. k1=' +
          randomBytes(32).toString('base64'),
      );
    }
    if (keys.has(kid)) throw new EnvelopeError(`ACCT_ENCRYPTION_KEYS: key id ${kid} appears twice`);
    keys.set(kid, key);
  }
  if (!keys.size) throw new EnvelopeError('ACCT_ENCRYPTION_KEYS is empty');
  return keys;
}

export function createEnvelope(keys: Map<string, Buffer>): Envelope {
  const [currentKeyId, currentKey] = [...keys][0]!;
  return {
    currentKeyId,
    seal(plaintext, associatedData) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', currentKey, iv);
      cipher.setAAD(Buffer.from(associatedData, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `v1.${currentKeyId}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(envelope, associatedData) {
      const [version, kid = '', iv = '', body = ''] = envelope.split('.');
      const key = keys.get(kid);
      if (version !== 'v1' || !key) throw new EnvelopeError(`cannot open envelope: unknown version or key id "${kid}"`);
      const data = Buffer.from(body, 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(associatedData, 'utf8'));
        decipher.setAuthTag(data.subarray(data.length - 16));
        return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
      } catch {
        throw new EnvelopeError('cannot open envelope: tampered, or sealed for another row');
      }
    },
  };
}

/**
 * The keys from `ACCT_ENCRYPTION_KEYS`, or, when unset, from a key file in the data folder made on
 * first start. The file suits one machine (the embedded database, development); several server
 * processes must share keys, so deployments set the variable (`onGenerated` lets the caller warn).
 */
export async function loadEnvelope(
  configured: string | undefined,
  dataDir: string,
  onGenerated: (path: string) => void = () => {},
): Promise<Envelope> {
  if (configured) return createEnvelope(parseKeyList(configured));
  const path = join(resolve(dataDir), 'encryption-keys');
  try {
    return createEnvelope(parseKeyList(await readFile(path, 'utf8')));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const line = `k${Date.now().toString(36)}=${randomBytes(32).toString('base64')}\n`;
  await mkdir(resolve(dataDir), { recursive: true });
  await writeFile(path, line, { mode: 0o600, flag: 'wx' }).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err; // another process won the race: use its file
  });
  await chmod(path, 0o600);
  onGenerated(path);
  return createEnvelope(parseKeyList(await readFile(path, 'utf8')));
}
