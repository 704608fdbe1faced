/**
 * The last step of every sign-in method: a new session, a `login_success` line in the history,
 * and a security email when the device is one the account has not signed in from before.
 */
import type { Knex } from 'knex';
import type { Services } from '../../services';
import { isNewDevice, recordLogin, type AuthMethod } from '../login-history/login-history';
import { mailTemplates } from '../mail/templates';
import type { UserRow } from '../../db/tables';
import type { RequestContext } from './request-context';
import { createSession, type NewSession } from './sessions';

export async function completeSignIn(
  { config, db, mail }: Services,
  {
    user,
    method,
    context,
    passkeyId,
  }: { user: Pick<UserRow, 'id' | 'email'>; method: AuthMethod; context: RequestContext; passkeyId?: string | undefined },
): Promise<NewSession> {
  return db.knex.transaction(async (trx: Knex.Transaction) => {
    const newDevice = await isNewDevice(trx, user.id, context);
    const session = await createSession(trx, { userId: user.id, method, context, lifetimes: config.session, passkeyId });
    await recordLogin(trx, { userId: user.id, event: 'login_success', method, success: true, context });
    if (newDevice) {
      const place = [context.location?.city, context.location?.country].filter(Boolean).join(', ') || context.ip || 'an unknown place';
      // `name` is null unless the User-Agent names a model (device.ts).
      const device = [context.device.browser, context.device.os && `on ${context.device.os}`].filter(Boolean).join(' ') || context.device.name || 'an unknown device';
      await mail.enqueue(trx, {
        to: user.email,
        template: 'newDevice',
        content: mailTemplates.newDevice({ productName: config.productName }, { device, place, time: new Date().toUTCString() }),
      });
    }
    return session;
  });
}
