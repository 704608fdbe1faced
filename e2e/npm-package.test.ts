/**
 * The npm package, `acct-elements` (docs/npm.md), as a bundler user gets it: built by
 * scripts/build-package.ts and listed by `npm pack`, then installed into a consumer folder of its
 * own (a link, resolved by Node as an installed package is) and used there —
 *
 * - every `exports` entry points at a file the tarball holds, with its declaration;
 * - importing every entry in plain Node (as server-side rendering does) throws nothing, and
 *   `register()` there is a no-op;
 * - a React 19 TSX file type-checks against `acct-elements/jsx`: properties and `on<event>`
 *   handlers with their detail types, and a wrong value is an error.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { buildPackage, PACKAGE_DIR, PACKAGE_NAME } from '../scripts/build-package';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface PackageJson {
  exports: Record<string, string | { types: string; default?: string }>;
}

describe('the npm package', { timeout: 180_000 }, () => {
  let consumer: string;
  let packed: Set<string>;
  let pkg: PackageJson;

  before(async () => {
    await buildPackage();
    const [listing] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PACKAGE_DIR, encoding: 'utf8' }),
    ) as Array<{ files: Array<{ path: string }> }>;
    packed = new Set(listing!.files.map((file) => file.path));
    pkg = (await import(join(PACKAGE_DIR, 'package.json'), { with: { type: 'json' } })).default as PackageJson;
    consumer = mkdtempSync(join(tmpdir(), 'acct-consumer-'));
    mkdirSync(join(consumer, 'node_modules', '@types'), { recursive: true });
    symlinkSync(PACKAGE_DIR, join(consumer, 'node_modules', PACKAGE_NAME), 'dir');
    symlinkSync(join(ROOT, 'node_modules/@types/react'), join(consumer, 'node_modules/@types/react'), 'dir');
  });
  after(() => rmSync(consumer, { recursive: true, force: true }));

  it('packs every file its exports name, each module with its declaration', () => {
    assert.ok(Object.keys(pkg.exports).includes('./acct-login'));
    assert.ok(Object.keys(pkg.exports).includes('./i18n/ar'));
    assert.ok(Object.keys(pkg.exports).includes('./i18n/ar-onboarding'), 'a language area');
    for (const [name, target] of Object.entries(pkg.exports)) {
      const files = typeof target === 'string' ? [target] : Object.values(target);
      for (const file of files) assert.ok(packed.has(file.replace(/^\.\//, '')), `${name}: ${file} is in the tarball`);
    }
  });

  it("ships docs/npm.md as its README, with no link that would not resolve on npm's page", () => {
    assert.ok(packed.has('README.md'));
    const readme = readFileSync(join(PACKAGE_DIR, 'README.md'), 'utf8');
    assert.match(readme, /register\(/);
    const relative = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!).filter((t) => !/^(https?:|#)/.test(t));
    assert.deepEqual(relative, []);
    assert.match(readme, /`docs\/embedding\.md` in acct's repository/);
  });

  it('imports every entry in plain Node, as server-side rendering does, without touching a DOM', () => {
    const entries = Object.keys(pkg.exports)
      .filter((name) => name !== './jsx' && !name.endsWith('.json'))
      .map((name) => (name === '.' ? PACKAGE_NAME : `${PACKAGE_NAME}/${name.slice(2)}`));
    writeFileSync(
      join(consumer, 'ssr.mjs'),
      `for (const entry of ${JSON.stringify(entries)}) await import(entry);
const { register, translations } = await import('${PACKAGE_NAME}');
await register({ server: 'https://auth.example.com' });
const { AcctLogin } = await import('${PACKAGE_NAME}/acct-login');
console.log(JSON.stringify({ languages: translations.languages(), element: typeof AcctLogin }));`,
    );
    const run = spawnSync(process.execPath, ['ssr.mjs'], { cwd: consumer, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { languages: ['en', 'fr', 'de', 'es', 'ar'], element: 'function' });
  });

  it('type-checks a React 19 component that uses the elements with their properties and events', () => {
    writeFileSync(
      join(consumer, 'app.tsx'),
      `import type {} from '${PACKAGE_NAME}/jsx';
import { register, type RegisterOptions } from '${PACKAGE_NAME}';

const options: RegisterOptions = { server: 'https://auth.example.com', elements: ['acct-login', 'acct-sessions'] };
void register(options);

export function SignIn({ onUser }: { onUser: (email: string) => void }) {
  return (
    <main>
      <acct-login mode="sign-up" methods="password" lang="fr" onacct-signed-in={(event) => onUser(event.detail.user.email)} />
      <acct-sessions onacct-session-revoked={(event) => console.log(event.detail)} />
    </main>
  );
}

// @ts-expect-error: not one of the modes
export const wrongMode = <acct-login mode="log-in" />;
// @ts-expect-error: the detail has no such field
export const wrongDetail = <acct-login onacct-signed-in={(event) => event.detail.nope} />;
`,
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          jsx: 'react-jsx',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          target: 'ES2022',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          types: [],
          skipLibCheck: true,
        },
        files: ['app.tsx'],
      }),
    );
    const check = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', consumer], {
      encoding: 'utf8',
    });
    assert.equal(check.status, 0, check.stdout + check.stderr);
  });
});
