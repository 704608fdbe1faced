/**
 * The files the hosted pages load from our own origin: one stylesheet, with the brand's colours as
 * CSS variables for light and dark mode (server/brand/brand.ts says how they are chosen), and the
 * brand mark as favicon — also at `/favicon.ico`, where browsers look when a document names none.
 * Their paths hold a hash of their content, so they can be cached for good and a changed brand
 * setting is picked up at once. No inline styles anywhere: the pages' CSP has no 'unsafe-inline'.
 */
import { createHash } from 'node:crypto';
import type { Router } from 'express';
import { brandMark, brandPalette, SURFACES, type Brand, type SchemeColors } from '../brand/brand';

const variables = (surface: (typeof SURFACES)['light' | 'dark'], colors: SchemeColors) =>
  `--ink:${surface.ink}; --muted:${surface.muted}; --paper:${surface.paper}; --card:${surface.card}; --danger:${surface.danger}; ` +
  `--accent:${colors.accent}; --on-accent:${colors.onAccent}; --link:${colors.link};`;

function stylesheet(brand: Brand): string {
  const palette = brandPalette(brand.color);
  return `
:root { color-scheme: light dark; ${variables(SURFACES.light, palette.light)} }
@media (prefers-color-scheme: dark) { :root { ${variables(SURFACES.dark, palette.dark)} } }
* { box-sizing: border-box; }
body { margin:0; min-height:100vh; display:grid; place-items:center; background:var(--paper); color:var(--ink);
  font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif; padding:1rem; }
main.wide { max-width:44rem; display:grid; gap:1.5rem; --acct-color-primary:var(--accent); }
main { width:100%; max-width:26rem; background:var(--card); border-radius:12px; padding:2rem; box-shadow:0 4px 24px rgb(0 0 0 / 0.08); }
.product { display:flex; align-items:center; gap:.6rem; font-weight:600; color:var(--muted); margin:0 0 .5rem; }
.product img { display:block; height:2.5rem; width:auto; max-width:12rem; object-fit:contain; }
h1 { font-size:1.4rem; margin:0 0 1rem; }
p { margin:0 0 1rem; }
a { color:var(--link); }
label { display:block; font-weight:600; margin:1rem 0 .25rem; }
input { width:100%; font:inherit; padding:.6rem .7rem; border:1px solid var(--muted); border-radius:8px; background:transparent; color:inherit; }
button { margin-top:1.25rem; width:100%; font:inherit; font-weight:600; padding:.7rem; border:0; border-radius:8px; background:var(--accent); color:var(--on-accent); cursor:pointer; }
button:focus-visible, input:focus-visible, a:focus-visible { outline:3px solid var(--link); outline-offset:2px; }
.error { color:var(--danger); font-weight:600; }
.hint { color:var(--muted); font-size:.9rem; }
/* The hosted sign-in page's <acct-login> wears the same colours, on the page's own card. */
acct-login { display:block; --acct-color-text:var(--ink); --acct-color-text-muted:var(--muted); --acct-color-surface:var(--card);
  --acct-color-primary:var(--accent); --acct-color-on-primary:var(--on-accent); --acct-color-link:var(--link);
  --acct-color-focus:var(--link); --acct-color-danger:var(--danger); }
acct-login::part(base) { border:0; padding:0; }
acct-login button { margin-top:0; }
/* Content in an element's slots shows as plain content until acct.js runs (which then adds the same
   rule): hidden until its element is defined (docs/embedding.md, "Before the elements arrive"). */
:not(:defined) > [slot] { display:none; }
/* The account page (/account) signed out shows only its heading and the sign-in form: the account
   elements are :state(signed-out) then (docs/elements/theming.md). The form shows only then — not
   before <acct-sessions> is defined nor while it reads the session, so never to a signed-in visitor. */
:is(acct-sessions, acct-passkeys, acct-connected-accounts, acct-login-history):state(signed-out) { display:none; }
acct-sessions:not(:state(signed-out)) ~ acct-login { display:none; }
`;
}

interface Asset {
  path: string;
  type: string;
  body: string;
}

const versioned = (name: string, extension: string, type: string, body: string): Asset => ({
  path: `/auth/assets/${name}-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.${extension}`,
  type,
  body,
});

export interface HostedAssets {
  stylesheet: Asset;
  icon: Asset;
}

const built = new WeakMap<Brand, HostedAssets>();

/** The stylesheet and icon of a brand, built once per configuration. */
export function hostedAssets(brand: Brand): HostedAssets {
  let assets = built.get(brand);
  if (!assets) {
    assets = {
      stylesheet: versioned('hosted', 'css', 'text/css; charset=utf-8', stylesheet(brand)),
      icon: versioned('icon', 'svg', 'image/svg+xml', brandMark(brand)),
    };
    built.set(brand, assets);
  }
  return assets;
}

/** Serves the hosted pages' stylesheet and icon, and the icon at `/favicon.ico`. */
export function mountHostedAssets(router: Router, brand: Brand): void {
  const { stylesheet, icon } = hostedAssets(brand);
  for (const asset of [stylesheet, icon]) {
    router.get(asset.path, (_req, res) => {
      res.type(asset.type).set('Cache-Control', 'public, max-age=31536000, immutable').send(asset.body);
    });
  }
  // An SVG at the conventional address: browsers go by the Content-Type, not the name. Its
  // address does not change with the brand, so it is cached for a day only.
  router.get('/favicon.ico', (_req, res) => {
    res.type(icon.type).set('Cache-Control', 'public, max-age=86400').send(icon.body);
  });
}
