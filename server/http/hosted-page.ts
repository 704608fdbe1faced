/**
 * The few pages the server itself shows — the landing pages of emailed links. They work without
 * JavaScript (a form and a button), carry a strict CSP (no scripts at all, styles only from our
 * own stylesheet, never framed, forms may post only to us and redirect only to the allowed
 * origins), `Referrer-Policy: no-referrer` and `Cache-Control: no-store`, since their URLs hold
 * one-time tokens (SECURITY.md E4). Everything interpolated is HTML-escaped by `html```.
 */
import type { Response, Router } from 'express';

/** Escaped HTML: interpolations are escaped unless they are `Html` themselves. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const escape = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return new Html(
    strings.reduce((out, part, i) => {
      if (i === 0) return part;
      const value = values[i - 1];
      const rendered = Array.isArray(value)
        ? value.map((v) => (v instanceof Html ? v.value : escape(v))).join('')
        : value instanceof Html
          ? value.value
          : escape(value);
      return out + rendered + part;
    }, ''),
  );
}

const STYLESHEET = `
:root { color-scheme: light dark; --ink:#1f2328; --muted:#57606a; --paper:#f6f8fa; --card:#fff; --accent:#1d4ed8; --danger:#b42318; }
@media (prefers-color-scheme: dark) { :root { --ink:#e6edf3; --muted:#9da7b3; --paper:#0d1117; --card:#161b22; --accent:#6ea8fe; --danger:#ff7b72; } }
* { box-sizing: border-box; }
body { margin:0; min-height:100vh; display:grid; place-items:center; background:var(--paper); color:var(--ink);
  font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif; padding:1rem; }
main { width:100%; max-width:26rem; background:var(--card); border-radius:12px; padding:2rem; box-shadow:0 4px 24px rgb(0 0 0 / 0.08); }
.product { font-weight:600; color:var(--muted); margin:0 0 .5rem; }
h1 { font-size:1.4rem; margin:0 0 1rem; }
p { margin:0 0 1rem; }
label { display:block; font-weight:600; margin:1rem 0 .25rem; }
input { width:100%; font:inherit; padding:.6rem .7rem; border:1px solid var(--muted); border-radius:8px; background:transparent; color:inherit; }
button { margin-top:1.25rem; width:100%; font:inherit; font-weight:600; padding:.7rem; border:0; border-radius:8px; background:var(--accent); color:#fff; cursor:pointer; }
button:focus-visible, input:focus-visible { outline:3px solid var(--accent); outline-offset:2px; }
.error { color:var(--danger); font-weight:600; }
.hint { color:var(--muted); font-size:.9rem; }
`;

export const HOSTED_STYLESHEET_PATH = '/auth/assets/hosted.css';

/** Serves the hosted pages' stylesheet. */
export function mountHostedAssets(router: Router): void {
  router.get(HOSTED_STYLESHEET_PATH, (_req, res) => {
    res.type('text/css').set('Cache-Control', 'public, max-age=3600').send(STYLESHEET);
  });
}

export interface HostedPage {
  productName: string;
  title: string;
  body: Html;
  status?: number;
  /** Origins a form on the page may end up redirecting to. */
  redirectOrigins?: readonly string[];
}

export function sendHostedPage(res: Response, page: HostedPage): void {
  const formAction = ["'self'", ...(page.redirectOrigins ?? [])].join(' ');
  res
    .status(page.status ?? 200)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      // A document of ours: no other window may hold a reference to it.
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Content-Security-Policy': `default-src 'none'; style-src 'self'; img-src 'self' data:; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    })
    .send(
      html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${page.title} · ${page.productName}</title>
<link rel="stylesheet" href="${HOSTED_STYLESHEET_PATH}">
</head>
<body>
<main>
<p class="product">${page.productName}</p>
${page.body}
</main>
</body>
</html>`.value,
    );
}
