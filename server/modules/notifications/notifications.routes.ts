/**
 * Notification routes: the signed-in user's feed (polled by the bell), marking read, their
 * settings (preferences per event type, quiet hours), and `POST /api/server/notifications` for
 * the site's backend (ACCT_SITE_SECRET), which notifies a user of one of the site's event types.
 */
import { Router } from 'express';
import { z } from 'zod';
import {
  NotificationErrors,
  NotificationFeedQuery,
  PreferenceBody,
  QuietHoursBody,
  SiteNotificationBody,
} from '../../../contract/notifications';
import { EmptyBody } from '../../../contract/onboarding';
import { ApiError } from '../../http/errors';
import { reply } from '../../http/reply';
import { requireSiteSecret } from '../../http/site-secret';
import { withBody, withQuery } from '../../http/validate';
import type { Services } from '../../services';
import { requireSession, sessionOf } from '../sessions/require-session';
import { listFeed, readAllNotifications, readNotification } from './feed.service';
import { notifyFromSite } from './notifications.service';
import { getSettings, updatePreference, updateQuietHours } from './settings.service';

const NotificationId = z.uuid();

/** An id from the path; anything that is not one names no notification (404, like another user's). */
function idParam(raw: string | string[] | undefined): string {
  const id = NotificationId.safeParse(raw);
  if (!id.success) throw ApiError.of(NotificationErrors, 'not_found');
  return id.data;
}

export function notificationRoutes(services: Services): Router {
  const signedIn = requireSession(services);
  const router = Router();

  router.get(
    '/notifications',
    signedIn,
    withQuery(NotificationFeedQuery, async (query, req, res) => {
      reply(res, 'GET /api/notifications', await listFeed(services, sessionOf(req).userId, query.limit, query.cursor));
    }),
  );

  router.post(
    '/notifications/read-all',
    signedIn,
    withBody(EmptyBody, async (_body, req, res) => {
      reply(res, 'POST /api/notifications/read-all', {
        read: await readAllNotifications(services, sessionOf(req).userId),
      });
    }),
  );

  router.post(
    '/notifications/:id/read',
    signedIn,
    withBody(EmptyBody, async (_body, req, res) => {
      await readNotification(services, sessionOf(req).userId, idParam(req.params.id));
      reply(res, 'POST /api/notifications/:id/read', { read: true });
    }),
  );

  router.get('/notifications/settings', signedIn, async (req, res) => {
    reply(res, 'GET /api/notifications/settings', await getSettings(services, sessionOf(req).userId));
  });

  router.put(
    '/notifications/preferences/:eventType',
    signedIn,
    withBody(PreferenceBody, async (body, req, res) => {
      const eventType = String(req.params.eventType);
      reply(
        res,
        'PUT /api/notifications/preferences/:eventType',
        await updatePreference(services, sessionOf(req).userId, eventType, body),
      );
    }),
  );

  router.put(
    '/notifications/quiet-hours',
    signedIn,
    withBody(QuietHoursBody, async (body, req, res) => {
      reply(res, 'PUT /api/notifications/quiet-hours', await updateQuietHours(services, sessionOf(req).userId, body));
    }),
  );

  router.post(
    '/server/notifications',
    requireSiteSecret(services.config, () => ApiError.of(NotificationErrors, 'site_notifications_disabled')),
    withBody(SiteNotificationBody, async (body, _req, res) => {
      await notifyFromSite(services, body);
      reply(res, 'POST /api/server/notifications', { notified: true });
    }),
  );

  return router;
}
