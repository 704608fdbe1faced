/**
 * The SSRF guard of webhook deliveries (docs/security.md H2): the shared list of addresses acct
 * never posts to (security/special-addresses.ts), checked when an endpoint is saved and, the
 * check that counts, on the very address each delivery's socket connects to. With
 * ACCT_WEBHOOK_ALLOW_PRIVATE (on-premise targets and tests) every address passes.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { isSpecialAddress, lookupRefusing } from '../../security/special-addresses';

/** Thrown (as the request's error) when the guard refuses an address. */
export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
  readonly code = 'blocked_address';
}

/** A `lookup` for http(s).request that refuses a name resolving to a special address (one is enough). */
export function guardedLookup(allowPrivate: boolean) {
  return lookupRefusing(
    (address) => !allowPrivate && isSpecialAddress(address),
    (hostname) => new BlockedAddressError(`webhook: ${hostname} resolves to a blocked address`),
  );
}

/** The URL's host when it is an IP literal (these never reach `lookup`), else undefined. */
export function literalAddressOf(url: URL): string | undefined {
  const bare = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(bare) ? bare : undefined;
}

/**
 * Whether an endpoint URL may be saved: its literal address, or every address its name resolves
 * to now, is allowed. A name that does not resolve yet is accepted (it may be set up later); the
 * check at connect time is the one that counts.
 */
export async function urlIsAllowed(raw: string, allowPrivate: boolean): Promise<boolean> {
  if (allowPrivate) return true;
  const url = new URL(raw);
  const literal = literalAddressOf(url);
  if (literal) return !isSpecialAddress(literal);
  const addresses = await new Promise<LookupAddress[]>((resolve) =>
    dnsLookup(url.hostname, { all: true }, (err, found) => resolve(err ? [] : found)),
  );
  return !addresses.some((a) => isSpecialAddress(a.address));
}
