/**
 * A fingerprint of everything stored about some users and organizations: every row of every table
 * of acct's schemas whose `user_id` or `organization_id` names one of them, plus their own rows in
 * `auth.users` and `organizations`, and the deliveries of their organizations' webhooks. The tables are read from the catalogue, so a table added later
 * is watched too. Used by the authorization matrix (docs/security.md F1) to prove that a refused
 * request on someone else's objects changed nothing of theirs, while the caller's own rows (their
 * session's activity, their rate-limit buckets, their login history) may change freely.
 */
import type { Knex } from 'knex';

export interface Owners {
  userIds: string[];
  organizationIds: string[];
}

/** One digest per table holding rows of the owners: any insert, update or delete of theirs shows. */
export async function ownedRowsFingerprint(
  knex: Knex,
  { userIds, organizationIds }: Owners,
): Promise<Record<string, string>> {
  const { rows: columns } = await knex.raw(
    `select quote_ident(table_schema) || '.' || quote_ident(table_name) as name, column_name as "column"
       from information_schema.columns c
      where table_schema in ('public', 'auth')
        and column_name in ('user_id', 'organization_id')
        and exists (select 1 from information_schema.tables t
                     where t.table_schema = c.table_schema and t.table_name = c.table_name
                       and t.table_type = 'BASE TABLE')
      order by 1, 2`,
  );
  const watched: { name: string; column: string; ids: string[] }[] = [
    { name: 'auth.users', column: 'id', ids: userIds },
    { name: 'public.organizations', column: 'id', ids: organizationIds },
    ...(columns as { name: string; column: string }[]).map((c) => ({
      ...c,
      ids: c.column === 'user_id' ? userIds : organizationIds,
    })),
  ];
  // Deliveries belong to an organization through their webhook.
  if (organizationIds.length)
    watched.push({
      name: 'public.webhook_deliveries',
      column: 'webhook_id',
      ids: (await knex('webhooks').whereIn('organization_id', organizationIds).pluck('id')) as string[],
    });
  const out: Record<string, string> = {};
  for (const { name, column, ids } of watched) {
    if (!ids.length) continue;
    const { rows } = await knex.raw(
      `select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
         from ${name} t where ${column}::text = any(?::text[])`,
      [ids],
    );
    out[`${name}.${column}`] = rows[0].digest;
  }
  return out;
}
