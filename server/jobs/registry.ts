/**
 * Every job acct runs (server/jobs/jobs.ts): the runner declares a queue and a worker for each
 * entry, and a schedule for those with `cron`. A module's jobs are defined in the module and
 * listed here.
 */
import { buildDataExport, expireDataExportsJob } from '../modules/data-export/data-export.jobs';
import { deleteAccountJob, dueDeletionsJob } from '../modules/account-deletion/account-deletion.jobs';
import { sendMailJob } from '../modules/mail/mail-queue';
import { releaseNotificationsJob } from '../modules/notifications/notifications.service';
import { pushSendJob } from '../modules/push/push.jobs';
import { refreshConnectedAppsJob } from '../modules/connected-apps/connected-apps.jobs';
import { deliverWebhookJob } from '../modules/webhooks/delivery';
import { cleanupJob } from './cleanup';
import type { JobDefinition } from './jobs';

export const JOBS: JobDefinition<never>[] = [
  sendMailJob,
  cleanupJob,
  buildDataExport,
  expireDataExportsJob,
  pushSendJob,
  releaseNotificationsJob,
  dueDeletionsJob,
  deleteAccountJob,
  refreshConnectedAppsJob,
  deliverWebhookJob,
];
