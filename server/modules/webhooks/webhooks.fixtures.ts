/**
 * Test set-up for webhooks: a real HTTP receiver on loopback that records every request (headers
 * and exact body) and answers what the test tells it, and an endpoint created through the API.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Webhook, WebhookEventType } from '../../../contract/webhooks';
import type { TestUser } from '../../testing/organizations';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  port: number;
  received: ReceivedRequest[];
  /** How the next requests are answered: status (and optional body, headers); default 200 "ok". */
  answer: (request: ReceivedRequest, res: ServerResponse) => void;
  close(): Promise<void>;
}

export const answerWith =
  (status: number, body = '', headers: Record<string, string> = {}) =>
  (_request: ReceivedRequest, res: ServerResponse) => {
    res.writeHead(status, headers).end(body);
  };

/** A receiver on `port` (any free one by default; a stopped receiver's port to bring it back there). */
export async function startReceiver(port = 0): Promise<Receiver> {
  const receiver: Receiver = {
    url: '',
    port: 0,
    received: [],
    answer: answerWith(200, 'ok'),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      receiver.received.push(request);
      receiver.answer(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}/hook`;
  const close = receiver.close;
  receiver.close = () => {
    server.closeAllConnections();
    return close();
  };
  return receiver;
}

/** An endpoint of `organizationId` created by `admin` through the API; answers it with its secret. */
export async function createWebhook(
  admin: TestUser,
  organizationId: string,
  url: string,
  events: WebhookEventType[] = ['organization.member_added'],
): Promise<{ webhook: Webhook; secret: string }> {
  const res = await admin.client.call('POST /api/organizations/:id/webhooks', {
    params: { id: organizationId },
    body: { url, events, description: 'test endpoint' },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}
