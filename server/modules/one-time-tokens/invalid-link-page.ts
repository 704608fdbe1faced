/**
 * The one answer for every link that cannot be used — expired, used, superseded by a newer one,
 * or never issued (docs/security.md B3): the same status, title and text, so a page reveals nothing
 * about which case it was. With no usable link there is no stored language: the browser's decides.
 * It links back to the site (the first allowed return origin, where links without a return page
 * send people too).
 */
import type { Request, Response } from 'express';
import type { Config } from '../../config';
import { html, pageLanguage, sendHostedPage } from '../../http/hosted-page';
import { messages } from '../../i18n';

export function sendInvalidLinkPage(
  req: Request,
  res: Response,
  config: Pick<Config, 'brand' | 'defaultLanguage' | 'redirectAllowlist'>,
): void {
  const lang = pageLanguage(req, config);
  const t = messages(lang).pages.invalidLink;
  const site = config.redirectAllowlist[0];
  sendHostedPage(res, {
    brand: config.brand,
    lang,
    status: 400,
    title: t.title,
    body: html`<h1>${t.heading}</h1>
<p class="error">${t.reason}</p>
<p>${t.advice(config.brand.productName)}</p>
${site ? html`<p><a href="${site}/">${t.back(config.brand.productName)}</a></p>` : ''}`,
  });
}
