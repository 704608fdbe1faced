/**
 * The system's Chromium for the browser tests, and how they drive it: found through `CHROME_PATH`
 * first, then the usual install paths (tests never download a browser of their own; without one
 * they stop with a clear message), the flags for headless runs, and the virtual authenticator.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const CHROME_MISSING =
  'No Chromium or Chrome found for the browser tests. Install one (Debian/Ubuntu: `apt-get install -y chromium`) ' +
  'or set CHROME_PATH to its executable.';

export function findChrome(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist. ${CHROME_MISSING}`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error(CHROME_MISSING);
  return found;
}

/**
 * Flags for headless runs on CI machines: no sandbox (containers run as root), and no background
 * networking, which a closed network answers with a flood of refused connections.
 */
export const CHROME_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * The DevTools virtual authenticator every browser test uses (`WebAuthn.addVirtualAuthenticator`):
 * a CTAP2 platform authenticator with discoverable credentials that verifies the user and answers
 * without a touch — what docs/contributing.md ("Verified on these machines") checked to work with SimpleWebAuthn on this Chromium.
 */
export const VIRTUAL_AUTHENTICATOR = {
  protocol: 'ctap2',
  transport: 'internal',
  hasResidentKey: true,
  hasUserVerification: true,
  isUserVerified: true,
  automaticPresenceSimulation: true,
} as const;
