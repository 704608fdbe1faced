/**
 * The landing page of a password-reset link, `/auth/reset-password`: a GET shows the form and
 * consumes nothing; the POST checks the new password first (so a weak one can be corrected with
 * the same link), then consumes the token atomically, sets the password, ends every session, and
 * hands a fresh one to the page the user came from.
 */
import { Router, type Request, type Response } from 'express';
import { hostedFormGuards } from '../../http/hosted-forms';
import { html, pageLanguage, sendHostedPage } from '../../http/hosted-page';
import { messages, type Language } from '../../i18n';
import type { Services } from '../../services';
import { consumeToken, peekToken } from '../one-time-tokens/one-time-tokens';
import { sendInvalidLinkPage } from '../one-time-tokens/invalid-link-page';
import { handOverUrl } from '../sessions/hand-over';
import { requestContext } from '../sessions/request-context';
import { hashPassword } from './password-hash';
import { checkNewPassword, PASSWORD_MAX_LENGTH, type PasswordProblem } from './password-policy';
import { completePasswordReset, RESET_PASSWORD_PATH } from './passwords.service';

export function resetPasswordPage(services: Services): Router {
  const { config, db } = services;
  const router = Router();

  const sendForm = (req: Request, res: Response, link: { token: string; language: Language | undefined }, problem?: PasswordProblem | 'mismatch') => {
    const lang = pageLanguage(req, config, link.language);
    const t = messages(lang).pages.resetPassword;
    sendHostedPage(res, {
      brand: config.brand,
      lang,
      redirectOrigins: config.redirectAllowlist,
      status: problem ? 400 : 200,
      title: t.title,
      body: html`<h1>${t.title}</h1>
${problem ? html`<p class="error" role="alert">${t.problems[problem]}</p>` : ''}
<form method="post" action="${RESET_PASSWORD_PATH}">
<input type="hidden" name="token" value="${link.token}">
<label for="password">${t.newPassword}</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="${config.passwordMinLength}" maxlength="${PASSWORD_MAX_LENGTH}">
<p class="hint">${t.hint(config.passwordMinLength)}</p>
<label for="confirm">${t.repeat}</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
<button type="submit">${t.action}</button>
</form>`,
    });
  };

  router.get(RESET_PASSWORD_PATH, async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const link = await peekToken(db.knex, 'password_reset', token);
    if (!link) return sendInvalidLinkPage(req, res, config);
    sendForm(req, res, { token, language: link.language });
  });

  router.post(RESET_PASSWORD_PATH, ...hostedFormGuards(config.publicUrl), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const token = typeof body.token === 'string' ? body.token : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const link = await peekToken(db.knex, 'password_reset', token);
    if (!link) return sendInvalidLinkPage(req, res, config);
    const problem = checkNewPassword(password, { minLength: config.passwordMinLength }) ?? (password !== body.confirm ? 'mismatch' : undefined);
    if (problem) return sendForm(req, res, { token, language: link.language }, problem);

    const passwordHash = await hashPassword(password);
    const consumed = await db.knex.transaction(async (trx) => {
      const used = await consumeToken(trx, 'password_reset', token);
      if (used) await completePasswordReset(services, trx, used.userId, passwordHash, requestContext(req));
      return used;
    });
    if (!consumed) return sendInvalidLinkPage(req, res, config); // used by a parallel request meanwhile
    if (consumed.redirectUrl) {
      const { userId, redirectUrl, data } = consumed;
      const url = await handOverUrl(db.knex, { userId, method: 'password', flow: 'password_reset', redirectUrl, browserKeyHash: data.browserKeyHash });
      return void res.redirect(303, url);
    }
    const lang = pageLanguage(req, config, consumed.language);
    const t = messages(lang).pages.resetPassword;
    sendHostedPage(res, { brand: config.brand, lang, title: t.doneTitle, body: html`<h1>${t.doneTitle}</h1><p>${t.done(config.productName)}</p>` });
  });

  return router;
}
