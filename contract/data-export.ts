/**
 * Data export (GDPR art. 15 and 20, server/modules/data-export/): the signed-in user asks for an
 * archive of every row acct holds about them, in JSON (one file) or CSV (one file per table, in a
 * zip); a job builds it, a mail says when it is ready, and it is downloadable until it expires.
 * One export may be pending or processing at a time per user.
 */
import { z } from 'zod';
import { CommonErrors } from './errors.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';
import { DATA_EXPORT_FORMATS, type DataExportFormat } from './constants.js';

export { archiveFileName, DATA_EXPORT_FORMATS, type DataExportFormat } from './constants.js';

/** The seed's statuses, in order. */
export type DataExportStatus = 'pending' | 'processing' | 'ready' | 'expired';

/** `POST /api/me/data-exports`. */
export const RequestDataExportBody = z.object({ format: z.enum(DATA_EXPORT_FORMATS) }).strict();

/** One export request, as the history lists it. */
export interface DataExport {
  id: string;
  format: DataExportFormat;
  status: DataExportStatus;
  /** The archive's size once ready, else null. */
  fileSizeBytes: number | null;
  createdAt: Timestamp;
  completedAt: Timestamp | null;
  /** Until when it can be downloaded (set once ready). */
  expiresAt: Timestamp | null;
  /** Where to download it while ready: needs the same user's session too; null otherwise. */
  downloadUrl: string | null;
}

/** `GET /api/me/data-exports`: newest first. */
export interface DataExportList {
  exports: DataExport[];
}

export const DataExportErrors = {
  not_found: CommonErrors.not_found,
  export_in_progress: { status: 409, message: 'An export is already being prepared. Wait until it is ready.' },
  export_not_ready: { status: 409, message: 'This export is not ready yet.' },
  export_expired: { status: 410, message: 'This export has expired. Request a new one.' },
  export_link_invalid: { status: 403, message: 'This download link is not valid. Use the link from your account.' },
} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface DataExportRoutes {
  'GET /api/me/data-exports': Route<never, DataExportList>;
  'POST /api/me/data-exports': Route<z.input<typeof RequestDataExportBody>, { export: DataExport }>;
}
