/**
 * A pino destination for tests that keeps every line, so a test can read what the server logged
 * (the log scan for secrets, the server's own answer times).
 */
import type { DestinationStream } from 'pino';

export class CapturedLog implements DestinationStream {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }

  /** The `request completed` line of the request with this id (its `X-Request-Id`), parsed. */
  request(id: string | null): { responseTime: number; res: { statusCode: number } } | undefined {
    const line = this.lines.find((l) => l.includes(`"id":"${id}"`) && l.includes('"responseTime"'));
    return line ? JSON.parse(line) : undefined;
  }
}
