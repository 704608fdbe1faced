/**
 * One HTTP POST of a webhook: through the address guard at connect time (address-guard.ts,
 * docs/security.md H2), within WEBHOOK_TIMEOUT_MS overall, never following a redirect (Node's
 * http client follows none; a 3xx counts as a failure), reading at most RESPONSE_BODY_LIMIT bytes
 * of the answer. Never throws: what went wrong is the result's `error`.
 */
import http from 'node:http';
import https from 'node:https';
import { isSpecialAddress } from '../../security/special-addresses';
import { BlockedAddressError, guardedLookup, literalAddressOf } from './address-guard';

/** The whole attempt — connect, send, answer — must fit in this. */
export const WEBHOOK_TIMEOUT_MS = 15_000;
/** The answer's body is kept up to this many bytes (4 KiB). */
export const RESPONSE_BODY_LIMIT = 4096;

export interface SendResult {
  /** The HTTP status answered; null when none came. */
  status: number | null;
  body: string | null;
  /** Why no usable answer came: `blocked_address`, `timeout`, `network_error`, `invalid_url`. */
  error: string | null;
  durationMs: number;
}

export interface SendOptions {
  allowPrivate: boolean;
  timeoutMs?: number;
}

export function postWebhook(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  { allowPrivate, timeoutMs = WEBHOOK_TIMEOUT_MS }: SendOptions,
): Promise<SendResult> {
  const started = performance.now();
  const done = (result: Omit<SendResult, 'durationMs'>): SendResult => ({
    ...result,
    durationMs: Math.round(performance.now() - started),
  });
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return Promise.resolve(done({ status: null, body: null, error: 'invalid_url' }));
  }
  // An IP literal never goes through `lookup`: judge it here.
  const literal = literalAddressOf(url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return Promise.resolve(done({ status: null, body: null, error: 'invalid_url' }));
  if (literal && !allowPrivate && isSpecialAddress(literal))
    return Promise.resolve(done({ status: null, body: null, error: 'blocked_address' }));

  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<SendResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(done(result));
    };
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'acct-webhooks/1',
        },
        lookup: guardedLookup(allowPrivate) as unknown as http.RequestOptions['lookup'],
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const keep = () => {
          const text = Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8');
          finish({ status: response.statusCode ?? null, body: text, error: null });
          response.destroy();
        };
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_BODY_LIMIT) keep();
        });
        response.on('end', keep);
        response.on('error', keep);
      },
    );
    const timer = setTimeout(() => {
      finish({ status: null, body: null, error: 'timeout' });
      request.destroy();
    }, timeoutMs);
    request.on('error', (err) => {
      finish({ status: null, body: null, error: err instanceof BlockedAddressError ? err.code : 'network_error' });
    });
    request.end(body);
  });
}
