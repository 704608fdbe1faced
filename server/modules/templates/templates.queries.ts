/**
 * The SQL of the template gallery — the only file of the module that touches Knex.
 */
import type { Knex } from 'knex';
import type { OnboardingTemplateRow } from '../../db/tables';

type Db = Knex | Knex.Transaction;

/** Active templates, featured first, then the most used, then by name; optionally of one category and industry. */
export async function activeTemplates(
  db: Db,
  filter: { category?: string | undefined; industry?: string | undefined },
): Promise<OnboardingTemplateRow[]> {
  const query = db('onboarding_templates')
    .where({ is_active: true })
    .orderBy([{ column: 'is_featured', order: 'desc' }, { column: 'usage_count', order: 'desc' }, { column: 'name' }]);
  if (filter.category) query.where({ category: filter.category });
  if (filter.industry) query.where({ industry: filter.industry });
  return query;
}

/** Every category and industry pair of the active templates. */
export async function activeFacets(db: Db): Promise<Pick<OnboardingTemplateRow, 'category' | 'industry'>[]> {
  return db('onboarding_templates').where({ is_active: true }).distinct('category', 'industry');
}

/**
 * Counts one use of an active template, atomically (`usage_count + 1` in one statement, so 20
 * parallel uses count 20); the template as it now is, or undefined when there is no such active one.
 */
export async function countUse(trx: Knex.Transaction, id: string): Promise<OnboardingTemplateRow | undefined> {
  const [used] = await trx('onboarding_templates')
    .where({ id, is_active: true })
    .update({ usage_count: trx.raw('coalesce(usage_count, 0) + 1') })
    .returning('*');
  return used;
}
