/**
 * The ceiling for password sign-in: raw argon2id verifies through acct's own `verifyPassword` and
 * `ARGON2_PARAMETERS`, `concurrency` of them in flight at once for `seconds` — through acct's
 * hash limiter at the server's setting, the same hashing capacity the server gives sign-ins, or
 * with `hashConcurrency` raised to show what the machine could hash with no core kept free. Reports the same kind of Measurement as the HTTP loads, plus the delay
 * of its own event loop, which has nothing to do but wait: the control for the acct server's, as it
 * shows what the hashing threads alone do to a loop's turns on a machine with few cores.
 */
import { performance } from 'node:perf_hooks';
import { hashPassword, setHashConcurrency, verifyPassword } from '../../server/modules/passwords/password-hash';
import { LatencyRecorder, type Measurement } from '../measurement';
import { childSettings, loopDelayMonitor, runChild, type LoopDelay } from './protocol';

export interface Argon2Settings {
  concurrency: number;
  seconds: number;
  /** Hashes allowed at once by acct's limiter; unset: acct's default (cores − 1), as the server runs. */
  hashConcurrency?: number;
}

export interface Argon2Result {
  load: Measurement;
  loop: LoopDelay;
}

const PASSWORD = 'correct horse battery staple';

runChild<Argon2Result>(async () => {
  const { concurrency, seconds, hashConcurrency } = childSettings<Argon2Settings>();
  if (hashConcurrency) setHashConcurrency(hashConcurrency);
  const stored = await hashPassword(PASSWORD);
  const inParallel = (loop: () => Promise<void>) => Promise.all(Array.from({ length: concurrency }, loop));

  // One round first: starts the thread pool's threads and touches their memory.
  await inParallel(async () => {
    await verifyPassword(stored, PASSWORD);
  });

  const recorder = new LatencyRecorder();
  const delay = loopDelayMonitor();
  delay.start();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await inParallel(async () => {
    while (performance.now() < deadline) {
      const begun = performance.now();
      if (await verifyPassword(stored, PASSWORD)) recorder.success(performance.now() - begun);
      else recorder.failure();
    }
  });
  return { load: recorder.result((performance.now() - started) / 1000), loop: delay.stop() };
});
