/**
 * Work a request starts but does not wait for. Routes whose answer must not depend on whether an
 * address has an account — sign-up, forgotten password, resending a confirmation, a failed
 * sign-in — answer first and write afterwards, so that the writes only known addresses need (a
 * token, a queued mail, a login-history line) cannot be timed from outside (docs/security.md A4; issue 8
 * measured 2–4 ms).
 *
 * "Afterwards" is exact: such routes run behind `afterAnswer`, and work detached while one of them
 * is handled starts when its answer has been handed to the socket (`finish`), or when the client
 * went away (`close`) — never before, even on the embedded database, whose queries run on this
 * thread and would otherwise delay the answer. Work detached elsewhere starts on the next turn of
 * the event loop.
 *
 * Each piece of work is tracked: a failure is logged (never thrown at a client that already has its
 * answer), `idle()` resolves once everything started so far has finished (tests wait on it before
 * reading the mail outbox), and shutdown waits for it, so nothing started is cut off.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import type { Logger } from '../http/logging';

/** The work a request has detached, held until it has answered. */
interface HeldWork {
  starts: (() => void)[];
  answered: boolean;
}

const heldByRequest = new AsyncLocalStorage<HeldWork>();

/** Route middleware: work detached while this request is handled starts once it has answered. */
export const afterAnswer: RequestHandler = (_req, res, next) => {
  const held: HeldWork = { starts: [], answered: false };
  const release = () => {
    if (held.answered) return;
    held.answered = true;
    for (const start of held.starts.splice(0)) start();
  };
  res.once('finish', release);
  res.once('close', release);
  heldByRequest.run(held, next);
};

export class DetachedWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Starts `work` without waiting for it (see above for when); `label` names it in the log if it fails. */
  run(label: string, work: () => Promise<unknown>): void {
    const task: Promise<void> = new Promise<void>((resolve) => {
      const held = heldByRequest.getStore();
      if (held && !held.answered) held.starts.push(resolve);
      else setImmediate(resolve);
    })
      .then(work)
      .then(
        () => undefined,
        (err: unknown) => this.logger.error({ err, work: label }, 'detached work failed'),
      )
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /** Resolves when everything started before (and during) this call has finished. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }
}
