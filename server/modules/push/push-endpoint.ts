/**
 * Where acct may post a push message (docs/security.md W1, an SSRF guard): the endpoint a
 * browser hands over is chosen by whoever calls the API, so before acct posts to it, it must be an
 * https address on the public internet — never a private, loopback, link-local or otherwise
 * special address that would let a user make the server reach inside its own network. The check
 * runs twice: on the URL when a subscription is saved, and on every address the host name
 * resolves to when a message is sent (a name may resolve elsewhere later: DNS rebinding).
 * `ACCT_PUSH_ALLOW_LOOPBACK` lets loopback through, for tests and local development.
 */
import { isIP, type LookupFunction } from 'node:net';
import { isLoopbackAddress, isLoopbackHost, isSpecialAddress, lookupRefusing } from '../../security/special-addresses';

/** Whether acct may post to this IP address: not a special one (security/special-addresses.ts), but loopback when allowed. */
export function addressAllowed(address: string, allowLoopback: boolean): boolean {
  return (allowLoopback && isLoopbackAddress(address)) || !isSpecialAddress(address);
}

/** Whether a subscription may name this endpoint: https on a public host (or loopback when allowed). */
export function endpointAllowed(endpoint: string, allowLoopback: boolean): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isLoopbackHost(host)) return allowLoopback && (url.protocol === 'https:' || url.protocol === 'http:');
  if (url.protocol !== 'https:') return false;
  if (isIP(host)) return addressAllowed(host, false);
  // A single-label name (`intranet`) or an internal suffix resolves only inside a network.
  return host.includes('.') && !/\.(local|internal|lan|home\.arpa)$/.test(host);
}

/** Thrown by the guarded lookup: the name resolved to an address acct does not post to. */
export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}

/** A `lookup` for node:http(s) requests that refuses a name resolving to an address acct does not post to. */
export function guardedLookup(allowLoopback: boolean): LookupFunction {
  return lookupRefusing(
    (address) => !addressAllowed(address, allowLoopback),
    (hostname) => new RefusedAddressError(`${hostname} resolves to a refused address`),
  );
}
