/**
 * Create, read, update and delete for the catalogues admins manage (onboarding paths, checklist
 * items, templates), written once: a resource names its table, its zod schema in API terms and the
 * mapping to columns. Creating validates the whole object, updating any part of it; a unique clash
 * answers 409 `already_exists`, deleting a row still in use 409 `in_use` (deactivate it instead).
 */
import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { ApiError, CommonErrors } from '../../http/errors';
import { parseOrThrow } from '../../http/validate';

export const CrudErrors = {
  already_exists: { status: 409, message: 'Another entry already has this key.' },
  in_use: { status: 409, message: 'This entry is in use; deactivate it instead of deleting it.' },
} as const;

export interface Resource<S extends z.ZodObject> {
  /** URL segment, e.g. `onboarding/paths`. */
  path: string;
  table: string;
  schema: S;
  /** A row as the API shows it. */
  toApi(row: Record<string, unknown>): unknown;
  /** API fields to columns (given any subset, for updates). */
  toRow(input: Partial<z.infer<S>>): Record<string, unknown>;
  /** Runs in the write's transaction before it, e.g. to keep a single default. */
  beforeWrite?(trx: Knex.Transaction, input: Partial<z.infer<S>>, id?: string): Promise<void>;
  /** Fields that may not change after creation. */
  immutable?: (keyof z.infer<S>)[];
  orderBy?: string;
}

const Id = z.uuid();

/** PostgreSQL's unique and foreign-key violations as the 409s they are. */
function conflict(err: unknown): never {
  const code = (err as { code?: string }).code;
  if (code === '23505') throw ApiError.of(CrudErrors, 'already_exists');
  if (code === '23503') throw ApiError.of(CrudErrors, 'in_use');
  throw err;
}

export function crudRoutes<S extends z.ZodObject>(knex: Knex, resource: Resource<S>): Router {
  const router = Router();
  const base = `/${resource.path}`;
  const idOf = (raw: unknown) => {
    const id = Id.safeParse(raw);
    if (!id.success) throw ApiError.of(CommonErrors, 'not_found');
    return id.data;
  };
  const json = (input: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v !== null && typeof v === 'object' ? JSON.stringify(v) : v]));

  router.get(base, async (_req, res) => {
    const rows = await knex(resource.table).orderBy(resource.orderBy ?? 'created_at');
    res.json({ items: rows.map((r) => resource.toApi(r)) });
  });

  router.post(base, async (req, res) => {
    const input = parseOrThrow(resource.schema.strict(), req.body) as Partial<z.infer<S>>;
    const row = await knex
      .transaction(async (trx) => {
        await resource.beforeWrite?.(trx, input);
        const [inserted] = await trx(resource.table).insert(json(resource.toRow(input))).returning('*');
        return inserted;
      })
      .catch(conflict);
    res.status(201).json({ item: resource.toApi(row) });
  });

  router.patch(`${base}/:id`, async (req, res) => {
    const id = idOf(req.params.id);
    const immutable = Object.fromEntries((resource.immutable ?? []).map((k) => [k, true])) as Record<string, true>;
    const input = parseOrThrow(resource.schema.omit(immutable).partial().strict(), req.body) as unknown as Partial<z.infer<S>>;
    const row = await knex
      .transaction(async (trx) => {
        await resource.beforeWrite?.(trx, input, id);
        const changes = json(resource.toRow(input));
        const [updated] = Object.keys(changes).length
          ? await trx(resource.table).where({ id }).update(changes).returning('*')
          : await trx(resource.table).where({ id }).select('*');
        return updated;
      })
      .catch(conflict);
    if (!row) throw ApiError.of(CommonErrors, 'not_found');
    res.json({ item: resource.toApi(row) });
  });

  router.delete(`${base}/:id`, async (req, res) => {
    const deleted = await knex(resource.table).where({ id: idOf(req.params.id) }).delete().catch(conflict);
    if (!deleted) throw ApiError.of(CommonErrors, 'not_found');
    res.json({ deleted: true });
  });

  return router;
}
