/**
 * Checklist routes: the signed-in user's checklist (polled by open checklists every few seconds:
 * polling works with every session transport, where server-sent events could not carry a bearer
 * token), per-item complete / un-complete / dismiss / restore, the whole checklist dismissed or
 * restored, and `POST /api/checklist/events` for the site's backend, authenticated by the shared
 * secret ACCT_SITE_SECRET (any user), or by an organization's API token with `checklist:write`
 * (members of that organization only; anyone else is 404 as an unknown user would be).
 */
import { Router } from 'express';
import { CHECKLIST_ITEM_ACTIONS, ChecklistErrors, ChecklistItemKey, SiteEventBody } from '../../../contract/checklist';
import { EmptyBody } from '../../../contract/onboarding';
import { ApiError, CommonErrors } from '../../http/errors';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import type { Services } from '../../services';
import { siteSecretOrApiToken } from '../api-tokens/site-or-token';
import { checklistIn } from '../../i18n/seeded-texts';
import { requestLanguage } from '../sessions/request-context';
import { requireSession, sessionOf } from '../sessions/require-session';
import { actOnItem, completeItemForSite, getChecklist, setChecklistDismissed } from './checklist.service';

export function checklistRoutes(services: Services): Router {
  const signedIn = requireSession(services);
  const router = Router();

  router.get('/checklist', signedIn, async (req, res) => {
    reply(
      res,
      'GET /api/checklist',
      checklistIn(await getChecklist(services, sessionOf(req).userId), requestLanguage(req)),
    );
  });

  for (const action of CHECKLIST_ITEM_ACTIONS) {
    router.post(
      `/checklist/items/:key/${action}`,
      signedIn,
      withBody(EmptyBody, async (_body, req, res) => {
        const key = ChecklistItemKey.safeParse(req.params.key);
        if (!key.success) throw ApiError.of(CommonErrors, 'not_found');
        reply(
          res,
          `POST /api/checklist/items/:key/${action}`,
          checklistIn(await actOnItem(services, sessionOf(req).userId, key.data, action), requestLanguage(req)),
        );
      }),
    );
  }

  for (const action of ['dismiss', 'restore'] as const) {
    router.post(
      `/checklist/${action}`,
      signedIn,
      withBody(EmptyBody, async (_body, req, res) => {
        reply(
          res,
          `POST /api/checklist/${action}`,
          checklistIn(
            await setChecklistDismissed(services, sessionOf(req).userId, action === 'dismiss'),
            requestLanguage(req),
          ),
        );
      }),
    );
  }

  router.post(
    '/checklist/events',
    siteSecretOrApiToken(services, 'checklist:write', () => ApiError.of(ChecklistErrors, 'site_events_disabled')),
    withBody(SiteEventBody, async (body, req, res) => {
      await completeItemForSite(services, body, body.item, req.apiToken?.organizationId);
      reply(res, 'POST /api/checklist/events', { completed: true });
    }),
  );

  return router;
}
