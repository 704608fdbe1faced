/**
 * What a User-Agent says about the device, for the sessions list and login history: type
 * (desktop, mobile, tablet), a human name ("iPhone", "Mac"), browser and OS. Parsed with
 * ua-parser-js 1.x, which is MIT-licensed (2.x is AGPL). Only names and major versions are kept:
 * enough to recognise one's own devices, not a fingerprint.
 */
import UAParser from 'ua-parser-js';

export interface DeviceInfo {
  type: 'desktop' | 'mobile' | 'tablet';
  name: string;
  browser: string | null;
  os: string | null;
}

const major = (version: string | undefined) => version?.split('.')[0];
const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ') || null;

export function parseUserAgent(userAgent: string | undefined): DeviceInfo {
  const result = new UAParser(userAgent ?? '').getResult();
  const type = result.device.type === 'mobile' || result.device.type === 'tablet' ? result.device.type : 'desktop';
  const os = join(result.os.name, result.os.name === 'Mac OS' || result.os.name === 'Windows' ? result.os.version : major(result.os.version));
  // Apple devices are known by model alone ("iPhone"); desktop Safari/Firefox report "Macintosh".
  const model = result.device.model === 'Macintosh' ? 'Mac' : join(result.device.vendor === 'Apple' ? undefined : result.device.vendor, result.device.model);
  const name = model ?? (type === 'desktop' ? (result.os.name === 'Mac OS' ? 'Mac' : `${result.os.name ?? 'Unknown'} computer`) : `${result.os.name ?? 'Unknown'} ${type}`);
  return { type, name, browser: join(result.browser.name, major(result.browser.version)), os };
}
