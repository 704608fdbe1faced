/**
 * The data-export module's SQL — the only file of the module that touches Knex (the per-table
 * reads of the archive are export-sections.ts). Requests are `data_export_requests` (the seed's
 * table, read by the user through RLS); archives are `data_export_files`, ordered chunks of at
 * most 256 KiB, written and read by the job and the download on the service connection, always
 * by export id.
 */
import type { Knex } from 'knex';
import type { DataExportFormat } from '../../../contract/data-export';
import { asUser, asUserWithin } from '../../db/as-user';
import type { DataExportRequestRow } from '../../db/tables';
import type { ArchiveSink } from './archive';

/** Size of one stored chunk of an archive. */
export const CHUNK_BYTES = 256 * 1024;

const UNIQUE_VIOLATION = '23505';

/**
 * A new pending request as the user, inside `trx`; null when one is already pending or
 * processing (the partial unique index `data_export_requests_one_open_idx` decides, so two
 * parallel requests cannot both get in). In a savepoint, so the caller's transaction survives.
 */
export async function insertExportRequest(
  trx: Knex.Transaction,
  userId: string,
  format: DataExportFormat,
): Promise<DataExportRequestRow | null> {
  try {
    return await trx.transaction((savepoint) =>
      asUserWithin(savepoint, userId, async (db) => {
        const [row] = await db('data_export_requests').insert({ user_id: userId, format }).returning('*');
        return row!;
      }),
    );
  } catch (err) {
    if ((err as { code?: unknown }).code === UNIQUE_VIOLATION) return null;
    throw err;
  }
}

/** The user's own requests (RLS), newest first. */
export function selectExports(knex: Knex, userId: string): Promise<DataExportRequestRow[]> {
  return asUser(knex, userId, (trx) =>
    trx('data_export_requests')
      .where('user_id', userId)
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]),
  );
}

/** One of the user's own requests (RLS: another user's is not found). */
export function selectExport(knex: Knex, userId: string, id: string): Promise<DataExportRequestRow | undefined> {
  return asUser(knex, userId, (trx) => trx('data_export_requests').where({ id, user_id: userId }).first());
}

/** The request and its user's address and language, for the job. */
export async function selectExportForJob(db: Knex | Knex.Transaction, id: string) {
  return db('data_export_requests as r')
    .join('auth.users as u', 'u.id', 'r.user_id')
    .select('r.*', 'u.email', 'u.locale')
    .where('r.id', id)
    .first() as Promise<(DataExportRequestRow & { email: string; locale: string | null }) | undefined>;
}

/** Takes a request to build (pending, or processing again after a failed attempt); false when it is done or gone. */
export async function markProcessing(db: Knex | Knex.Transaction, id: string): Promise<boolean> {
  const rows = await db('data_export_requests')
    .where({ id })
    .whereIn('status', ['pending', 'processing'])
    .update({ status: 'processing' }, ['id']);
  return rows.length > 0;
}

/** Counts one failed call of the site's hook; the count so far. */
export async function countHookFailure(db: Knex | Knex.Transaction, id: string): Promise<number> {
  const [row] = await db('data_export_requests')
    .where({ id })
    .update({ site_hook_failures: db.raw('site_hook_failures + 1') }, ['site_hook_failures']);
  return row?.site_hook_failures ?? 0;
}

/** Writes an archive as chunks of `CHUNK_BYTES`, from seq 0; `close()` writes the last one. */
export class ChunkSink implements ArchiveSink {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private seq = 0;
  /** Bytes written so far. */
  size = 0;

  constructor(
    private readonly db: Knex.Transaction,
    private readonly exportId: string,
    private readonly userId: string,
  ) {}

  /** Drops what an earlier, failed attempt may have left. */
  async reset(): Promise<void> {
    await this.db('data_export_files').where({ export_id: this.exportId }).delete();
  }

  async write(bytes: Buffer): Promise<void> {
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.size += bytes.length;
    while (this.pendingBytes >= CHUNK_BYTES) {
      const all = Buffer.concat(this.pending);
      await this.store(all.subarray(0, CHUNK_BYTES));
      this.pending = [all.subarray(CHUNK_BYTES)];
      this.pendingBytes = all.length - CHUNK_BYTES;
    }
  }

  async close(): Promise<void> {
    if (this.pendingBytes > 0 || this.seq === 0) await this.store(Buffer.concat(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
  }

  private async store(data: Buffer): Promise<void> {
    await this.db('data_export_files').insert({
      export_id: this.exportId,
      user_id: this.userId,
      seq: this.seq++,
      data,
    });
  }
}

/** The request is ready: its size, link and end of life. */
export async function markReady(
  db: Knex.Transaction,
  id: string,
  done: { size: number; completedAt: Date; expiresAt: Date; downloadUrl: string },
): Promise<void> {
  await db('data_export_requests').where({ id, status: 'processing' }).update({
    status: 'ready',
    file_size_bytes: done.size,
    completed_at: done.completedAt,
    expires_at: done.expiresAt,
    download_url: done.downloadUrl,
  });
}

/** One chunk of an archive, or undefined past the last. */
export async function selectChunk(knex: Knex, exportId: string, seq: number): Promise<Buffer | undefined> {
  const row = await knex('data_export_files').select('data').where({ export_id: exportId, seq }).first();
  return row?.data;
}

/**
 * Ready exports past their end, and exports stuck in the making since `staleBefore` (a build that
 * failed for good: the seed has no "failed" status, and a stuck one would block the user's next
 * request), marked expired with their link cleared and files deleted; their ids.
 */
export async function expireExports(knex: Knex, now: Date, staleBefore: Date): Promise<string[]> {
  return knex.transaction(async (trx) => {
    const rows = await trx('data_export_requests')
      .whereRaw(`(status = 'ready' and expires_at <= ?) or (status in ('pending', 'processing') and created_at < ?)`, [
        now,
        staleBefore,
      ])
      .update({ status: 'expired', download_url: null }, ['id']);
    const ids = rows.map((r) => r.id);
    if (ids.length) await trx('data_export_files').whereIn('export_id', ids).delete();
    return ids;
  });
}
