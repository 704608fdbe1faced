/**
 * The channels acct delivers notifications through (channel.ts): email through the mail queue
 * (the generic notification template, or the alert's own mail), in-app as a row of the user's feed. Both write inside the caller's `db` (a transaction), so a
 * notification is delivered exactly when the work that caused it commits.
 */
import { mailOptions, mailTemplates } from '../mail/templates';
import { pushChannel } from '../push/push.channel';
import type { ChannelName, NotificationChannel } from './channel';
import { insertNotification, selectRecipient } from './notifications.queries';

export const emailChannel: NotificationChannel = {
  name: 'email',
  async deliver({ config, mail }, db, notification) {
    const recipient = await selectRecipient(db, notification.userId);
    if (!recipient) return; // deleted since: nothing to send
    if (notification.mail) {
      const { to, template, content } = notification.mail;
      await mail.enqueue(db, { to: to ?? recipient.email, template, content });
      return;
    }
    await mail.enqueue(db, {
      to: recipient.email,
      template: 'notification',
      content: mailTemplates.notification(mailOptions(config, recipient.locale), notification),
    });
  },
};

export const inAppChannel: NotificationChannel = {
  name: 'in_app',
  async deliver(_services, db, n) {
    await insertNotification(db, {
      user_id: n.userId,
      event_type: n.eventType,
      category: n.category,
      title: n.title,
      body: n.body,
      url: n.url,
    });
  },
};

/** Every channel, by name. */
export const CHANNELS: NotificationChannel[] = [emailChannel, inAppChannel, pushChannel];

export const channelNamed = (name: ChannelName): NotificationChannel | undefined =>
  CHANNELS.find((c) => c.name === name);
