/**
 * Onboarding templates (the seed's `onboarding_templates`): a gallery of active templates by
 * category and industry, featured first, and "use", which counts the use and hands the template's
 * data to the site.
 */
import type { z } from 'zod';
import type { Template, TemplateFilter, TemplateGallery, UsedTemplate } from '../../../contract/templates';
import type { OnboardingTemplateRow } from '../../db/tables';
import { ApiError, CommonErrors } from '../../http/errors';
import type { Services } from '../../services';
import { activeFacets, activeTemplates, countUse } from './templates.queries';

const toTemplate = (row: OnboardingTemplateRow): Template => ({
  id: row.id,
  name: row.name,
  description: row.description,
  category: row.category,
  industry: row.industry,
  previewImageUrl: row.preview_image_url,
  usageCount: row.usage_count ?? 0,
  featured: Boolean(row.is_featured),
});

export async function listTemplates(
  { db }: Services,
  filter: z.infer<typeof TemplateFilter>,
): Promise<TemplateGallery> {
  const rows = await activeTemplates(db.knex, filter);
  const facets = await activeFacets(db.knex);
  const values = (key: 'category' | 'industry') =>
    [...new Set(facets.map((r) => r[key]).filter((v): v is string => Boolean(v)))].sort();
  return { templates: rows.map(toTemplate), categories: values('category'), industries: values('industry') };
}

/** Counts a use of the template by the user and answers it with its data. */
export async function useTemplate({ db, events }: Services, userId: string, id: string): Promise<UsedTemplate> {
  const row = await db.knex.transaction(async (trx) => {
    const used = await countUse(trx, id);
    if (!used) throw ApiError.of(CommonErrors, 'not_found');
    await events.publish(trx, { type: 'template.used', userId, templateId: used.id });
    return used;
  });
  return { ...toTemplate(row), templateData: row.template_data };
}
