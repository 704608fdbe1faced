/**
 * The Vite plugin behind the demo's Components section: generates `/components/` and
 * `/components/<tag>/` from `widgets/custom-elements.json` — served on request by the dev server,
 * and emitted as pages by `vite build` (as virtual `components/…/index.html` entries, so no
 * generated file lands in the tree). Either way the pages then pass through the demo's other
 * HTML plugins, like the hand-written ones.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { readComponentDocs, type ComponentDocs } from './manifest.js';
import { elementPage, indexPage } from './render.js';

/** The page at `path` (`/components/` or `/components/<tag>/`), or null when there is none. */
export function renderComponentPage(path: string, docs: ComponentDocs = readComponentDocs()): string | null {
  if (path === '/components/') return indexPage(docs);
  const tag = /^\/components\/([a-z0-9-]+)\/$/.exec(path)?.[1];
  const el = docs.elements.find((e) => e.tag === tag);
  return el ? elementPage(docs, el) : null;
}

/** Every page's address, `/components/` first. */
export function componentPagePaths(docs: ComponentDocs = readComponentDocs()): string[] {
  return ['/components/', ...docs.elements.map((el) => `/components/${el.tag}/`)];
}

export function componentDocs(root: string): Plugin {
  // The build's entries for the pages: `<root>/components/<tag>/index.html`, loaded from here.
  const fileOf = (path: string) => join(root, path, 'index.html');
  let pages = new Map<string, string>();
  return {
    name: 'component-docs',
    config() {
      pages = new Map(componentPagePaths().map((path) => [fileOf(path), path]));
      const input = Object.fromEntries([...pages].map(([file, path]) => [path.slice(1, -1).replace(/\//g, '-'), file]));
      return { build: { rolldownOptions: { input } } };
    },
    resolveId: (id) => (pages.has(id) ? id : null),
    load: (id) => {
      const path = pages.get(id);
      return path === undefined ? null : renderComponentPage(path);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const [path = '/', query] = (req.url ?? '/').split('?');
        if ((req.method !== 'GET' && req.method !== 'HEAD') || !path.startsWith('/components')) return next();
        // As a static host answers a folder without its slash.
        if (!path.endsWith('/') && renderComponentPage(`${path}/`) !== null) {
          res.writeHead(301, { Location: `${path}/${query === undefined ? '' : `?${query}`}` }).end();
          return;
        }
        const html = renderComponentPage(path);
        if (html === null) return next();
        server
          .transformIndexHtml(req.url ?? path, html, req.originalUrl)
          .then((page) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page))
          .catch(next);
      });
    },
  };
}
