/**
 * The two pages the OAuth callback can end on. The error page is a hosted page like the others
 * (no scripts, http/hosted-page.ts), one per failure reason, and never a session. The popup page
 * is the one hosted page with a script: it posts the hand-over code to the window that opened the
 * popup, to the return page's origin only (`targetOrigin`, never `*`), with the opener's nonce,
 * then closes. Its CSP allows that one inline script by nonce and nothing else; it sends no
 * `Cross-Origin-Opener-Policy: same-origin`, which would cut the popup off from its opener.
 * A provider's own pages may still have cut it off (their COOP): with no opener left, a successful
 * popup goes on as a redirect would — to the return page with the hand-over code, which signs in
 * in that window — and a failed one shows its reason where the opener would have.
 */
import type { Request, Response } from 'express';
import type { OAuthPopupMessage } from '../../../contract/oauth';
import type { Config } from '../../config';
import { Html, html, pageLanguage, sendHostedPage } from '../../http/hosted-page';
import { hostedAssets } from '../../http/hosted-assets';
import { messages, type Language } from '../../i18n';
import { randomToken } from '../../security/tokens';
import type { FailureReason } from './oauth.service';

export function sendOAuthFailedPage(
  req: Request,
  res: Response,
  config: Pick<Config, 'brand' | 'defaultLanguage' | 'redirectAllowlist'>,
  { reason, providerName, returnTo }: { reason: FailureReason; providerName: string; returnTo?: string | undefined },
): void {
  const lang = pageLanguage(req, config);
  const t = messages(lang).pages.oauth;
  const said = failureText(lang, reason, providerName);
  const site = returnTo ?? `${config.redirectAllowlist[0]}/`;
  sendHostedPage(res, {
    brand: config.brand,
    lang,
    status: 400,
    title: t.failedTitle,
    body: html`<h1>${t.failedTitle}</h1>
<p class="error">${said}</p>
<p>${t.advice(config.brand.productName)}</p>
<p><a href="${site}">${t.back(config.brand.productName)}</a></p>`,
  });
}

/** Why a sign-in with `providerName` failed, in the page's language. */
export function failureText(lang: Language, reason: FailureReason, providerName: string): string {
  const said = messages(lang).pages.oauth.reasons[reason];
  return typeof said === 'string' ? said : said(providerName);
}

/** JSON for an inline script: `<` escaped so the data cannot close the script element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function sendPopupPage(
  req: Request,
  res: Response,
  config: Pick<Config, 'brand' | 'defaultLanguage'>,
  {
    targetOrigin,
    message,
    withoutOpener,
  }: {
    targetOrigin: string;
    message: OAuthPopupMessage;
    /** When the popup has no opener: the hand-over URL to go on to, or the failure to explain. */
    withoutOpener: { continueTo: string } | { explain: string };
  },
): void {
  const lang = pageLanguage(req, config);
  const t = messages(lang).pages.oauth;
  const continueTo = 'continueTo' in withoutOpener ? withoutOpener.continueTo : null;
  const nonce = randomToken(16);
  const { stylesheet } = hostedAssets(config.brand);
  res
    .status(200)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
    })
    .send(
      html`<!doctype html>
<html lang="${lang}" dir="${messages(lang).$dir}">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>${t.popupTitle} · ${config.brand.productName}</title>
<link rel="stylesheet" href="${stylesheet.path}">
</head>
<body>
<main><p${continueTo ? '' : html` class="error"`}>${'explain' in withoutOpener ? withoutOpener.explain : t.popupText}</p></main>
<script nonce="${nonce}">
if (window.opener) {
  window.opener.postMessage(${new Html(scriptJson(message))}, ${new Html(scriptJson(targetOrigin))});
  window.close();
} else if (${new Html(scriptJson(continueTo))}) {
  location.replace(${new Html(scriptJson(continueTo))});
}
</script>
</body>
</html>`.value,
    );
}
