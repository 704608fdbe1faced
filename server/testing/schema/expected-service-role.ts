/**
 * The policies server/db/service-role.ts gives the `acct_service` group role (migration
 * 20260601000400_service_role creates the role; the grant step after every migration run adds a
 * policy to each table with row-level security, so later tables are covered too): one per such
 * table, named `<table>_service_policy`, letting service work see and write every row.
 */
import type { PolicySpec, TableSpec } from './types';

export function servicePolicies(tables: Record<string, TableSpec>): Record<string, PolicySpec> {
  return Object.fromEntries(
    Object.entries(tables)
      .filter(([, table]) => table.rowLevelSecurity)
      .map(([name]) => [
        `${name.split('.').at(-1)}_service_policy`,
        {
          table: name,
          command: 'ALL',
          permissive: true,
          roles: ['acct_service'],
          using: 'true',
          withCheck: 'true',
        } satisfies PolicySpec,
      ]),
  );
}
