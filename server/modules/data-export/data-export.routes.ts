/**
 * Data-export routes (data-export.service.ts): the signed-in user's export requests listed and
 * made (rate-limited per account), and an archive downloaded — with the link's token and the
 * same user's session — as a file streamed from its chunks.
 */
import { Router } from 'express';
import { z } from 'zod';
import { DataExportErrors, RequestDataExportBody } from '../../../contract/data-export';
import { ApiError } from '../../http/errors';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import type { Services } from '../../services';
import { requireSession, sessionOf } from '../sessions/require-session';
import { listDataExports, openDownload, requestDataExport } from './data-export.service';

const ExportId = z.uuid();
const DownloadQuery = z.object({ token: z.string().min(1).max(2000) });

export function dataExportRoutes(services: Services): Router {
  const signedIn = requireSession(services);
  const router = Router();

  router.get('/me/data-exports', signedIn, async (req, res) => {
    reply(res, 'GET /api/me/data-exports', await listDataExports(services, sessionOf(req).userId));
  });

  router.post(
    '/me/data-exports',
    signedIn,
    withBody(RequestDataExportBody, async ({ format }, req, res) => {
      const created = await requestDataExport(services, sessionOf(req).userId, format);
      reply(res, 'POST /api/me/data-exports', { export: created }, 201);
    }),
  );

  router.get('/me/data-exports/:id/download', signedIn, async (req, res) => {
    const id = ExportId.safeParse(req.params.id);
    if (!id.success) throw ApiError.of(DataExportErrors, 'not_found');
    const query = DownloadQuery.safeParse(req.query);
    if (!query.success) throw ApiError.of(DataExportErrors, 'export_link_invalid');
    const download = await openDownload(services, sessionOf(req).userId, id.data, query.data.token);
    res.set({
      'Content-Type': download.type,
      'Content-Disposition': `attachment; filename="${download.name}"`,
      'Content-Length': String(download.size),
      'Referrer-Policy': 'no-referrer',
    });
    for await (const chunk of download.chunks) {
      // Backpressure: wait for the socket before reading the next chunk.
      if (res.destroyed) return; // the browser went away
      if (!res.write(chunk)) {
        await new Promise((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
    }
    res.end();
  });

  return router;
}
