/**
 * The site's part of a data export (ACCT_EXPORT_HOOK_URL): acct POSTs `{"userId","email"}` to the
 * site's backend, signed with the site secret — `X-Acct-Timestamp` (Unix seconds) and
 * `X-Acct-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>">` — and puts the JSON it
 * answers into the archive as `site`. The call has a timeout and a size limit, and redirects are
 * not followed (the address is the operator's, but a redirect would be the site's choice).
 */
import { createHmac } from 'node:crypto';
import type { Config } from '../../config';

/** Largest answer read from the hook. */
export const SITE_HOOK_MAX_BYTES = 5 * 1024 * 1024;

export class SiteHookError extends Error {
  override name = 'SiteHookError';
}

/** The signature header's value for `body` sent at `timestamp` (for a site to check it the same way). */
export function signHookBody(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

async function readLimited(res: Response): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > SITE_HOOK_MAX_BYTES) throw new SiteHookError(`answer of ${declared} bytes is over the limit`);
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of res.body ?? []) {
    size += part.length;
    if (size > SITE_HOOK_MAX_BYTES) throw new SiteHookError('answer is over the size limit');
    parts.push(part);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** The site's data about the user; throws SiteHookError when the hook fails in any way. */
export async function fetchSiteData(
  config: Pick<Config, 'siteSecret' | 'dataExport'>,
  user: { id: string; email: string },
  now = new Date(),
): Promise<unknown> {
  const { hookUrl, hookTimeoutSeconds } = config.dataExport;
  if (!hookUrl || !config.siteSecret) throw new SiteHookError('no hook configured');
  const body = JSON.stringify({ userId: user.id, email: user.email });
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const signal = AbortSignal.timeout(hookTimeoutSeconds * 1000);
  try {
    const res = await fetch(hookUrl, {
      method: 'POST',
      redirect: 'manual',
      signal,
      headers: {
        'Content-Type': 'application/json',
        'X-Acct-Timestamp': timestamp,
        'X-Acct-Signature': signHookBody(config.siteSecret, timestamp, body),
      },
      body,
    });
    if (res.status !== 200) throw new SiteHookError(`answered ${res.status}`);
    return JSON.parse(await readLimited(res)) as unknown;
  } catch (err) {
    if (err instanceof SiteHookError) throw err;
    throw new SiteHookError(`failed: ${(err as Error).message}`, { cause: err });
  }
}
