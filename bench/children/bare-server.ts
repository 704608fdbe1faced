/**
 * The reference point for the session check: a bare Express 5 server with one route, `GET /bare`
 * answering a small JSON, and no middleware. It listens on an ephemeral loopback port and reports
 * the route's URL to the runner, which loads it with the same settings as acct's `GET /api/me`.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { runChild } from './protocol';

export interface BareReady {
  url: string;
}

runChild<BareReady>(async () => {
  const app = express();
  app.get('/bare', (_req, res) => {
    res.json({ ok: true });
  });
  const server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bare` };
});
