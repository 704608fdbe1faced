/**
 * The HTTP load generator: autocannon sending one kind of request over a fixed number of
 * keep-alive connections for a fixed time, in the runner's process (the servers run in their own).
 * Latencies of the 2xx answers go through the shared recorder at microsecond resolution; any other
 * status, connection error or timeout counts as a failure.
 */
import autocannon from 'autocannon';
import { LatencyRecorder, type Measurement } from './measurement';

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadSettings {
  connections: number;
  pipelining: number;
  seconds: number;
}

export function load(
  { url, method = 'GET', headers = {}, body }: HttpRequest,
  { connections, pipelining, seconds }: LoadSettings,
): Promise<Measurement> {
  const recorder = new LatencyRecorder();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, method, headers, body, connections, pipelining, duration: seconds },
      (err, result) => {
        if (err) return reject(err);
        recorder.failure(result.errors);
        resolve(recorder.result(result.duration));
      },
    );
    instance.on('response', (_client, status, _bytes, latencyMs) => {
      if (status >= 200 && status < 300) recorder.success(latencyMs);
      else recorder.failure();
    });
  });
}
