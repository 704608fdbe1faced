/**
 * Client addresses as rate limits and logs need them. IPv4-mapped IPv6 addresses
 * (`::ffff:203.0.113.9`, what a dual-stack socket reports for IPv4 clients) are shown as IPv4, and
 * an IPv6 client is limited by its /64: one subscriber usually holds a whole /64, so limiting
 * single addresses would let them rotate through 2^64 of them (docs/security.md A2).
 */
import { isIP, isIPv6 } from 'node:net';

/** The address as we store it (`inet`): IPv4-mapped addresses unwrapped. */
export function normalizeIp(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1]! : address;
  return isIP(ip) ? ip : undefined;
}

/** Expands an IPv6 address to its eight hextets. */
function hextets(ip: string): string[] {
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const fill = Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((h) => h.toLowerCase().padStart(4, '0'));
}

/** The key a per-address limit counts under: the IPv4 address, or the IPv6 /64 prefix. */
export function rateLimitKeyForIp(address: string | undefined): string {
  const ip = normalizeIp(address);
  if (!ip) return 'ip:unknown';
  if (!isIPv6(ip) || ip.includes('.')) return `ip:${ip}`;
  return `ip6:${hextets(ip).slice(0, 4).join(':')}::/64`;
}
