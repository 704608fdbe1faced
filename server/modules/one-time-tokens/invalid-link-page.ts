/**
 * The one answer for every link that cannot be used — expired, used, superseded by a newer one,
 * or never issued (SECURITY.md B3): the same status, title and text, so a page reveals nothing
 * about which case it was.
 */
import type { Response } from 'express';
import type { Config } from '../../config';
import { html, sendHostedPage } from '../../http/hosted-page';

export function sendInvalidLinkPage(res: Response, config: Pick<Config, 'productName'>): void {
  sendHostedPage(res, {
    productName: config.productName,
    status: 400,
    title: 'Link no longer valid',
    body: html`<h1>This link can no longer be used</h1>
<p class="error">It has expired, was already used, or a newer link replaced it.</p>
<p>Go back to ${config.productName} and ask for a new one.</p>`,
  });
}
