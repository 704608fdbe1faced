/**
 * Organization slugs: the short address-safe name (`acme-events`) the table's check allows
 * (SLUG_PATTERN in contract/organizations.ts validates a chosen one). A slug derived from the
 * name drops accents and anything not ASCII letters or digits, and is made unique with a numeric
 * suffix (`acme-2`). Uniqueness is the
 * database's (the unique constraint, `ON CONFLICT DO NOTHING`), so two organizations created at
 * once with the same name cannot both get the same slug: the loser simply tries the next one.
 */
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { OrganizationRow } from '../../db/tables';
import { insertOrganization, slugsLike } from './organizations.queries';

/** Derived slugs stay shorter than the column, leaving room for a suffix. */
const DERIVED_MAX_LENGTH = 60;
/** For a name with no ASCII letter or digit at all ("株式会社", "🎪"). */
const FALLBACK_SLUG = 'org';
/** Suffix rounds before giving up on counting and using a random one; only reached under heavy contention. */
const ATTEMPTS = 5;

/** `"Café Müller & Co."` → `"cafe-muller-co"`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // the accents NFKD split off
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, DERIVED_MAX_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug || FALLBACK_SLUG;
}

/** The first of `base`, `base-2`, `base-3`… not in `taken`. */
function firstFree(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Inserts the organization with `slug` if given (undefined when it is taken), else with a slug
 * derived from its name and made unique.
 */
export async function insertWithSlug(
  trx: Knex.Transaction,
  org: { name: string; slug?: string | undefined; createdBy: string },
): Promise<OrganizationRow | undefined> {
  if (org.slug !== undefined)
    return insertOrganization(trx, { name: org.name, slug: org.slug, createdBy: org.createdBy });
  const base = slugify(org.name);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const slug = firstFree(base, new Set(await slugsLike(trx, base)));
    const row = await insertOrganization(trx, { name: org.name, slug, createdBy: org.createdBy });
    if (row) return row;
  }
  return insertOrganization(trx, {
    name: org.name,
    slug: `${base}-${randomBytes(4).toString('hex')}`,
    createdBy: org.createdBy,
  });
}
