/**
 * Data export: the user asks (one export in the making at a time, rate-limited), the build job
 * (data-export.jobs.ts) writes the archive and mails the link, the user downloads it with the
 * link's token AND their own session, and the expiry job deletes it after ACCT_EXPORT_TTL.
 * The SQL is in data-export.queries.ts, the tables read in export-sections.ts.
 */
import type { DataExport, DataExportFormat, DataExportList } from '../../../contract/data-export';
import { DataExportErrors } from '../../../contract/data-export';
import { iso } from '../../../contract/wire';
import type { DataExportRequestRow } from '../../db/tables';
import { ApiError } from '../../http/errors';
import type { Services } from '../../services';
import { enforceLimits } from '../rate-limit/rate-limit';
import { archiveFile } from './archive';
import { buildDataExport } from './data-export.jobs';
import { insertExportRequest, selectChunk, selectExport, selectExports } from './data-export.queries';
import { openDownloadToken } from './download-token';

export const toDataExport = (row: DataExportRequestRow): DataExport => ({
  id: row.id,
  format: row.format,
  status: row.status,
  fileSizeBytes: row.file_size_bytes === null ? null : Number(row.file_size_bytes),
  createdAt: iso(row.created_at),
  completedAt: iso(row.completed_at),
  expiresAt: iso(row.expires_at),
  downloadUrl: row.status === 'ready' ? row.download_url : null,
});

export async function listDataExports({ db }: Services, userId: string): Promise<DataExportList> {
  return { exports: (await selectExports(db.knex, userId)).map(toDataExport) };
}

/** A new export request and its build job, in one transaction; 409 while another is in the making. */
export async function requestDataExport(
  services: Services,
  userId: string,
  format: DataExportFormat,
): Promise<DataExport> {
  const { db, config, jobs } = services;
  const row = await db.knex.transaction(async (trx) => {
    const inserted = await insertExportRequest(trx, userId, format);
    if (!inserted) throw ApiError.of(DataExportErrors, 'export_in_progress');
    // After the one-at-a-time check, so a refused request spends nothing.
    await enforceLimits(trx, [
      { action: 'data-export:account', identifier: userId, policy: config.rateLimits['data-export:account'] },
    ]);
    await jobs.send(buildDataExport, { exportId: inserted.id }, { db: trx });
    return inserted;
  });
  return toDataExport(row);
}

/** What a download sends: the file's name and type, and its chunks in order. */
export interface Download {
  name: string;
  type: string;
  size: number;
  chunks: AsyncIterable<Buffer>;
}

/**
 * Opens a download for the signed-in `userId`: the token must open for this export and name this
 * user (another user's session: 404, as if the export did not exist), and the export must be
 * ready and not past its end (410).
 */
export async function openDownload(
  { db, envelope }: Services,
  userId: string,
  exportId: string,
  token: string,
  now = new Date(),
): Promise<Download> {
  const claims = openDownloadToken(envelope, exportId, token);
  if (!claims) throw ApiError.of(DataExportErrors, 'export_link_invalid');
  if (claims.userId !== userId) throw ApiError.of(DataExportErrors, 'not_found');
  const row = await selectExport(db.knex, userId, exportId);
  if (!row) throw ApiError.of(DataExportErrors, 'not_found');
  const past = (date: Date | null) => date !== null && date.getTime() <= now.getTime();
  if (row.status === 'expired' || past(claims.expiresAt) || past(row.expires_at)) {
    throw ApiError.of(DataExportErrors, 'export_expired');
  }
  if (row.status !== 'ready') throw ApiError.of(DataExportErrors, 'export_not_ready');
  const { name, type } = archiveFile(row.format, row.created_at);
  async function* chunks() {
    // One chunk in memory at a time, however large the archive.
    for (let seq = 0; ; seq++) {
      const chunk = await selectChunk(db.knex, exportId, seq);
      if (!chunk) return;
      yield chunk;
    }
  }
  return { name, type, size: Number(row.file_size_bytes ?? 0), chunks: chunks() };
}
