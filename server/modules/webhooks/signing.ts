/**
 * Standard Webhooks signing (https://www.standardwebhooks.com, docs/security.md H1): a secret is
 * `whsec_` + the base64 of 32 random bytes; each request carries `webhook-id` (the message id,
 * the same on every retry), `webhook-timestamp` (seconds, the attempt's time) and
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`. During a rotation's
 * overlap the previous secret signs too, the two signatures separated by a space, so a receiver
 * holding either secret verifies.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';

/** A fresh signing secret. */
export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** What the `secret_hash` column of the seed keeps (SHA-256, hex): it can tell a secret, not sign. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

/** One `v1,<signature>` of a message. */
export function sign(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${messageId}.${timestampSeconds}.${body}`, 'utf8');
  return `v1,${mac.digest('base64')}`;
}

/** The three headers of one attempt, signed with every secret given (current first). */
export function signatureHeaders(
  secrets: string[],
  messageId: string,
  timestampSeconds: number,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': secrets.map((secret) => sign(secret, messageId, timestampSeconds, body)).join(' '),
  };
}

/** The envelope binding of an endpoint's secrets: a sealed secret copied to another row does not open (G2). */
export const secretBinding = (webhookId: string, which: 'current' | 'previous' = 'current') =>
  which === 'current' ? `webhooks:${webhookId}` : `webhooks:${webhookId}:previous`;
