/**
 * What every measurement of the benchmark comes down to — completed operations per second and the
 * latency percentiles of the successful ones — and the recorder that builds it. The HTTP loads
 * (load.ts, in the runner) and the raw argon2 loop (children/argon2-verify.ts, in its own process)
 * both report through it, so their figures are computed the same way and compare directly.
 */
import { createHistogram } from 'node:perf_hooks';

export interface Measurement {
  /** Successful operations per second over the measured time. */
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Successful operations. */
  ok: number;
  /** Failed ones: non-2xx answers, connection errors and timeouts, or a verify that said no. */
  failed: number;
  seconds: number;
}

/** Latencies at microsecond resolution (autocannon's own histogram keeps whole milliseconds only). */
export class LatencyRecorder {
  private readonly histogram = createHistogram();
  private ok = 0;
  private failed = 0;

  success(latencyMs: number): void {
    this.ok++;
    this.histogram.record(Math.max(1, Math.round(latencyMs * 1000)));
  }

  failure(count = 1): void {
    this.failed += count;
  }

  result(seconds: number): Measurement {
    const ms = (percentile: number) => (this.ok ? this.histogram.percentile(percentile) / 1000 : 0);
    return {
      perSecond: seconds > 0 ? this.ok / seconds : 0,
      p50Ms: ms(50),
      p99Ms: ms(99),
      ok: this.ok,
      failed: this.failed,
      seconds,
    };
  }
}
