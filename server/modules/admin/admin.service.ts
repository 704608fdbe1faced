/**
 * The admin API's work: list, create, update and delete entries of a catalogue (catalogues.ts),
 * and the onboarding funnel (funnel.ts). Creating validates the whole entry, updating any part of
 * it; a unique clash answers 409 `already_exists`, deleting an entry still in use 409 `in_use`
 * (deactivate it instead).
 */
import { AdminErrors, type AdminCatalogue, type AdminCatalogues } from '../../../contract/admin';
import { ApiError, CommonErrors } from '../../http/errors';
import { parseOrThrow } from '../../http/validate';
import type { Services } from '../../services';
import { deleteRow, insertRow, listRows, unmarkDefaultPaths, updateRow } from './admin.queries';
import type { Catalogue } from './catalogues';

/** PostgreSQL's unique and foreign-key violations as the 409s they are. */
function conflict(err: unknown): never {
  const code = (err as { code?: string }).code;
  if (code === '23505') throw ApiError.of(AdminErrors, 'already_exists');
  if (code === '23503') throw ApiError.of(AdminErrors, 'in_use');
  throw err;
}

/** The given API fields as columns. */
function columnsOf(catalogue: Pick<Catalogue, 'columns'>, input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(catalogue.columns)
      .filter(([api]) => input[api] !== undefined)
      .map(([api, column]) => [column, input[api]]),
  );
}

export async function listEntries<C extends AdminCatalogue>(
  { db }: Services,
  catalogue: Catalogue<C>,
): Promise<AdminCatalogues[C]['item'][]> {
  const rows = await listRows(db.knex, catalogue.table, catalogue.orderBy);
  return rows.map((row) => catalogue.toApi(row));
}

export async function createEntry<C extends AdminCatalogue>(
  { db }: Services,
  catalogue: Catalogue<C>,
  body: unknown,
): Promise<AdminCatalogues[C]['item']> {
  const input = parseOrThrow(catalogue.schema.strict(), body) as Record<string, unknown>;
  const row = await db.knex
    .transaction(async (trx) => {
      if (catalogue.singleDefault && input.isDefault) await unmarkDefaultPaths(trx);
      return insertRow(trx, catalogue.table, columnsOf(catalogue, input));
    })
    .catch(conflict);
  return catalogue.toApi(row);
}

export async function updateEntry<C extends AdminCatalogue>(
  { db }: Services,
  catalogue: Catalogue<C>,
  id: string,
  body: unknown,
): Promise<AdminCatalogues[C]['item']> {
  const immutable = Object.fromEntries((catalogue.immutable ?? []).map((k) => [k, true])) as Record<string, true>;
  const input = parseOrThrow(catalogue.schema.omit(immutable).partial().strict(), body) as Record<string, unknown>;
  const row = await db.knex
    .transaction(async (trx) => {
      if (catalogue.singleDefault && input.isDefault) await unmarkDefaultPaths(trx, id);
      return updateRow(trx, catalogue.table, id, columnsOf(catalogue, input));
    })
    .catch(conflict);
  if (!row) throw ApiError.of(CommonErrors, 'not_found');
  return catalogue.toApi(row);
}

export async function deleteEntry({ db }: Services, catalogue: Catalogue, id: string): Promise<void> {
  const deleted = await deleteRow(db.knex, catalogue.table, id).catch(conflict);
  if (!deleted) throw ApiError.of(CommonErrors, 'not_found');
}
