/**
 * Step-up re-authentication (docs/security.md F3): a signed-in user proves again who they are,
 * with any method of `REAUTH_METHODS` their account has, and the session's proof time is
 * refreshed — so that sensitive changes (`requireRecentSignIn`) are admitted again for ten
 * minutes, without signing out. Only this session: the others keep their own proof times.
 *
 * Every attempt spends the sign-in rate limits of the address and of the account before any
 * proof is checked (A3), and lands in the login history (`reauthenticated` /
 * `reauthentication_failed`), like a sign-in.
 */
import type { AuthMethod } from '../../../contract/sessions';
import {
  ReauthErrors,
  type ReauthMethodName,
  type ReauthMethods,
  type Reauthenticated,
} from '../../../contract/reauthentication';
import { iso } from '../../../contract/wire';
import { ApiError, CommonErrors } from '../../http/errors';
import type { Services } from '../../services';
import { recordLogin } from '../login-history/login-history.queries';
import { signInLimits } from '../rate-limit/policies';
import { enforceLimits } from '../rate-limit/rate-limit';
import { recentUntil } from '../sessions/recent-sign-in';
import type { RequestContext } from '../sessions/request-context';
import { markReauthenticated, type ActiveSession } from '../sessions/sessions.queries';
import { REAUTH_METHODS, type ReauthMethod } from './methods';

type Session = Pick<ActiveSession, 'id' | 'userId' | 'provenAt' | 'user'>;

/** The methods this user can prove with, in the list's order. */
async function availableMethods(services: Services, userId: string): Promise<ReauthMethod[]> {
  const offered = await Promise.all(REAUTH_METHODS.map((m) => m.available(services, userId)));
  return REAUTH_METHODS.filter((_, i) => offered[i]);
}

export async function listMethods(services: Services, session: Session): Promise<ReauthMethods> {
  const methods = await availableMethods(services, session.userId);
  return { methods: methods.map((m) => m.method), recentUntil: iso(recentUntil(session)) };
}

/** The login history's method for a proof: a code counts as the second factor's. */
const historyMethod = (method: ReauthMethodName): AuthMethod =>
  method === 'password' || method === 'passkey' ? method : 'mfa';

export async function reauthenticate(
  services: Services,
  session: Session,
  { method: name, ...fields }: { method: ReauthMethodName } & Record<string, unknown>,
  context: RequestContext,
): Promise<Reauthenticated> {
  const { config, db } = services;
  await enforceLimits(db.knex, signInLimits(config.rateLimits, context.ip, session.user.email));
  const method = (await availableMethods(services, session.userId)).find((m) => m.method === name);
  if (!method) throw ApiError.of(ReauthErrors, 'reauthentication_method_unavailable');
  // The contract's union checked the shape already; the method's own schema is what it relies on.
  const proof = method.body.safeParse(fields);
  if (!proof.success) throw ApiError.of(CommonErrors, 'invalid_request');

  const record = { userId: session.userId, method: historyMethod(name), context };
  if (!(await method.verify(services, session.userId, proof.data, { sessionId: session.id, request: context }))) {
    await recordLogin(db.knex, {
      ...record,
      event: 'reauthentication_failed',
      success: false,
      failureReason: `${name}_refused`,
    });
    throw ApiError.of(ReauthErrors, 'reauthentication_failed');
  }
  const provenAt = await db.knex.transaction(async (trx) => {
    const at = await markReauthenticated(trx, session.id);
    await recordLogin(trx, { ...record, event: 'reauthenticated', success: true });
    return at;
  });
  return { reauthenticated: true, recentUntil: iso(recentUntil({ provenAt })) };
}
