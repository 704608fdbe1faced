/**
 * The floor under any database-checked session: bare Express 5 plus what such a check cannot do
 * without — read the cookie, hash it, look it up with one prepared statement on a pooled
 * connection (node-postgres, no query builder) by its primary key, and answer the row as JSON.
 * No security headers, no CORS, no logging, no expiry rules. It keeps its one-row table in a
 * schema of its own in acct's benchmark database, and reports the route's URL and the cookie.
 * It is the floor of a session check made inside an Express route. acct's `GET /api/me` is
 * answered ahead of Express (server/modules/sessions/direct-session-check.ts), which saves more
 * than acct's own work costs, so it can pass this figure.
 */
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pg from 'pg';
import { childSettings, runChild } from './protocol';

export interface FloorSettings {
  databaseUrl: string;
}

export interface FloorReady {
  url: string;
  cookie: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

runChild<FloorReady>(async () => {
  const { databaseUrl } = childSettings<FloorSettings>();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const token = randomBytes(32).toString('base64url');
  await pool.query(`
    create schema if not exists bench_floor;
    create table if not exists bench_floor.sessions (
      token_hash bytea primary key, user_id uuid not null, email text not null, expires_at timestamptz not null)`);
  await pool.query(
    `insert into bench_floor.sessions values ($1, gen_random_uuid(), 'floor@example.com', now() + interval '1 day')`,
    [sha256(token)],
  );

  const app = express();
  app.get('/floor', async (req, res) => {
    const cookie = req.headers.cookie ?? '';
    const value = cookie.slice(cookie.indexOf('=') + 1);
    const { rows } = await pool.query({
      name: 'floor_lookup',
      text: 'select user_id, email, expires_at from bench_floor.sessions where token_hash = $1',
      values: [sha256(value)],
    });
    if (!rows[0]) return void res.status(401).json({ error: 'not_signed_in' });
    res.json({ user: { id: rows[0].user_id, email: rows[0].email }, session: { expiresAt: rows[0].expires_at } });
  });
  const server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/floor`, cookie: `s=${token}` };
});
