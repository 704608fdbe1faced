/**
 * A pino destination for tests that keeps every line, so a test can read what the server logged
 * (the log scan for secrets; when a request was answered).
 */
import type { DestinationStream } from 'pino';

export class CapturedLog implements DestinationStream {
  readonly lines: string[] = [];
  /** When each line was written (`performance.now()`), by index. */
  readonly writtenAt: number[] = [];
  write(line: string): void {
    this.lines.push(line);
    this.writtenAt.push(performance.now());
  }

  /** When the request with this id (its `X-Request-Id`) was answered: its `request completed` line is written then. */
  answeredAt(id: string | null): number | undefined {
    const index = this.lines.findIndex((l) => l.includes(`"id":"${id}"`) && l.includes('"responseTime"'));
    return index === -1 ? undefined : this.writtenAt[index];
  }
}
