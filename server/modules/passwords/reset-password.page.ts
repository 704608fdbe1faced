/**
 * The landing page of a password-reset link, `/auth/reset-password`: a GET shows the form and
 * consumes nothing; the POST checks the new password first (so a weak one can be corrected with
 * the same link), then consumes the token atomically, sets the password, ends every session, and
 * hands a fresh one to the page the user came from.
 */
import { Router, type Response } from 'express';
import { hostedFormGuards } from '../../http/hosted-forms';
import { html, sendHostedPage } from '../../http/hosted-page';
import type { Services } from '../../services';
import { consumeToken, isTokenValid } from '../one-time-tokens/one-time-tokens';
import { sendInvalidLinkPage } from '../one-time-tokens/invalid-link-page';
import { handOverUrl } from '../sessions/hand-over';
import { requestContext } from '../sessions/request-context';
import { hashPassword } from './password-hash';
import { checkNewPassword, PASSWORD_MAX_LENGTH, type PasswordProblem } from './password-policy';
import { completePasswordReset, RESET_PASSWORD_PATH } from './passwords.service';

const PROBLEMS: Record<PasswordProblem | 'mismatch', string> = {
  password_too_short: 'That password is too short.',
  password_too_long: 'That password is too long.',
  password_too_common: 'That password is too common or too easy to guess. Choose another.',
  mismatch: 'The two passwords are not the same.',
};

export function resetPasswordPage(services: Services): Router {
  const { config, db } = services;
  const router = Router();

  const sendForm = (res: Response, token: string, problem?: keyof typeof PROBLEMS) =>
    sendHostedPage(res, {
      productName: config.productName,
      redirectOrigins: config.redirectAllowlist,
      status: problem ? 400 : 200,
      title: 'Choose a new password',
      body: html`<h1>Choose a new password</h1>
${problem ? html`<p class="error" role="alert">${PROBLEMS[problem]}</p>` : ''}
<form method="post" action="${RESET_PASSWORD_PATH}">
<input type="hidden" name="token" value="${token}">
<label for="password">New password</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="${config.passwordMinLength}" maxlength="${PASSWORD_MAX_LENGTH}">
<p class="hint">At least ${config.passwordMinLength} characters. Every other device will be signed out.</p>
<label for="confirm">Repeat it</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
<button type="submit">Set new password</button>
</form>`,
    });

  router.get(RESET_PASSWORD_PATH, async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    if (!(await isTokenValid(db.knex, 'password_reset', token))) return sendInvalidLinkPage(res, config);
    sendForm(res, token);
  });

  router.post(RESET_PASSWORD_PATH, ...hostedFormGuards(config.publicUrl), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const token = typeof body.token === 'string' ? body.token : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (!(await isTokenValid(db.knex, 'password_reset', token))) return sendInvalidLinkPage(res, config);
    const problem = checkNewPassword(password, { minLength: config.passwordMinLength }) ?? (password !== body.confirm ? 'mismatch' : undefined);
    if (problem) return sendForm(res, token, problem);

    const passwordHash = await hashPassword(password);
    const consumed = await db.knex.transaction(async (trx) => {
      const used = await consumeToken(trx, 'password_reset', token);
      if (used) await completePasswordReset(services, trx, used.userId, passwordHash, requestContext(req));
      return used;
    });
    if (!consumed) return sendInvalidLinkPage(res, config); // used by a parallel request meanwhile
    if (consumed.redirectUrl) {
      const { userId, redirectUrl, data } = consumed;
      const url = await handOverUrl(db.knex, { userId, method: 'password', flow: 'password_reset', redirectUrl, browserKeyHash: data.browserKeyHash });
      return void res.redirect(303, url);
    }
    sendHostedPage(res, {
      productName: config.productName,
      title: 'Password changed',
      body: html`<h1>Password changed</h1><p>You can now sign in to ${config.productName} with your new password.</p>`,
    });
  });

  return router;
}
