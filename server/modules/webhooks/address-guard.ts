/**
 * The SSRF guard of webhook deliveries (docs/security.md H2). An endpoint URL is an address an
 * organization admin typed, and acct posts to it from inside the operator's network, so it must
 * never reach loopback, private networks, link-local (cloud metadata at 169.254.169.254) or other
 * reserved ranges. The check runs where the connection is made — on the very address the socket
 * connects to, through the `lookup` of the request — so a name that resolved to a public address
 * when the endpoint was saved and to 127.0.0.1 now (DNS rebinding) is refused too.
 *
 * Spellings: the WHATWG URL parser already turns `2130706433`, `0x7f.1`, `017700000001` and
 * `127.1` into `127.0.0.1`, and `[::ffff:127.0.0.1]` into `[::ffff:7f00:1]`; `net.BlockList`
 * judges the result, including IPv4-mapped IPv6 against the IPv4 ranges (so `::ffff:0:0/96` is
 * not listed whole: BlockList would then match every IPv4 address against it). NAT64, 6to4 and Teredo
 * prefixes, which embed an IPv4 address, are refused whole.
 */
import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';

const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and broadcast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48], // local NAT64
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/** An address no webhook may reach, whatever the spelling; anything that is not an IP address counts as one. */
export function isBlockedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return BLOCKED.check(bare, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
    if (mapped && BLOCKED.check(mapped[1]!, 'ipv4')) return true;
    return BLOCKED.check(bare, 'ipv6');
  }
  return true;
}

/** Thrown (as the request's error) when the guard refuses an address. */
export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
  readonly code = 'blocked_address';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that resolves the name and refuses it when any of its addresses
 * is blocked (one blocked address is enough: the name is under the caller's control). With
 * `allowPrivate` (ACCT_WEBHOOK_ALLOW_PRIVATE, on-premise targets and tests) every address passes.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true, family: Number(options.family) || 0 }, (err, addresses) => {
      if (err) return callback(err, []);
      const blocked = !allowPrivate && (!addresses.length || addresses.some((a) => isBlockedAddress(a.address)));
      if (blocked) return callback(new BlockedAddressError(`webhook: ${hostname} resolves to a blocked address`), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
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
  if (literal) return !isBlockedAddress(literal);
  const addresses = await new Promise<LookupAddress[]>((resolve) =>
    dnsLookup(url.hostname, { all: true }, (err, found) => resolve(err ? [] : found)),
  );
  return !addresses.some((a) => isBlockedAddress(a.address));
}
