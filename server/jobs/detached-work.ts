/**
 * Work a request starts but does not wait for. Routes whose answer must not depend on whether an
 * address has an account — forgotten password, resending a confirmation, a failed sign-in — answer
 * first and write afterwards, so that the writes only known addresses need (a token, a queued mail,
 * a login-history line) cannot be timed from outside (SECURITY.md A4; issue 8 measured 2–4 ms).
 *
 * Each piece of work is tracked: a failure is logged (never thrown at a client that already has
 * its answer), `idle()` resolves once everything started so far has finished (tests wait on it
 * before reading the mail outbox), and shutdown waits for it, so nothing started is cut off.
 */
import type { Logger } from '../http/logging';

export class DetachedWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /**
   * Starts `work` once the current request has answered; `label` names it in the log if it fails.
   * Not in a microtask: those run before the route's own continuation writes the answer, and on
   * the embedded database (whose queries run on this thread) the work would delay it again.
   * `setImmediate` runs after the answer has been handed to the socket.
   */
  run(label: string, work: () => Promise<unknown>): void {
    const task: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
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
