/**
 * Checklist routes: the signed-in user's checklist (polled by open checklists every few seconds:
 * polling works with every session transport, where server-sent events could not carry a bearer
 * token), per-item complete / un-complete / dismiss / restore, the whole checklist dismissed or
 * restored, and `POST /api/checklist/events` for the site's backend, authenticated by the shared
 * secret ACCT_SITE_SECRET.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { ApiError, CommonErrors } from '../../http/errors';
import { emailField, withBody } from '../../http/validate';
import type { Services } from '../../services';
import { constantTimeEqual } from '../../security/tokens';
import { requireSession, sessionOf } from '../sessions/require-session';
import { findUserByEmail, findUserById } from '../users/users';
import { completeItem, getChecklist, setChecklistDismissed, setItemFlag } from './checklist.service';

export const ChecklistErrors = {
  site_secret_required: { status: 401, message: 'Send the site secret as `Authorization: Bearer <ACCT_SITE_SECRET>`.' },
  site_events_disabled: { status: 404, message: 'Site events are off: ACCT_SITE_SECRET is not set.' },
} as const;

const Empty = z.object({}).strict();
const ItemKey = z.string().regex(/^[a-z0-9_-]{1,100}$/);
const SiteEvent = z
  .object({ userId: z.uuid().optional(), email: emailField.optional(), item: ItemKey })
  .strict()
  .refine((e) => Boolean(e.userId) !== Boolean(e.email), { message: 'user_or_email', path: ['userId'] });

const ITEM_ACTIONS = {
  complete: null,
  uncomplete: { completed: false },
  dismiss: { dismissed: true },
  restore: { dismissed: false },
} as const;

export function checklistRoutes(services: Services): Router {
  const { config, db } = services;
  const signedIn = requireSession(services);
  const router = Router();

  router.get('/checklist', signedIn, async (req, res) => {
    res.json(await getChecklist(services, sessionOf(req).userId));
  });

  for (const [action, change] of Object.entries(ITEM_ACTIONS)) {
    router.post(`/checklist/items/:key/${action}`, signedIn, withBody(Empty, async (_b, req, res) => {
      const key = ItemKey.safeParse(req.params.key);
      if (!key.success) throw ApiError.of(CommonErrors, 'not_found');
      const userId = sessionOf(req).userId;
      if (change) await setItemFlag(services, userId, key.data, change);
      else await completeItem(services, userId, key.data, 'user');
      res.json(await getChecklist(services, userId));
    }));
  }

  for (const [path, dismissed] of [['/checklist/dismiss', true], ['/checklist/restore', false]] as const) {
    router.post(path, signedIn, withBody(Empty, async (_b, req, res) => {
      await setChecklistDismissed(services, sessionOf(req).userId, dismissed);
      res.json(await getChecklist(services, sessionOf(req).userId));
    }));
  }

  const requireSiteSecret = (req: Request) => {
    if (!config.siteSecret) throw ApiError.of(ChecklistErrors, 'site_events_disabled');
    const given = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : '';
    if (!constantTimeEqual(given, config.siteSecret)) throw ApiError.of(ChecklistErrors, 'site_secret_required');
  };

  router.post('/checklist/events', (req, _res, next) => {
    requireSiteSecret(req);
    next();
  }, withBody(SiteEvent, async (body, _req, res) => {
    const user = body.userId ? await findUserById(db.knex, body.userId) : await findUserByEmail(db.knex, body.email!);
    if (!user) throw ApiError.of(CommonErrors, 'not_found');
    await completeItem(services, user.id, body.item, 'site');
    res.json({ completed: true });
  }));

  return router;
}
