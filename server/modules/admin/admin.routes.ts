/**
 * The admin API (app role `admin`): onboarding paths, setup checklist items and templates, each
 * with list / create / update / delete, and the onboarding funnel. Everyone else gets 403
 * `admin_only`. Grant the role with `npm run admin:grant -- <email>`.
 */
import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { ApiError } from '../../http/errors';
import { jsonLength } from '../../http/json-limits';
import { nameField } from '../../http/validate';
import type { Services } from '../../services';
import { StepsSchema } from '../onboarding/paths';
import { requireSession, sessionOf } from '../sessions/require-session';
import { crudRoutes } from './crud';
import { onboardingFunnel } from './funnel';

export const AdminErrors = {
  admin_only: { status: 403, message: 'Only administrators can do this.' },
} as const;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const url = z.string().trim().max(2000).refine((v) => v.startsWith('/') || /^https?:\/\//.test(v), 'invalid_url');

const PathInput = z.object({
  name: nameField(100),
  description: optionalText(2000),
  targetRole: optionalText(100),
  targetUseCase: optionalText(100),
  steps: StepsSchema,
  isDefault: z.boolean().optional(),
  isActive: z.boolean().optional(),
});

const ItemInput = z.object({
  key: z.string().regex(/^[a-z0-9_-]{1,100}$/, 'invalid_key'),
  title: nameField(255),
  description: optionalText(2000),
  icon: optionalText(50),
  actionUrl: url.nullable().optional(),
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  isActive: z.boolean().optional(),
});

const TemplateInput = z.object({
  name: nameField(255),
  description: optionalText(2000),
  category: optionalText(100),
  industry: optionalText(100),
  previewImageUrl: url.nullable().optional(),
  templateData: z.record(z.string(), z.unknown()).refine((d) => jsonLength(d) <= 65_536, 'too_large'),
  isFeatured: z.boolean().optional(),
  isActive: z.boolean().optional(),
});

/** Maps camelCase API fields to snake_case columns, keeping only those given. */
function columns(input: Record<string, unknown>, names: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(names).filter(([api]) => input[api] !== undefined).map(([api, column]) => [column, input[api]]));
}

const requireAdmin: RequestHandler = (req, _res, next) => {
  if (sessionOf(req).user.role !== 'admin') throw ApiError.of(AdminErrors, 'admin_only');
  next();
};

/** One default path at most: making a path the default unmarks the others. */
async function keepSingleDefault(trx: Knex.Transaction, input: { isDefault?: boolean | undefined }, id?: string): Promise<void> {
  if (!input.isDefault) return;
  const others = trx('onboarding_paths').where({ is_default: true });
  if (id) others.whereNot({ id });
  await others.update({ is_default: false });
}

export function adminRoutes(services: Services): Router {
  const { knex } = services.db;
  const router = Router();
  router.use('/admin', requireSession(services), requireAdmin);

  router.use(
    '/admin',
    crudRoutes(knex, {
      path: 'onboarding/paths',
      table: 'onboarding_paths',
      schema: PathInput,
      beforeWrite: keepSingleDefault,
      toRow: (i) => columns(i, { name: 'name', description: 'description', targetRole: 'target_role', targetUseCase: 'target_use_case', steps: 'steps', isDefault: 'is_default', isActive: 'is_active' }),
      toApi: (r) => ({ id: r.id, name: r.name, description: r.description, targetRole: r.target_role, targetUseCase: r.target_use_case, steps: r.steps, isDefault: r.is_default, isActive: r.is_active, createdAt: r.created_at, updatedAt: r.updated_at }),
    }),
  );

  router.use(
    '/admin',
    crudRoutes(knex, {
      path: 'checklist/items',
      table: 'setup_checklist_items',
      schema: ItemInput,
      immutable: ['key'],
      orderBy: 'sort_order',
      toRow: (i) => columns(i, { key: 'key', title: 'title', description: 'description', icon: 'icon', actionUrl: 'action_url', sortOrder: 'sort_order', isActive: 'is_active' }),
      toApi: (r) => ({ id: r.id, key: r.key, title: r.title, description: r.description, icon: r.icon, actionUrl: r.action_url, sortOrder: r.sort_order, isActive: r.is_active }),
    }),
  );

  router.use(
    '/admin',
    crudRoutes(knex, {
      path: 'templates',
      table: 'onboarding_templates',
      schema: TemplateInput,
      toRow: (i) => columns(i, { name: 'name', description: 'description', category: 'category', industry: 'industry', previewImageUrl: 'preview_image_url', templateData: 'template_data', isFeatured: 'is_featured', isActive: 'is_active' }),
      toApi: (r) => ({ id: r.id, name: r.name, description: r.description, category: r.category, industry: r.industry, previewImageUrl: r.preview_image_url, templateData: r.template_data, usageCount: r.usage_count, isFeatured: r.is_featured, isActive: r.is_active, createdAt: r.created_at }),
    }),
  );

  router.get('/admin/onboarding/funnel', async (_req, res) => {
    res.json({ paths: await onboardingFunnel(knex) });
  });

  return router;
}
