/**
 * The demo site: "Stagehand", a fictional production-management product that embeds acct, served
 * by Vite at http://localhost:5173 — another origin than the acct server at
 * http://localhost:3000, as on a real site. Pages load the elements with one script tag whose
 * address comes from `ACCT_DEMO_SERVER_URL` (default http://localhost:3000), written into the
 * HTML wherever it says `%ACCT_SERVER%`. Every page's common head and header come from
 * demo/partials/, so the pages hold only what is theirs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { componentDocs } from './component-docs/plugin.js';

export const DEFAULT_ACCT_SERVER = 'http://localhost:3000';

/** Replaces `%ACCT_SERVER%` in every page; the address is read per request, so tests can set it late. */
export function acctServerPlugin(serverUrl: () => string): Plugin {
  return {
    name: 'acct-server-url',
    // Before Vite reads the page's scripts: the build would otherwise try to bundle `%ACCT_SERVER%/acct.js`.
    transformIndexHtml: { order: 'pre', handler: (html) => html.replaceAll('%ACCT_SERVER%', serverUrl()) },
  };
}

/**
 * Puts demo/partials/head.html, header.html and footer.html where a page says
 * `<!-- demo:head -->`, `<!-- demo:header -->` and `<!-- demo:footer -->`, marking the header's
 * link to the page itself as the current one. Runs before `%ACCT_SERVER%` is filled in, and before
 * Vite reads the page, so that the build also bundles what the partials link (demo.css).
 */
export function demoPartials(root: string): Plugin {
  const partial = (name: string) => readFileSync(join(root, 'partials', name), 'utf8').trimEnd();
  return {
    name: 'demo-partials',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        // The Components section's pages all belong to its one header link.
        const page = ctx.path.replace(/index\.html$/, '').replace(/^\/components\/.+/, '/components/');
        const header = partial('header.html').replace(`<a href="${page}">`, `<a href="${page}" aria-current="page">`);
        return html
          .replace('<!-- demo:head -->', partial('head.html'))
          .replace('<!-- demo:header -->', header)
          .replace('<!-- demo:footer -->', partial('footer.html'));
      },
    },
  };
}

/**
 * Sends `/productions/events/new` to `/productions/events/new/` when that folder holds a page, as
 * static hosts do. The seed's checklist links have no trailing slash, and Vite's multi-page
 * server would answer them 404.
 */
export function pageFolderRedirects(root: string): Plugin {
  return {
    name: 'page-folder-redirects',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const [path = '/', query] = (req.url ?? '/').split('?');
        if ((req.method === 'GET' || req.method === 'HEAD') && !path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) {
          let decoded: string;
          try {
            decoded = decodeURIComponent(path);
          } catch {
            return next();
          }
          // Only real folders of the demo (no `..`: the join stays under root after normalising).
          const file = join(root, decoded, 'index.html');
          if (file.startsWith(root) && existsSync(file)) {
            res.statusCode = 301;
            res.setHeader('Location', `${path}/${query === undefined ? '' : `?${query}`}`);
            res.end();
            return;
          }
        }
        next();
      });
    },
  };
}

/**
 * Serves acct's push service worker at `/acct-sw.js` on the demo's own origin, as a site must
 * (a push worker is same-origin with the page; README.md "Web Push"): the file the elements'
 * build writes to widgets/dist, read per request so a rebuild shows at once, and copied into
 * the demo's build.
 */
export function pushServiceWorker(workerFile: string): Plugin {
  return {
    name: 'acct-push-service-worker',
    configureServer(server) {
      server.middlewares.use('/acct-sw.js', (_req, res) => {
        if (!existsSync(workerFile)) {
          res.statusCode = 404;
          res.end('acct-sw.js is not built yet: run `npm run build`');
          return;
        }
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(readFileSync(workerFile));
      });
    },
    generateBundle() {
      if (existsSync(workerFile))
        this.emitFile({ type: 'asset', fileName: 'acct-sw.js', source: readFileSync(workerFile) });
    },
  };
}

/** Every hand-written page (`index.html` below root), as the build's entries: a multi-page build needs each named. */
export function demoPages(root: string, dir = root): Record<string, string> {
  // Not the build's own output (dist/, the default outDir), nor what is copied or inserted as is.
  const skip = new Set(['partials', 'public', 'node_modules', 'dist']);
  return Object.fromEntries(
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return skip.has(entry.name) ? [] : Object.entries(demoPages(root, path));
      return entry.name === 'index.html' ? [[relative(root, dir).replace(/\//g, '-') || 'home', path]] : [];
    }),
  );
}

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  appType: 'mpa',
  clearScreen: false,
  plugins: [
    demoPartials(root),
    acctServerPlugin(() => process.env.ACCT_DEMO_SERVER_URL || DEFAULT_ACCT_SERVER),
    pageFolderRedirects(root),
    componentDocs(root),
    pushServiceWorker(join(root, '../widgets/dist/acct-sw.js')),
  ],
  build: { rolldownOptions: { input: demoPages(root) } },
  server: { port: 5173, strictPort: true, host: 'localhost' },
  preview: { port: 5173, strictPort: true, host: 'localhost' },
});
