/**
 * Security alerts: a module that changed how the account is signed in to (a sign-in from a new
 * device, a password changed, a passkey added or removed, the email address changed) tells the
 * user through the dispatcher, as one of the catalogue's `security` entries — delivered at once on
 * email, in-app and push (where the user subscribed), never held by quiet hours nor folded into a
 * digest, and impossible to turn off (catalogue.ts, settings.service.ts).
 *
 * The mail is the module's own notice, built by the module with its template (its wording, and
 * the undo link of an email change, which goes to the old address): the dispatcher's email channel
 * sends exactly that, once, instead of the generic notification mail. In the feed and by push the
 * alert reads as that mail's subject and first paragraph, so the three say the same thing in the
 * same language.
 */
import type { Knex } from 'knex';
import { joinTransaction, type Services } from '../../services';
import type { OutgoingNotification } from './channel';
import { notify } from './notifications.service';

/** The catalogue's security event types (catalogue.ts). */
export type SecurityEventType =
  | 'new_sign_in'
  | 'password_changed'
  | 'passkey_added'
  | 'passkey_removed'
  | 'email_changed'
  | 'mfa_changed'
  | 'recovery_code_used';

export interface SecurityAlert {
  userId: string;
  eventType: SecurityEventType;
  /** The module's notice; `to` only when it goes elsewhere than the account's address. */
  mail: NonNullable<OutgoingNotification['mail']>;
  /** Where acting on it leads (https), if anywhere. */
  url?: string | null;
}

/** Raises `alert` in `trx`, the transaction of the change it tells about. */
export async function raiseSecurityAlert(
  services: Services,
  trx: Knex.Transaction,
  alert: SecurityAlert,
): Promise<void> {
  const { subject, text } = alert.mail.content;
  await notify(joinTransaction(services, trx), trx, {
    userId: alert.userId,
    eventType: alert.eventType,
    title: subject,
    body: text.split('\n\n')[0] ?? '',
    url: alert.url ?? null,
    mail: alert.mail,
  });
}
