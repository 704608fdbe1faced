/**
 * The admin API (app role `admin`): onboarding paths, setup checklist items and templates, each
 * with list / create / update / delete, and the onboarding funnel. Everyone else gets 403
 * `admin_only`. Grant the role with `npm run admin:grant -- <email>`.
 *
 * The three catalogues share one set of routes, so their answers are typed from the contract's
 * `AdminCatalogues` entry for the catalogue (what `AdminRoutes` is made of) rather than through
 * `reply()`, which needs one literal route key.
 */
import { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { AdminErrors, type AdminCatalogue, type AdminCatalogues } from '../../../contract/admin';
import { ApiError, CommonErrors } from '../../http/errors';
import { reply } from '../../http/reply';
import type { Services } from '../../services';
import { requireSession, sessionOf } from '../sessions/require-session';
import { createEntry, deleteEntry, listEntries, updateEntry } from './admin.service';
import { CATALOGUES, type Catalogue } from './catalogues';
import { onboardingFunnel } from './funnel';

const Id = z.uuid();

const requireAdmin: RequestHandler = (req, _res, next) => {
  if (sessionOf(req).user.role !== 'admin') throw ApiError.of(AdminErrors, 'admin_only');
  next();
};

function idOf(raw: unknown): string {
  const id = Id.safeParse(raw);
  if (!id.success) throw ApiError.of(CommonErrors, 'not_found');
  return id.data;
}

type Item<C extends AdminCatalogue> = AdminCatalogues[C]['item'];
const send = <T>(res: Response, body: T, status = 200) => void res.status(status).json(body);

function catalogueRoutes<C extends AdminCatalogue>(services: Services, catalogue: Catalogue<C>): Router {
  const router = Router();
  const base = `/${catalogue.path}`;

  router.get(base, async (_req, res) => {
    send<{ items: Item<C>[] }>(res, { items: await listEntries(services, catalogue) });
  });

  router.post(base, async (req, res) => {
    send<{ item: Item<C> }>(res, { item: await createEntry(services, catalogue, req.body) }, 201);
  });

  router.patch(`${base}/:id`, async (req, res) => {
    send<{ item: Item<C> }>(res, { item: await updateEntry(services, catalogue, idOf(req.params.id), req.body) });
  });

  router.delete(`${base}/:id`, async (req, res) => {
    await deleteEntry(services, catalogue, idOf(req.params.id));
    send<{ deleted: true }>(res, { deleted: true });
  });

  return router;
}

export function adminRoutes(services: Services): Router {
  const router = Router();
  router.use('/admin', requireSession(services), requireAdmin);
  for (const catalogue of CATALOGUES) router.use('/admin', catalogueRoutes(services, catalogue as Catalogue));

  router.get('/admin/onboarding/funnel', async (_req, res) => {
    reply(res, 'GET /api/admin/onboarding/funnel', { paths: await onboardingFunnel(services.db.knex) });
  });

  return router;
}
