/**
 * The last step of every sign-in method: a new session, a `login_success` line in the history,
 * and a security email when the device is one the account has not signed in from before (in the
 * user's language, else the signing-in request's).
 */
import type { Knex } from 'knex';
import type { AuthMethod } from '../../../contract/sessions';
import type { Services } from '../../services';
import { isNewDevice, recordLogin } from '../login-history/login-history.queries';
import { mailOptions, mailTemplates } from '../mail/templates';
import type { UserRow } from '../../db/tables';
import type { RequestContext } from './request-context';
import { createSession, type NewSession } from './sessions.queries';

export async function completeSignIn(
  { config, db, mail }: Services,
  {
    user,
    method,
    context,
    passkeyId,
    movedFromHostedPage = false,
  }: {
    user: Pick<UserRow, 'id' | 'email' | 'locale'>;
    method: AuthMethod;
    context: RequestContext;
    passkeyId?: string | undefined;
    /**
     * The sign-in was made and recorded on acct's hosted page, which handed it to the site page
     * (hand-over.ts `handOverSession`): the same sign-in, not another one to record or mail about.
     */
    movedFromHostedPage?: boolean;
  },
): Promise<NewSession> {
  return db.knex.transaction(async (trx: Knex.Transaction) => {
    const newDevice = !movedFromHostedPage && (await isNewDevice(trx, user.id, context));
    const session = await createSession(trx, {
      userId: user.id,
      method,
      context,
      lifetimes: config.session,
      passkeyId,
    });
    if (!movedFromHostedPage) {
      await recordLogin(trx, { userId: user.id, event: 'login_success', method, success: true, context });
    }
    if (newDevice) {
      const { device, location, ip } = context;
      await mail.enqueue(trx, {
        to: user.email,
        template: 'newDevice',
        content: mailTemplates.newDevice(mailOptions(config, user.locale, context.language), {
          device,
          location,
          ip,
          time: new Date(),
        }),
      });
    }
    return session;
  });
}
