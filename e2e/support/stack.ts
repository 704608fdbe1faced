/**
 * The whole stack on ephemeral loopback ports, as a developer runs it with `npm start`: the acct
 * server (on a given test database, with the real built bundle) and the demo site on Vite, each
 * on its own origin, the demo's origin being the one the server allows.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import type { Database } from '../../server/db/database';
import type { RunningServer } from '../../server/start';
import { DEFAULT_BUNDLE_DIR } from '../../server/modules/bundle/bundle.routes';
import { startTestServer } from '../../server/testing/test-server';

const DEMO_CONFIG = new URL('../../demo/vite.config.ts', import.meta.url).pathname;

export interface Stack {
  acct: RunningServer;
  demo: ViteDevServer;
  /** The demo's origin, e.g. http://localhost:41234. */
  demoUrl: string;
  close(): Promise<void>;
}

/** `extraOrigins`: other host pages (besides the demo) the server must allow, e.g. a test's own. */
export async function startStack(
  db: Database,
  env: Record<string, string> = {},
  extraOrigins: string[] = [],
): Promise<Stack> {
  if (!existsSync(join(DEFAULT_BUNDLE_DIR, 'acct.js'))) {
    throw new Error('widgets/dist/acct.js is missing: run `npm run build` before the journeys');
  }
  // The demo first, so that its port is known when the server's allowlist is written; the demo
  // reads the server's address per request, so it can be filled in afterwards.
  const demo = await createServer({
    configFile: DEMO_CONFIG,
    logLevel: 'error',
    server: { port: 0, strictPort: false, host: 'localhost', hmr: false },
  });
  await demo.listen();
  const port = (demo.httpServer!.address() as AddressInfo).port;
  const demoUrl = `http://localhost:${port}`;

  // The server binds localhost, like the demo: both are reached by that name, as in `npm start`.
  const acct = await startTestServer(db, {
    env: { ACCT_HOST: 'localhost', ACCT_ALLOWED_ORIGINS: [demoUrl, ...extraOrigins].join(' '), ...env },
  });
  process.env.ACCT_DEMO_SERVER_URL = acct.url;

  return {
    acct,
    demo,
    demoUrl,
    async close() {
      await demo.close();
      await acct.close();
    },
  };
}
