/**
 * Where every first factor ends (`completeSignIn`): a user with a second factor gets the "second
 * factor required" state (mfa/challenges.ts) instead of a session — unless the first factor was
 * a passkey that verified its user (something held and something known or been: both factors) —
 * and everyone else a session (`startSession`). Every sign-in method calls `completeSignIn`, so
 * none can skip the second factor; only `POST /api/auth/mfa/verify` calls `startSession` itself.
 *
 * `startSession` is the last step of every sign-in: a new session, a `login_success` line in the history,
 * and a security alert when the device is one the account has not signed in from before: the
 * `new_sign_in` alert of the notification dispatcher (notifications/security-alerts.ts), mailed in
 * the user's language, else the signing-in request's, and shown in the feed and by push.
 */
import type { Knex } from 'knex';
import type { SecondFactorRequired } from '../../../contract/mfa';
import { PasskeyErrors } from '../../../contract/passkeys';
import type { AuthMethod } from '../../../contract/sessions';
import { ApiError } from '../../http/errors';
import type { Services } from '../../services';
import { isNewDevice, recordLogin } from '../login-history/login-history.queries';
import { mailOptions, mailTemplates } from '../mail/templates';
import { issueChallenge } from '../mfa/challenges';
import { hasMfa } from '../mfa/mfa.service';
import { raiseSecurityAlert } from '../notifications/security-alerts';
import type { UserRow } from '../../db/tables';
import type { RequestContext } from './request-context';
import { createSession, type NewSession } from './sessions.queries';
import { assertPasswordUnchanged } from '../passwords/password-unchanged';

export interface SignInRequest {
  user: Pick<UserRow, 'id' | 'email' | 'locale'>;
  method: AuthMethod;
  context: RequestContext;
  passkeyId?: string | undefined;
  /** A passkey sign-in whose authenticator verified the user (PIN, biometrics): both factors at once. */
  userVerified?: boolean;
  /**
   * The sign-in was made and recorded on acct's hosted page, which handed it to the site page
   * (hand-over.ts `handOverSession`): the same sign-in, second factor included, not another one to
   * record, check or mail about.
   */
  movedFromHostedPage?: boolean;
  /**
   * A password sign-in: the hash the password was checked against. Its session (or pending second
   * step) is made only while that is still the account's password — a change committed during the
   * check has already ended every other session, and this one must not escape it.
   */
  passwordHash?: string | undefined;
}

export type SignInOutcome = { status: 'signed_in'; session: NewSession } | SecondFactorRequired;

/** A sign-in's outcome as the routes answer it: with the user when signed in. */
export type SignInAnswer<U> = { status: 'signed_in'; session: NewSession; user: U } | SecondFactorRequired;

export function withUser<U>(outcome: SignInOutcome, user: U): SignInAnswer<U> {
  return outcome.status === 'signed_in' ? { ...outcome, user } : outcome;
}

/** A correct first factor: a session, or the second factor's turn (recorded in the login history). */
export async function completeSignIn(services: Services, request: SignInRequest): Promise<SignInOutcome> {
  const { user, method, context, movedFromHostedPage = false } = request;
  const bothFactors = method === 'passkey' && request.userVerified === true;
  if (!movedFromHostedPage && !bothFactors && (await hasMfa(services, user.id))) {
    await recordLogin(services.db.knex, {
      userId: user.id,
      event: 'second_factor_required',
      method,
      success: true,
      context,
    });
    return issueChallenge(services, user.id, method, {
      passwordHash: request.passwordHash,
      passkeyId: request.passkeyId,
    });
  }
  return { status: 'signed_in', session: await startSession(services, request) };
}

/** A new session for a complete sign-in (every factor it needs was given). */
export async function startSession(
  services: Services,
  { user, method, context, passkeyId, movedFromHostedPage = false, passwordHash }: SignInRequest,
): Promise<NewSession> {
  const { config, db } = services;
  return db.knex.transaction(async (trx: Knex.Transaction) => {
    await assertPasswordUnchanged(trx, user.id, passwordHash);
    // The passkey it signed in with, if any, is still there and stays until this commits: its
    // removal (which locks it first) then ends this session too, or came first and this fails.
    if (passkeyId && !(await trx('passkeys').where({ id: passkeyId }).forShare().first('id')))
      throw ApiError.of(PasskeyErrors, 'unknown_passkey');
    const newDevice = !movedFromHostedPage && (await isNewDevice(trx, user.id, context));
    const session = await createSession(trx, {
      userId: user.id,
      method,
      context,
      lifetimes: config.session,
      passkeyId,
    });
    if (!movedFromHostedPage) {
      await services.events.publish(trx, { type: 'session.created', userId: user.id, sessionId: session.id, method });
      await recordLogin(trx, { userId: user.id, event: 'login_success', method, success: true, context });
    }
    if (newDevice) {
      const { device, location, ip } = context;
      await raiseSecurityAlert(services, trx, {
        userId: user.id,
        eventType: 'new_sign_in',
        mail: {
          template: 'newDevice',
          content: mailTemplates.newDevice(mailOptions(config, user.locale, context.language), {
            device,
            location,
            ip,
            time: new Date(),
          }),
        },
      });
    }
    return session;
  });
}
