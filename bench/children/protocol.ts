/**
 * How the runner and its child processes talk, over the IPC channel Node's `fork` opens. A child
 * gets its settings as JSON in its first argument, sends one `ready` message carrying what the
 * runner needs (a server's URL and signed-in cookie, or a loop's result) or `failed`, then stays
 * until the runner stops it. Servers also report their event-loop delay on request: how long the
 * loop waited for its turn, whether its own work held it or other threads had the cores. A child
 * exits as soon as the runner goes away, so none outlives a crashed or killed run.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Event-loop delay over a phase, in ms: how late a repeating 10 ms timer fired. */
export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /**
   * CPU time the process used over the phase (user + system, every thread), in ms: divided by the
   * requests served, the server's own cost of one, which other processes' load barely changes.
   */
  cpuMs: number;
}

const LOOP_DELAY_RESOLUTION_MS = 10;

export type ParentMessage = { type: 'loop-delay:start' } | { type: 'loop-delay:read' };

export type ChildMessage<Ready> =
  { type: 'ready'; value: Ready } | { type: 'failed'; message: string } | { type: 'loop-delay'; value: LoopDelay };

/** The settings the runner passed to this child. */
export function childSettings<Settings>(): Settings {
  return JSON.parse(process.argv[2] ?? '{}') as Settings;
}

function send<Ready>(message: ChildMessage<Ready>): void {
  process.send?.(message);
}

/**
 * Records this process's event-loop delay between `start` and `stop`. The histogram holds the
 * intervals between a repeating timer's runs; the delay is what exceeds the timer's period.
 */
export function loopDelayMonitor(): { start(): void; stop(): LoopDelay } {
  const histogram = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  const ms = (ns: number) => Math.max(0, ns / 1e6 - LOOP_DELAY_RESOLUTION_MS);
  let cpuAtStart = process.cpuUsage();
  return {
    start() {
      histogram.reset();
      histogram.enable();
      cpuAtStart = process.cpuUsage();
    },
    stop() {
      histogram.disable();
      const cpu = process.cpuUsage(cpuAtStart);
      return {
        p50Ms: ms(histogram.percentile(50)),
        p99Ms: ms(histogram.percentile(99)),
        maxMs: ms(histogram.max),
        cpuMs: (cpu.user + cpu.system) / 1000,
      };
    },
  };
}

/** Runs a child: reports `main`'s result as `ready` (or its error as `failed`) and answers loop-delay requests. */
export function runChild<Ready>(main: () => Promise<Ready>): void {
  process.on('disconnect', () => process.exit(0));

  const delay = loopDelayMonitor();
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'loop-delay:start') delay.start();
    else send({ type: 'loop-delay', value: delay.stop() });
  });

  main().then(
    (value) => send({ type: 'ready', value }),
    (err: unknown) => {
      send({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      process.disconnect();
    },
  );
}
