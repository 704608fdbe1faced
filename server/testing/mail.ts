/**
 * Driving the mail queue from tests. The server's own worker runs beside the test, and
 * `processDue()` joins a pass already in progress — one that may have started before the test's
 * last change was committed — so "one call" does not mean "everything due now was handled".
 */
import type { Services } from '../services';

/**
 * Runs worker passes until two in a row send nothing: everything due when this was called has
 * been handled (sent, or failed and rescheduled), however big the backlog — a pass takes one
 * batch — and however the server's own worker was timed. Mail queued by detached work (routes that
 * answer first, then write) is waited for first.
 */
export async function drainMailQueue(services: Pick<Services, 'mail' | 'detached'>): Promise<void> {
  // Routes that must answer alike for every address queue their mail after answering.
  await services.detached.idle();
  for (let idle = 0; idle < 2;) idle = (await services.mail.processDue()) > 0 ? 0 : idle + 1;
}
