/**
 * Onboarding templates (the seed's `onboarding_templates`): a gallery of active templates by
 * category and industry, featured first, and "use", which counts the use atomically
 * (`usage_count = usage_count + 1` in one statement, so 20 parallel uses count 20) and hands the
 * template's data to the site.
 */
import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { ApiError, CommonErrors } from '../../http/errors';
import { withBody, withQuery } from '../../http/validate';
import type { Services } from '../../services';
import { requireSession, sessionOf } from '../sessions/require-session';

export interface TemplateRow {
  id: string;
  name: string;
  description: string | null;
  category: string | null;
  industry: string | null;
  preview_image_url: string | null;
  template_data: unknown;
  usage_count: number | null;
  is_featured: boolean | null;
  is_active: boolean | null;
  created_at: Date;
}

export const toTemplate = (row: TemplateRow) => ({
  id: row.id,
  name: row.name,
  description: row.description,
  category: row.category,
  industry: row.industry,
  previewImageUrl: row.preview_image_url,
  usageCount: row.usage_count ?? 0,
  featured: Boolean(row.is_featured),
});

const Filter = z.object({ category: z.string().max(100).optional(), industry: z.string().max(100).optional() }).strict();
const Empty = z.object({}).strict();
const TemplateId = z.uuid();

export async function listTemplates(db: Knex, filter: z.infer<typeof Filter>) {
  const query = db('onboarding_templates')
    .where({ is_active: true })
    .orderBy([{ column: 'is_featured', order: 'desc' }, { column: 'usage_count', order: 'desc' }, { column: 'name' }]);
  if (filter.category) query.where({ category: filter.category });
  if (filter.industry) query.where({ industry: filter.industry });
  const rows = (await query) as TemplateRow[];
  const all = (await db('onboarding_templates').where({ is_active: true }).distinct('category', 'industry')) as Pick<TemplateRow, 'category' | 'industry'>[];
  const values = (key: 'category' | 'industry') => [...new Set(all.map((r) => r[key]).filter((v): v is string => Boolean(v)))].sort();
  return { templates: rows.map(toTemplate), categories: values('category'), industries: values('industry') };
}

export function templateRoutes(services: Services): Router {
  const { db, events } = services;
  const router = Router();

  router.get('/templates', withQuery(Filter, async (filter, _req, res) => {
    res.set('Cache-Control', 'private, max-age=30').json(await listTemplates(db.knex, filter));
  }));

  router.post('/templates/:id/use', requireSession(services), withBody(Empty, async (_body, req, res) => {
    const id = TemplateId.safeParse(req.params.id);
    if (!id.success) throw ApiError.of(CommonErrors, 'not_found');
    const row = await db.knex.transaction(async (trx) => {
      const [used] = (await trx('onboarding_templates')
        .where({ id: id.data, is_active: true })
        .update({ usage_count: trx.raw('coalesce(usage_count, 0) + 1') })
        .returning('*')) as TemplateRow[];
      if (!used) throw ApiError.of(CommonErrors, 'not_found');
      await events.publish(trx, { type: 'template.used', userId: sessionOf(req).userId, templateId: used.id });
      return used;
    });
    res.json({ template: { ...toTemplate(row), templateData: row.template_data } });
  }));

  return router;
}
