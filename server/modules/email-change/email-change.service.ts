/**
 * Changing the account's email address (issue 11; docs/http-api.md "Changing the email address").
 *
 * 1. `POST /api/me/email` (a sign-in at most ten minutes old, docs/security.md F3) mails a 24-hour
 *    link to the new address. If that address already has an account, that address gets an
 *    explanatory mail instead, and the answer is the same (no enumeration, A4); the look-up runs
 *    after the answer so that its time tells nothing either.
 * 2. The link's hosted page confirms (its POST; a GET consumes nothing, B2). Under a lock on the
 *    address, the address is checked free again: of two accounts confirming the same address at
 *    once one wins, the other gets `email_in_use` (409). The new address is proven (its owner
 *    followed a link mailed to it). Sessions stay. Links mailed to the old address (confirmation,
 *    password reset, magic links) stop working. Login history records `email_changed`.
 * 3. The old address gets a notice with a 72-hour undo link (the `email_changed` security alert,
 *    also in the feed and by push). Undoing gives the old address back
 *    (proven: its owner followed the link), ends every session of the account — an unwanted
 *    change signals a takeover — and retires the pending links, including undo links of later
 *    changes (an older undo link keeps working: it leads back closer to the first owner). Login
 *    history records `email_change_undone`. Passwords and passkeys are left as they are: the
 *    owner, signed out everywhere, resets the password through their address again.
 */
import type { Knex } from 'knex';
import { UserErrors, type PendingEmailChange } from '../../../contract/users';
import { ApiError } from '../../http/errors';
import type { Language } from '../../i18n';
import type { Services } from '../../services';
import { recordLogin } from '../login-history/login-history.queries';
import { expireOpenLinks } from '../magic-links/magic-links.queries';
import { mailOptions, mailTemplates } from '../mail/templates';
import { raiseSecurityAlert } from '../notifications/security-alerts';
import { consumeToken, issueToken, peekToken, type ConsumedToken } from '../one-time-tokens/one-time-tokens.queries';
import { mailLimits } from '../rate-limit/policies';
import { enforceLimits } from '../rate-limit/rate-limit';
import { requireRecentSignIn } from '../sessions/recent-sign-in';
import type { RequestContext } from '../sessions/request-context';
import { revokeOtherSessions, type ActiveSession } from '../sessions/sessions.queries';
import { findUserByEmail, findUserById, lockUser } from '../users/users.queries';
import {
  deleteUnconfirmedSignUp,
  deleteUnprovenSince,
  lockAddress,
  retireAddressLinks,
  retireLaterUndoLinks,
  retirePendingChanges,
  selectPendingChange,
  setProvenEmail,
} from './email-change.queries';

export const CONFIRM_EMAIL_CHANGE_PATH = '/auth/confirm-email-change';
export const UNDO_EMAIL_CHANGE_PATH = '/auth/undo-email-change';

const UNIQUE_VIOLATION = '23505';

/** `POST /api/me/email`: checks, then mails the new address after the answer. */
export async function requestEmailChange(
  services: Services,
  session: Pick<ActiveSession, 'userId' | 'provenAt'>,
  { email, redirectUrl }: { email: string; redirectUrl: string | undefined },
  context: RequestContext,
): Promise<void> {
  const { config, db, detached } = services;
  requireRecentSignIn(session);
  const user = await findUserById(db.knex, session.userId);
  if (!user) throw new Error(`no user ${session.userId}`);
  if (user.email.toLowerCase() === email) throw ApiError.of(UserErrors, 'email_unchanged');
  await enforceLimits(db.knex, mailLimits(config.rateLimits, context.ip, email));
  detached.run('email change', () =>
    db.knex.transaction(async (trx) => {
      const owner = await findUserByEmail(trx, email);
      const options = mailOptions(config, user.locale, context.language);
      // Recorded even when the address is taken, so that the pending change (GET /api/me/email)
      // looks the same either way (no enumeration, A4); the link's secret then goes nowhere.
      const token = await issueToken(trx, {
        userId: user.id,
        purpose: 'email_change',
        redirectUrl,
        ip: context.ip,
        data: { newEmail: email },
        language: options.lang,
      });
      if (owner) {
        const ownerOptions = mailOptions(config, owner.locale, context.language);
        await services.mail.enqueue(trx, {
          to: email,
          template: 'emailChangeTaken',
          content: mailTemplates.emailChangeTaken(ownerOptions),
        });
        return;
      }
      const url = `${config.publicUrl}${CONFIRM_EMAIL_CHANGE_PATH}?token=${token}`;
      await services.mail.enqueue(trx, {
        to: email,
        template: 'emailChangeConfirm',
        content: mailTemplates.emailChangeConfirm(options, url),
      });
    }),
  );
}

/** `GET /api/me/email`: the change waiting for confirmation, if any. */
export async function pendingEmailChange({ db }: Services, userId: string): Promise<PendingEmailChange['pending']> {
  const pending = await selectPendingChange(db.knex, userId);
  return pending ? { email: pending.email, expiresAt: pending.expiresAt.toISOString() } : null;
}

/** `DELETE /api/me/email`: the waiting change's link stops working. */
export function cancelPendingEmailChange({ db }: Services, userId: string): Promise<boolean> {
  return retirePendingChanges(db.knex, userId);
}

/** What a link's landing page shows before its button is pressed. */
export interface OpenLink {
  /** The address the button makes the account's. */
  email: string;
  language: Language | undefined;
}

function addressIn(token: ConsumedToken, key: 'newEmail' | 'oldEmail'): string {
  const email = token.data[key];
  if (typeof email !== 'string') throw new Error(`token ${token.id} has no ${key}`);
  return email;
}

/** The confirmation or undo link behind `token`, without using it; undefined when it cannot be used. */
export async function findOpenLink(
  { db }: Services,
  kind: 'confirm' | 'undo',
  token: string,
): Promise<OpenLink | undefined> {
  const link = await peekToken(db.knex, kind === 'confirm' ? 'email_change' : 'email_change_undo', token);
  if (!link) return undefined;
  return { email: addressIn(link, kind === 'confirm' ? 'newEmail' : 'oldEmail'), language: link.language };
}

/** The outcome of a confirmation or undo; undefined when the link cannot be used. */
export type LinkOutcome =
  | { outcome: 'changed'; email: string; redirectUrl: string | null; language: Language | undefined }
  | { outcome: 'taken'; language: Language | undefined }
  | undefined;

/**
 * Moves the account to `email` under the address lock, unless another account has it; a
 * sign-up taking the address at this very moment shows as the unique violation. An account
 * that is only an unconfirmed sign-up of the address yields to this proof of it
 * (email-change.queries.ts, deleteUnconfirmedSignUp) — and to an undo link (`undoTokenId`), any
 * account made since the change freed the address without proving it (deleteUnprovenSince).
 */
async function moveTo(
  { events }: Services,
  trx: Knex.Transaction,
  userId: string,
  email: string,
  undoTokenId?: string,
): Promise<boolean> {
  await lockAddress(trx, email);
  await lockUser(trx, userId);
  const owner = await findUserByEmail(trx, email);
  if (owner && owner.id !== userId) {
    const yields =
      (await deleteUnconfirmedSignUp(trx, owner.id)) ||
      (undoTokenId !== undefined && (await deleteUnprovenSince(trx, owner.id, undoTokenId)));
    if (!yields) return false;
    // Its sign-up announced it (user.created); webhooks hear that it is gone.
    await events.publish(trx, { type: 'user.deleted', userId: owner.id });
  }
  try {
    await trx.transaction((savepoint) => setProvenEmail(savepoint, userId, email));
    return true;
  } catch (err) {
    if ((err as { code?: unknown }).code === UNIQUE_VIOLATION) return false;
    throw err;
  }
}

/** The confirmation page's button: the change, the notice to the old address and its undo link. */
export function confirmEmailChange(services: Services, token: unknown, context: RequestContext): Promise<LinkOutcome> {
  const { config, db, events } = services;
  return db.knex.transaction(async (trx): Promise<LinkOutcome> => {
    const used = await consumeToken(trx, 'email_change', token);
    if (!used) return undefined;
    const newEmail = addressIn(used, 'newEmail');
    const before = await lockUser(trx, used.userId);
    if (!(await moveTo(services, trx, used.userId, newEmail))) return { outcome: 'taken', language: used.language };

    await retireAddressLinks(trx, used.userId);
    await expireOpenLinks(trx, before.email.toLowerCase());
    const options = mailOptions(config, before.locale, used.language);
    const undo = await issueToken(trx, {
      userId: used.userId,
      purpose: 'email_change_undo',
      data: { oldEmail: before.email, newEmail },
      ip: context.ip,
      language: options.lang,
      supersede: false,
    });
    // The `email_changed` security alert: its mail, with the undo link, goes to the OLD address.
    await raiseSecurityAlert(services, trx, {
      userId: used.userId,
      eventType: 'email_changed',
      mail: {
        to: before.email,
        template: 'emailChanged',
        content: mailTemplates.emailChanged(
          options,
          newEmail,
          `${config.publicUrl}${UNDO_EMAIL_CHANGE_PATH}?token=${undo}`,
        ),
      },
    });
    await recordLogin(trx, { userId: used.userId, event: 'email_changed', method: null, success: true, context });
    await events.publish(trx, {
      type: 'user.email_changed',
      userId: used.userId,
      from: before.email,
      to: newEmail,
      undo: false,
    });
    return { outcome: 'changed', email: newEmail, redirectUrl: used.redirectUrl, language: used.language };
  });
}

/** The undo page's button: the old address back, every session ended. */
export function undoEmailChange(services: Services, token: unknown, context: RequestContext): Promise<LinkOutcome> {
  const { db, events } = services;
  return db.knex.transaction(async (trx): Promise<LinkOutcome> => {
    const used = await consumeToken(trx, 'email_change_undo', token);
    if (!used) return undefined;
    const oldEmail = addressIn(used, 'oldEmail');
    const before = await lockUser(trx, used.userId);
    if (!(await moveTo(services, trx, used.userId, oldEmail, used.id)))
      return { outcome: 'taken', language: used.language };

    await retireAddressLinks(trx, used.userId);
    await retireLaterUndoLinks(trx, used.userId, used.id);
    await expireOpenLinks(trx, before.email.toLowerCase());
    await revokeOtherSessions(trx, used.userId);
    await recordLogin(trx, { userId: used.userId, event: 'email_change_undone', method: null, success: true, context });
    await events.publish(trx, {
      type: 'user.email_changed',
      userId: used.userId,
      from: before.email,
      to: oldEmail,
      undo: true,
    });
    return { outcome: 'changed', email: oldEmail, redirectUrl: null, language: used.language };
  });
}
