/**
 * The data-export jobs (server/jobs/jobs.ts): `data-export.build` writes one request's archive
 * and mails its link; `data-export.expire` (hourly) deletes the archives past their end. Both are
 * safe to run twice: the build starts over from the request's state and replaces any chunks an
 * earlier attempt left; expiring only touches exports still marked ready.
 *
 * The site's hook (site-hook.ts): a failed call fails the attempt, so the job is retried; after
 * `SITE_HOOK_ATTEMPTS` failed calls the export goes ahead without the site's data, and the archive
 * says so (`export.site.included: false` with a note).
 */
import { defineJob } from '../../jobs/jobs';
import type { Services } from '../../services';
import { mailOptions, mailTemplates } from '../mail/templates';
import { writeArchive, type ArchiveHeader, type SectionSource } from './archive';
import {
  ChunkSink,
  countHookFailure,
  expireExports,
  markProcessing,
  markReady,
  selectExportForJob,
} from './data-export.queries';
import { sealDownloadToken } from './download-token';
import { EXPORT_SECTIONS, type ExportSubject } from './export-sections';
import { fetchSiteData, SiteHookError } from './site-hook';

/** Calls of the site's hook before an export goes ahead without it (the job's retries outnumber them). */
export const SITE_HOOK_ATTEMPTS = 3;

/**
 * An export still pending or processing this long after it was asked for has failed for good (the
 * job's retries are spent within the hour): the expiry job closes it, so the user can ask again.
 */
export const STALE_AFTER_SECONDS = 24 * 3600;

/** The site's part, or why it is missing. Throws (retry) while the hook has attempts left. */
async function siteData(
  services: Services,
  exportId: string,
  user: ExportSubject,
  now: Date,
): Promise<{ site: ArchiveHeader['site']; data: unknown }> {
  if (!services.config.dataExport.hookUrl) return { site: { included: false, note: 'no site hook' }, data: null };
  try {
    return { site: { included: true }, data: await fetchSiteData(services.config, user, now) };
  } catch (err) {
    if (!(err instanceof SiteHookError)) throw err;
    const failures = await countHookFailure(services.db.knex, exportId);
    services.logger.warn({ err, exportId, failures }, 'data export: the site hook failed');
    if (failures < SITE_HOOK_ATTEMPTS) throw err;
    return {
      site: { included: false, note: `the site's data could not be fetched (${failures} attempts): ${err.message}` },
      data: null,
    };
  }
}

/** Builds the archive of one export request, marks it ready and mails its link. */
export async function buildExport(services: Services, { exportId }: { exportId: string }, now = new Date()) {
  const { db, config, envelope, mail } = services;
  const request = await selectExportForJob(db.knex, exportId);
  if (!request || !(await markProcessing(db.knex, exportId))) return; // done already, or gone
  const user = { id: request.user_id, email: request.email };
  const { site, data } = await siteData(services, exportId, user, now);
  const header: ArchiveHeader = {
    format: 'acct-data-export',
    version: 1,
    exportedAt: now.toISOString(),
    userId: user.id,
    site,
  };
  const expiresAt = new Date(now.getTime() + config.dataExport.ttlSeconds * 1000);
  const token = sealDownloadToken(envelope, { userId: user.id, exportId, expiresAt });
  const downloadUrl = `${config.publicUrl}/api/me/data-exports/${exportId}/download?token=${encodeURIComponent(token)}`;
  // One transaction: the chunks, the ready mark and the mail all happen, or none does.
  await db.knex.transaction(async (trx) => {
    const sink = new ChunkSink(trx, exportId, user.id);
    await sink.reset();
    async function* sections(): SectionSource {
      for (const section of EXPORT_SECTIONS) yield { name: section.name, rows: await section.rows(trx, user) };
    }
    await writeArchive(request.format, sink, header, sections(), data);
    await sink.close();
    await markReady(trx, exportId, { size: sink.size, completedAt: now, expiresAt, downloadUrl });
    await mail.enqueue(trx, {
      to: user.email,
      template: 'dataExportReady',
      content: mailTemplates.dataExportReady(mailOptions(config, request.locale), { url: downloadUrl, expiresAt }),
    });
  });
}

/** Marks the ready exports past their end (and those stuck in the making) expired and deletes their archives. */
export async function expireDataExports(services: Services, _data: object = {}, now = new Date()): Promise<void> {
  const ids = await expireExports(services.db.knex, now, new Date(now.getTime() - STALE_AFTER_SECONDS * 1000));
  if (ids.length) services.logger.info({ count: ids.length }, 'data export: expired archives deleted');
}

export const buildDataExport = defineJob<{ exportId: string }>({
  name: 'data-export.build',
  handler: (services, data) => buildExport(services, data),
  // More attempts than SITE_HOOK_ATTEMPTS, so a failing hook ends in an export without it.
  retry: { limit: 5, delaySeconds: 30, backoff: true },
  expireInSeconds: 900,
});

export const expireDataExportsJob = defineJob<object>({
  name: 'data-export.expire',
  handler: (services, data) => expireDataExports(services, data),
  cron: '17 * * * *',
});
