/**
 * The peers measured side by side with acct. Each is a dependency of the benchmark only, in a
 * folder of its own under bench/peers/ with its own lock file, so the project's `npm ci` never
 * installs them; the first run that needs one installs it there (`npm ci`, from its lock file).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function ensurePeerInstalled(name: 'better-auth', progress: (text: string) => void): void {
  const folder = fileURLToPath(new URL(`./peers/${name}/`, import.meta.url));
  if (existsSync(`${folder}node_modules/.package-lock.json`)) return;
  progress(`installing the ${name} peer into bench/peers/${name} (first run only)`);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: folder, stdio: 'inherit' });
}
