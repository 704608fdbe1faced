/**
 * `GET /api/dev/outbox`: the development outbox — the mail acct would have sent — for the demo's
 * outbox page. Mounted only when the server runs with ACCT_DEV_OUTBOX and no SMTP server, never
 * in a deployment that sends real mail: these messages hold working sign-in links. Even so, it
 * answers only a request from this machine to a loopback name: a development server listens on
 * every interface by default, and neither another host on the network nor a page whose name a DNS
 * rebinding points at 127.0.0.1 may read the links. Anyone else finds nothing here (404).
 */
import { Router, type Request } from 'express';
import { ApiError, CommonErrors } from '../../http/errors';
import { reply } from '../../http/reply';
import { isLoopbackAddress, isLoopbackHost } from '../../security/special-addresses';
import type { MailQueue } from './mail-queue';

/** The socket's own peer (not X-Forwarded-For, which anyone can write) and the Host it asked for. */
export function fromThisMachine(req: Pick<Request, 'socket' | 'headers'>): boolean {
  const host = URL.parse(`http://${req.headers.host ?? ''}`)?.hostname ?? '';
  return isLoopbackHost(host) && isLoopbackAddress(req.socket.remoteAddress ?? '');
}

export function outboxRoutes(mail: MailQueue): Router {
  const router = Router();
  router.get('/dev/outbox', async (req, res) => {
    if (!fromThisMachine(req)) throw ApiError.of(CommonErrors, 'not_found');
    reply(res, 'GET /api/dev/outbox', { messages: await mail.outbox() });
  });
  return router;
}
