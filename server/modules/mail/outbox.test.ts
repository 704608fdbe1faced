/**
 * The development outbox answers only this machine, to a loopback name: a request naming another
 * host (a DNS rebinding) or coming from another address finds nothing, as if it were not there.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../start';
import { describeOnEachDatabase } from '../../testing/databases';
import { rawGet } from '../../testing/raw-http';
import { startTestServer } from '../../testing/test-server';
import { fromThisMachine } from './outbox.routes';

describeOnEachDatabase('development outbox', (getDb) => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer(getDb());
  });
  after(() => server.close());

  it('answers a loopback name, and a page on another name (DNS rebinding) finds nothing', async () => {
    const url = `${server.url}/api/dev/outbox`;
    const { port } = new URL(server.url);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `demo.localhost:${port}`]) {
      const res = await rawGet(url, { Host: host, Accept: 'application/json' });
      assert.equal(res.status, 200, host);
      assert.ok(Array.isArray(JSON.parse(res.body.toString()).messages));
    }
    for (const host of [`attacker.example:${port}`, '127.0.0.1.attacker.example', 'localhost.attacker.example']) {
      const res = await rawGet(url, { Host: host, Accept: 'application/json' });
      assert.equal(res.status, 404, host);
      assert.equal(JSON.parse(res.body.toString()).error.code, 'not_found');
    }
  });
});

describe('fromThisMachine', () => {
  const req = (remoteAddress: string, host: string) =>
    ({ socket: { remoteAddress }, headers: { host } }) as unknown as Parameters<typeof fromThisMachine>[0];
  it('takes the socket peer, never a forwarded address', () => {
    assert.equal(fromThisMachine(req('127.0.0.1', 'localhost:3000')), true);
    assert.equal(fromThisMachine(req('::ffff:127.0.0.1', 'localhost:3000')), true);
    assert.equal(fromThisMachine(req('::1', '[::1]:3000')), true);
    assert.equal(fromThisMachine(req('192.168.1.7', 'localhost:3000')), false);
    assert.equal(fromThisMachine(req('10.0.0.2', '127.0.0.1:3000')), false);
  });
});
