/**
 * Webhook routes under `/api/organizations/:id/webhooks` (webhooks.service.ts). Every one goes
 * through `authorizeOrganization` — a signed-in owner or admin, or an API token of THAT
 * organization with `webhooks:manage` — so another organization's endpoint or delivery id answers
 * 404 `not_found` exactly like an unknown one (docs/security.md F1). Ids are checked to be UUIDs
 * before any query.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { EmptyBody } from '../../../contract/onboarding';
import {
  CreateWebhookBody,
  ListDeliveriesQuery,
  UpdateWebhookBody,
  WEBHOOK_EVENT_CATALOGUE,
  WebhookErrors,
  type WebhookEventCategory,
} from '../../../contract/webhooks';
import { ApiError } from '../../http/errors';
import { reply } from '../../http/reply';
import { withBody, withQuery } from '../../http/validate';
import type { Services } from '../../services';
import { authorizeOrganization } from '../api-tokens/org-access';
import * as service from './webhooks.service';

const Id = z.uuid();

function idOf(raw: unknown): string {
  const parsed = Id.safeParse(raw);
  if (!parsed.success) throw ApiError.of(WebhookErrors, 'not_found');
  return parsed.data;
}

export function webhookRoutes(services: Services): Router {
  const router = Router();
  const base = '/organizations/:id/webhooks';
  /** The organization's id once the caller may manage its webhooks. */
  const authorized = async (req: Request) =>
    (await authorizeOrganization(services, req, req.params.id, { scope: 'webhooks:manage', role: 'admin' }))
      .organizationId;
  /** The organization and the endpoint named in the path. */
  const target = async (req: Request) => ({ org: await authorized(req), hook: idOf(req.params.webhookId) });

  router.get(`${base}/events`, async (req, res) => {
    await authorized(req);
    const categories = (Object.keys(WEBHOOK_EVENT_CATALOGUE) as WebhookEventCategory[]).map((category) => ({
      category,
      events: [...WEBHOOK_EVENT_CATALOGUE[category]],
    }));
    reply(res, 'GET /api/organizations/:id/webhooks/events', { categories });
  });

  router.get(base, async (req, res) => {
    const org = await authorized(req);
    reply(res, 'GET /api/organizations/:id/webhooks', { webhooks: await service.listWebhooks(services, org) });
  });

  router.post(
    base,
    withBody(CreateWebhookBody, async (body, req, res) => {
      const org = await authorized(req);
      reply(res, 'POST /api/organizations/:id/webhooks', await service.createWebhook(services, org, body), 201);
    }),
  );

  router.patch(
    `${base}/:webhookId`,
    withBody(UpdateWebhookBody, async (body, req, res) => {
      const { org, hook } = await target(req);
      reply(res, 'PATCH /api/organizations/:id/webhooks/:webhookId', {
        webhook: await service.updateWebhook(services, org, hook, body),
      });
    }),
  );

  router.delete(`${base}/:webhookId`, async (req, res) => {
    const { org, hook } = await target(req);
    await service.deleteWebhook(services, org, hook);
    reply(res, 'DELETE /api/organizations/:id/webhooks/:webhookId', { deleted: true });
  });

  router.post(
    `${base}/:webhookId/rotate-secret`,
    withBody(EmptyBody, async (_body, req, res) => {
      const { org, hook } = await target(req);
      reply(
        res,
        'POST /api/organizations/:id/webhooks/:webhookId/rotate-secret',
        await service.rotateSecret(services, org, hook),
      );
    }),
  );

  router.post(
    `${base}/:webhookId/test`,
    withBody(EmptyBody, async (_body, req, res) => {
      const { org, hook } = await target(req);
      reply(
        res,
        'POST /api/organizations/:id/webhooks/:webhookId/test',
        { delivery: await service.sendTestEvent(services, org, hook) },
        202,
      );
    }),
  );

  router.get(
    `${base}/:webhookId/deliveries`,
    withQuery(ListDeliveriesQuery, async (query, req, res) => {
      const { org, hook } = await target(req);
      reply(
        res,
        'GET /api/organizations/:id/webhooks/:webhookId/deliveries',
        await service.listDeliveries(services, org, hook, query),
      );
    }),
  );

  router.get(`${base}/:webhookId/deliveries/:deliveryId`, async (req, res) => {
    const { org, hook } = await target(req);
    reply(res, 'GET /api/organizations/:id/webhooks/:webhookId/deliveries/:deliveryId', {
      delivery: await service.getDelivery(services, org, hook, idOf(req.params.deliveryId)),
    });
  });

  router.post(
    `${base}/:webhookId/deliveries/:deliveryId/replay`,
    withBody(EmptyBody, async (_body, req, res) => {
      const { org, hook } = await target(req);
      reply(
        res,
        'POST /api/organizations/:id/webhooks/:webhookId/deliveries/:deliveryId/replay',
        { delivery: await service.replayDelivery(services, org, hook, idOf(req.params.deliveryId)) },
        202,
      );
    }),
  );

  return router;
}
