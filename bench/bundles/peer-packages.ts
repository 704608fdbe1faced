/**
 * The peers' published front-end packages that `npm run bench:bundles` weighs beside acct's build:
 * their files as the registry holds them, pinned by version and by the registry's own integrity
 * (`npm view <package>@<version> dist.integrity`), so that every run weighs the same bytes. Only
 * the files are read — nothing is installed or run — so each is fetched with `npm pack` (no
 * dependencies) and unpacked into `bench/.packages/` on first use. (bench/peers.ts installs Better
 * Auth with its dependencies because that peer runs; @clerk/ui's would bring React and wallet
 * libraries, and one of them, `@clerk/localizations@^4.20.0`, is not on the registry reachable here.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PeerPackage {
  name: string;
  version: string;
  /** The registry's `dist.integrity` of that version: a tarball that differs is refused. */
  integrity: string;
}

/** All three are MIT-licensed; their files are only weighed, never bundled into acct. */
export const PEER_PACKAGES = {
  /** Hanko's web components: `<hanko-auth>`, `<hanko-profile>`…, English built in. */
  hankoElements: {
    name: '@teamhanko/hanko-elements',
    version: '2.7.0',
    integrity: 'sha512-evCgUu7OTVfzmdhs/FhN40Qn7zF8VZxmlZXBad6gB0m/59JRvPmQxaIoMPR9LkiLSzTjuaS5Vjg+e9I+LAUBwQ==',
  },
  /** Clerk's browser script (clerk.browser.js), which loads its components from @clerk/ui. */
  clerkJs: {
    name: '@clerk/clerk-js',
    version: '6.40.0',
    integrity: 'sha512-2MnZ/ygvuCmeuqfXQmsxfQaLN/SSJvQbtT2cLXbgr5VKr3KmZFZBVvX977fG3eZ6pprl4J9pO+I2bbe6BvColg==',
  },
  /** Clerk's components (`<SignIn/>`…): ui.browser.js and the chunks it fetches per component. */
  clerkUi: {
    name: '@clerk/ui',
    version: '1.36.0',
    integrity: 'sha512-uI96zYCh5jISLOt1mdpIPy/Y31P0kwFxjUFOxLUwFfTHFmGUcRjbqN6bbb+75tdI2Bz6ARGws3rhspDer+xIfQ==',
  },
} as const satisfies Record<string, PeerPackage>;

const PACKAGES_DIR = fileURLToPath(new URL('../.packages/', import.meta.url));

/** The folder holding `pkg`'s files (its tarball's `package/`), fetched and checked on first use. */
export function unpackedPeer(pkg: PeerPackage, progress: (text: string) => void): string {
  const folder = join(PACKAGES_DIR, `${pkg.name.replace('/', '+')}@${pkg.version}`);
  if (existsSync(join(folder, 'package.json'))) return folder;
  progress(`fetching ${pkg.name}@${pkg.version} into bench/.packages (first run only)`);
  mkdirSync(PACKAGES_DIR, { recursive: true });
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', PACKAGES_DIR, '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  ) as { filename: string; integrity: string }[];
  const tarball = join(PACKAGES_DIR, packed!.filename);
  try {
    if (packed!.integrity !== pkg.integrity) {
      throw new Error(`${pkg.name}@${pkg.version}: the registry sent ${packed!.integrity}, expected ${pkg.integrity}`);
    }
    mkdirSync(folder, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', folder, '--strip-components=1']);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(tarball, { force: true });
  }
  return folder;
}
