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
import { sendInvalidLinkPage } from '../one-time-tokens/invalid-link-page';
import { requestContext } from '../sessions/request-context';
import { PASSWORD_MAX_LENGTH } from '../../../contract/auth';
import { checkNewPassword, type PasswordProblem } from './password-policy';
import { findOpenResetLink, RESET_PASSWORD_PATH, resetPassword } from './passwords.service';

export function resetPasswordPage(services: Services): Router {
  const { config } = services;
  const router = Router();

  const sendForm = (
    req: Request,
    res: Response,
    link: { token: string; language: Language | undefined },
    problem?: PasswordProblem | 'mismatch',
  ) => {
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
    const link = await findOpenResetLink(services, token);
    if (!link) return sendInvalidLinkPage(req, res, config);
    sendForm(req, res, { token, language: link.language });
  });

  router.post(RESET_PASSWORD_PATH, ...hostedFormGuards(config.publicUrl), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const token = typeof body.token === 'string' ? body.token : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const link = await findOpenResetLink(services, token);
    if (!link) return sendInvalidLinkPage(req, res, config);
    const problem =
      checkNewPassword(password, { minLength: config.passwordMinLength }) ??
      (password !== body.confirm ? 'mismatch' : undefined);
    if (problem) return sendForm(req, res, { token, language: link.language }, problem);

    const reset = await resetPassword(services, { token, password }, requestContext(req));
    if (!reset) return sendInvalidLinkPage(req, res, config); // used by a parallel request meanwhile
    if ('handOverUrl' in reset) return void res.redirect(303, reset.handOverUrl);
    const lang = pageLanguage(req, config, reset.language);
    const t = messages(lang).pages.resetPassword;
    sendHostedPage(res, {
      brand: config.brand,
      lang,
      title: t.doneTitle,
      body: html`<h1>${t.doneTitle}</h1><p>${t.done(config.productName)}</p>`,
    });
  });

  return router;
}
