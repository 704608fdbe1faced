/**
 * The landing page of a mailed one-time link (verify the address, confirm or undo an email change,
 * cancel a deletion), one shape for all: the GET shows what the link does and a button, and
 * consumes nothing — mail scanners follow links (docs/security.md B2); the button POSTs the token
 * back to the same path, under the hosted forms' guards, and only that POST acts. A link that
 * cannot be used gets the one invalid-link page (B3) on either. Each page is in the language kept
 * with its link, else the browser's.
 */
import type { Request, Router } from 'express';
import type { Config } from '../../config';
import { hostedFormGuards } from '../../http/hosted-forms';
import { html, pageLanguage, sendHostedPage, type Html } from '../../http/hosted-page';
import type { Language } from '../../i18n';
import { sendInvalidLinkPage } from './invalid-link-page';

/** What the page answers once the link did its work: a page, or a redirect (303). */
export type LandingAnswer = { title: string; body: Html; status?: number } | { redirect: string };

export interface LinkLandingPage<Link extends { language: Language | undefined }, Done> {
  path: string;
  /** The open link behind `token`, left unused; undefined when it cannot be used. */
  find(token: string): Promise<Link | undefined>;
  /** The GET page: its heading, what the button will do, the button's label. */
  ask(link: Link, lang: Language): { title: string; intro: string; action: string };
  /** The POST: uses up the link and does its work; undefined when it can no longer be used. */
  act(token: unknown, req: Request): Promise<Done | undefined>;
  /** The POST's answer, in the page language chosen from `languageOf(done)`. */
  answer(done: Done, lang: Language): LandingAnswer;
  languageOf(done: Done): Language | undefined;
}

export function linkLandingPage<Link extends { language: Language | undefined }, Done>(
  router: Router,
  config: Config,
  page: LinkLandingPage<Link, Done>,
): void {
  const shell = { brand: config.brand, redirectOrigins: config.redirectAllowlist };

  router.get(page.path, async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const link = await page.find(token);
    if (!link) return sendInvalidLinkPage(req, res, config);
    const lang = pageLanguage(req, config, link.language);
    const t = page.ask(link, lang);
    sendHostedPage(res, {
      ...shell,
      lang,
      title: t.title,
      body: html`<h1>${t.title}</h1>
<p>${t.intro}</p>
<form method="post" action="${page.path}">
<input type="hidden" name="token" value="${token}">
<button type="submit">${t.action}</button>
</form>`,
    });
  });

  router.post(page.path, ...hostedFormGuards(config.publicUrl), async (req, res) => {
    const done = await page.act((req.body as { token?: unknown } | undefined)?.token, req);
    if (done === undefined) return sendInvalidLinkPage(req, res, config);
    const lang = pageLanguage(req, config, page.languageOf(done));
    const answer = page.answer(done, lang);
    if ('redirect' in answer) return void res.redirect(303, answer.redirect);
    sendHostedPage(res, { ...shell, lang, ...answer });
  });
}
