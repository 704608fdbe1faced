/**
 * The SSRF guard's one list (docs/security.md H2, W1): the addresses acct never connects to for
 * an address someone else chose — a webhook endpoint an organization admin typed, a push endpoint
 * a browser handed over. acct posts from inside the operator's network, so such an address must
 * never reach loopback, private networks, link-local (cloud metadata at 169.254.169.254) or other
 * reserved ranges. The check runs where the connection is made, on the very addresses the name
 * resolves to (`lookupRefusing`), so a name that resolved to a public address when it was saved and
 * to 127.0.0.1 now (DNS rebinding) is refused too.
 *
 * Spellings: the WHATWG URL parser already turns `2130706433`, `0x7f.1`, `017700000001` and
 * `127.1` into `127.0.0.1`, and `[::ffff:127.0.0.1]` into `[::ffff:7f00:1]`; `net.BlockList`
 * judges the result, including IPv4-mapped IPv6 against the IPv4 ranges (so `::ffff:0:0/96` is
 * not listed whole: BlockList would then match every IPv4 address against it). NAT64, 6to4 and Teredo
 * prefixes, which embed an IPv4 address, are refused whole.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const SPECIAL = new BlockList();
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
  SPECIAL.addSubnet(network, prefix, 'ipv4');
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
  SPECIAL.addSubnet(network, prefix, 'ipv6');
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** The address without brackets, an IPv4-mapped IPv6 one (`::ffff:10.0.0.1`) as the IPv4 it carries. */
function classified(raw: string): { address: string; family: 'ipv4' | 'ipv6' } | undefined {
  const bare = raw.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  const family = isIP(bare);
  return family ? { address: bare, family: family === 4 ? 'ipv4' : 'ipv6' } : undefined;
}

/** An address acct must not connect to on someone else's say, whatever the spelling; anything that is not an IP address counts as one. */
export function isSpecialAddress(raw: string): boolean {
  const ip = classified(raw);
  return !ip || SPECIAL.check(ip.address, ip.family);
}

/** A loopback address (127.0.0.0/8, ::1, or either IPv4-mapped). */
export function isLoopbackAddress(raw: string): boolean {
  const ip = classified(raw);
  return Boolean(ip && LOOPBACK.check(ip.address, ip.family));
}

/**
 * A host name that stays on this machine: `localhost`, a `*.localhost` name (RFC 6761 reserves
 * them for loopback, and browsers resolve them there) or a loopback address, bracketed or not — as
 * `new URL(…).hostname` or a Host header gives it. The one rule for where plain http is allowed
 * (OAuth issuers, connected apps' redirects, push in development) and who may read the dev outbox.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || isLoopbackAddress(host);
}

/**
 * A `lookup` for node:http(s) requests that resolves the name, then refuses the connection with
 * `refusal(hostname)` when it resolves to nothing or when any of its addresses is `refused` (one
 * is enough: the name is under the caller's control).
 */
export function lookupRefusing(
  refused: (address: string) => boolean,
  refusal: (hostname: string) => Error,
): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (!addresses.length || addresses.some((a) => refused(a.address))) return callback(refusal(hostname), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
  };
}
