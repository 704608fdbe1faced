/**
 * `GET /api/dev/outbox`: the development outbox — the mail acct would have sent — for the demo's
 * outbox page. Mounted only when the server runs with ACCT_DEV_OUTBOX and no SMTP server, never
 * in a deployment that sends real mail: these messages hold working sign-in links.
 */
import { Router } from 'express';
import { reply } from '../../http/reply';
import type { MailQueue } from './mail-queue';

export function outboxRoutes(mail: MailQueue): Router {
  const router = Router();
  router.get('/dev/outbox', async (_req, res) => {
    reply(res, 'GET /api/dev/outbox', { messages: await mail.outbox() });
  });
  return router;
}
