/**
 * The few pages the server itself shows — the landing pages of emailed links, and the hosted
 * sign-in page. The former work without JavaScript (a form and a button); all carry a strict CSP
 * (no scripts at all but, on the sign-in page, the elements' bundle from our own origin; styles only from our
 * own stylesheet, images only from us and the logo's origin, never framed, forms may post only to
 * us and redirect only to the allowed origins), `Referrer-Policy: no-referrer` (which also keeps
 * the token out of the logo request) and `Cache-Control: no-store`, since their URLs hold
 * one-time tokens (docs/security.md E4). They wear the operator's brand (logo, name, colour — see
 * hosted-assets.ts) and speak the reader's language (`<html lang dir>`). Everything interpolated
 * is HTML-escaped by `html```.
 */
import type { Request, Response } from 'express';
import type { Brand } from '../brand/brand';
import { acceptedLanguage, messages, pickLanguage, type Language, type LanguageSettings } from '../i18n';
import { hostedAssets } from './hosted-assets';

/** Escaped HTML: interpolations are escaped unless they are `Html` themselves. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const escape = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** A value in a template: markup made by `html` as it is, anything else escaped. */
const renderValue = (value: unknown): string => (value instanceof Html ? value.value : escape(value));

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return new Html(
    strings.reduce((out, part, i) => {
      if (i === 0) return part;
      const value = values[i - 1];
      const rendered = Array.isArray(value) ? value.map(renderValue).join('') : renderValue(value);
      return out + rendered + part;
    }, ''),
  );
}

export interface HostedPage {
  brand: Brand;
  lang: Language;
  title: string;
  body: Html;
  status?: number;
  /** Origins a form on the page may end up redirecting to. */
  redirectOrigins?: readonly string[];
  /**
   * Module scripts of our own origin (the elements' bundle, on the hosted sign-in page): the CSP
   * then allows scripts and requests from our origin, and still nothing inline or from elsewhere.
   */
  scripts?: readonly string[];
  /** A wider card, for pages of several elements (the hosted /account page). */
  wide?: boolean;
}

/**
 * A page's language: the one kept with its link (the language of the mail that carried it), else
 * the browser's (`Accept-Language`), else ACCT_DEFAULT_LANGUAGE.
 */
export function pageLanguage(req: Request, config: LanguageSettings, stored?: Language): Language {
  const accepted = acceptedLanguage(req.headers['accept-language'], config.languages);
  return pickLanguage([stored, accepted], config.defaultLanguage, config.languages);
}

/**
 * The page's heading: the logo when there is one, then the product name. With a logo, the name
 * beside it is hidden from screen readers, which already read it as the logo's alt text.
 */
function brandHeading(brand: Brand): Html {
  if (!brand.logoUrl) return html`<p class="product">${brand.productName}</p>`;
  return html`<p class="product"><img src="${brand.logoUrl}" alt="${brand.productName}"><span aria-hidden="true">${brand.productName}</span></p>`;
}

export function sendHostedPage(res: Response, page: HostedPage): void {
  const { brand } = page;
  const { stylesheet, icon } = hostedAssets(brand);
  const formAction = ["'self'", ...(page.redirectOrigins ?? [])].join(' ');
  // Images from us (the icon) and from the logo's origin only; never data: or any other host.
  const imageSources = ["'self'", ...(brand.logoUrl ? [new URL(brand.logoUrl).origin] : [])].join(' ');
  const scripts = page.scripts ?? [];
  const scriptPolicy = scripts.length ? "script-src 'self'; connect-src 'self'; " : '';
  res
    .status(page.status ?? 200)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      // A document of ours: no other window may hold a reference to it.
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Content-Security-Policy': `default-src 'none'; ${scriptPolicy}style-src 'self'; img-src ${imageSources}; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    })
    .send(
      html`<!doctype html>
<html lang="${page.lang}" dir="${messages(page.lang).$dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${page.title} · ${brand.productName}</title>
<link rel="stylesheet" href="${stylesheet.path}">
<link rel="icon" href="${icon.path}" type="image/svg+xml">
${scripts.map(
  (src) => html`<script type="module" src="${src}"></script>
`,
)}</head>
<body>
<main${page.wide ? html` class="wide"` : ''}>
${brandHeading(brand)}
${page.body}
</main>
</body>
</html>`.value,
    );
}
