/**
 * Driving outgoing mail from tests: mail is a `mail.send` job (server/modules/mail/mail-queue.ts),
 * so draining the job runner sends everything due — including mail queued by detached work (routes
 * that answer first, then write), which the drain waits for first, and jobs the server's own
 * worker had already taken or is taking, which it waits for too.
 */
import type { Services } from '../services';

export async function drainMailQueue(services: Pick<Services, 'jobs'>): Promise<void> {
  await services.jobs.drain();
}
