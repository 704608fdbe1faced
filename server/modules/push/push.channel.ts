/**
 * Web Push as a notification channel (notifications/channel.ts): the dispatcher hands a
 * notification to it when the user's preferences enable push, and it queues one `push.send` job
 * per browser the user subscribed, in the dispatcher's transaction.
 */
import type { NotificationChannel } from '../notifications/channel';
import { queuePush } from './push.service';

export const pushChannel: NotificationChannel = {
  name: 'push',
  async deliver(services, db, notification) {
    await queuePush(services, db, notification.userId, {
      title: notification.title,
      body: notification.body,
      url: notification.url,
    });
  },
};
