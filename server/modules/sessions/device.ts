/**
 * What a User-Agent says about the device, for the sessions list and login history: type
 * (desktop, mobile, tablet), the device's own name when the User-Agent gives one ("iPhone",
 * "Pixel 7", "Mac"), browser and OS. Parsed with ua-parser-js 1.x, which is MIT-licensed (2.x is
 * AGPL). Only names and major versions are kept: enough to recognise one's own devices, not a
 * fingerprint.
 *
 * No name is made up here: a generic one ("Windows computer") would be in the server's language,
 * and the elements show it in the reader's. They compose it from type and OS when `name` is null.
 */
import UAParser from 'ua-parser-js';
import type { DeviceType } from '../../../contract/sessions';

export interface DeviceInfo {
  type: DeviceType;
  /** A product or model name, the same in every language ("iPhone", "Pixel 7", "Mac"); null when the User-Agent names none. */
  name: string | null;
  browser: string | null;
  os: string | null;
}

const major = (version: string | undefined) => version?.split('.')[0];
const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ') || null;

export function parseUserAgent(userAgent: string | undefined): DeviceInfo {
  const result = new UAParser(userAgent ?? '').getResult();
  const type = result.device.type === 'mobile' || result.device.type === 'tablet' ? result.device.type : 'desktop';
  const os = join(
    result.os.name,
    result.os.name === 'Mac OS' || result.os.name === 'Windows' ? result.os.version : major(result.os.version),
  );
  // Apple devices are known by model alone ("iPhone"); desktop Safari/Firefox report "Macintosh",
  // and Chrome on a Mac reports no model at all, but a desktop on macOS can only be a Mac.
  // Chrome's reduced User-Agent on Android says "K" for every model: no name at all.
  const reported = result.device.model === 'K' ? undefined : result.device.model;
  const model =
    reported === 'Macintosh'
      ? 'Mac'
      : reported && join(result.device.vendor === 'Apple' ? undefined : result.device.vendor, reported);
  const name = model ?? (type === 'desktop' && result.os.name === 'Mac OS' ? 'Mac' : null);
  return { type, name, browser: join(result.browser.name, major(result.browser.version)), os };
}
