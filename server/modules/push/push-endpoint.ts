/**
 * Where acct may post a push message (docs/security.md W1, an SSRF guard): the endpoint a
 * browser hands over is chosen by whoever calls the API, so before acct posts to it, it must be an
 * https address on the public internet — never a private, loopback, link-local or otherwise
 * special address that would let a user make the server reach inside its own network. The check
 * runs twice: on the URL when a subscription is saved, and on every address the host name
 * resolves to when a message is sent (a name may resolve elsewhere later: DNS rebinding).
 * `ACCT_PUSH_ALLOW_LOOPBACK` lets loopback through, for tests and local development.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Addresses no push service has: private, shared, loopback, link-local, documentation, multicast… */
const SPECIAL_ADDRESSES = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  SPECIAL_ADDRESSES.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  SPECIAL_ADDRESSES.addSubnet(network, prefix, 'ipv6');
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) is checked as the IPv4 address it carries. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  return { address, family: isIP(address) === 4 ? 'ipv4' : 'ipv6' };
}

/** Whether acct may post to this IP address. */
export function addressAllowed(raw: string, allowLoopback: boolean): boolean {
  const { address, family } = unmapped(raw);
  if (allowLoopback && LOOPBACK.check(address, family)) return true;
  return !SPECIAL_ADDRESSES.check(address, family);
}

const isLoopbackName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

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
  const loopback =
    isLoopbackName(host) || (isIP(host) !== 0 && LOOPBACK.check(unmapped(host).address, unmapped(host).family));
  if (loopback) return allowLoopback && (url.protocol === 'https:' || url.protocol === 'http:');
  if (url.protocol !== 'https:') return false;
  if (isIP(host)) return addressAllowed(host, false);
  // A single-label name (`intranet`) or an internal suffix resolves only inside a network.
  return host.includes('.') && !/\.(local|internal|lan|home\.arpa)$/.test(host);
}

/** Thrown by the guarded lookup: the name resolved to an address acct does not post to. */
export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}

/**
 * A `lookup` for node:http(s) requests that resolves as usual, then refuses the connection when
 * any address the name resolved to is not allowed.
 */
export function guardedLookup(allowLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => !addressAllowed(a.address, allowLoopback));
      if (refused) {
        return callback(new RefusedAddressError(`${hostname} resolves to a refused address`), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
  };
}
