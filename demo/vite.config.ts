/**
 * The demo site: "Stagehand", a fictional production-management product that embeds acct, served
 * by Vite at http://localhost:5173 — another origin than the acct server at
 * http://localhost:3000, as on a real site. Pages load the elements with one script tag whose
 * address comes from `ACCT_DEMO_SERVER_URL` (default http://localhost:3000), written into the
 * HTML wherever it says `%ACCT_SERVER%`. Every page's common head and header come from
 * demo/partials/, so the pages hold only what is theirs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

export const DEFAULT_ACCT_SERVER = 'http://localhost:3000';

/** Replaces `%ACCT_SERVER%` in every page; the address is read per request, so tests can set it late. */
export function acctServerPlugin(serverUrl: () => string): Plugin {
  return {
    name: 'acct-server-url',
    transformIndexHtml: (html) => html.replaceAll('%ACCT_SERVER%', serverUrl()),
  };
}

/**
 * Puts demo/partials/head.html, header.html and footer.html where a page says
 * `<!-- demo:head -->`, `<!-- demo:header -->` and `<!-- demo:footer -->`, marking the header's
 * link to the page itself as the current one. Runs before `%ACCT_SERVER%` is filled in.
 */
export function demoPartials(root: string): Plugin {
  const partial = (name: string) => readFileSync(join(root, 'partials', name), 'utf8').trimEnd();
  return {
    name: 'demo-partials',
    transformIndexHtml(html, ctx) {
      const page = ctx.path.replace(/index\.html$/, '');
      const header = partial('header.html').replace(`<a href="${page}">`, `<a href="${page}" aria-current="page">`);
      return html
        .replace('<!-- demo:head -->', partial('head.html'))
        .replace('<!-- demo:header -->', header)
        .replace('<!-- demo:footer -->', partial('footer.html'));
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

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  appType: 'mpa',
  clearScreen: false,
  plugins: [demoPartials(root), acctServerPlugin(() => process.env.ACCT_DEMO_SERVER_URL || DEFAULT_ACCT_SERVER), pageFolderRedirects(root)],
  server: { port: 5173, strictPort: true, host: 'localhost' },
  preview: { port: 5173, strictPort: true, host: 'localhost' },
});
