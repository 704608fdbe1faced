/**
 * The SSRF guard (docs/security.md H2): every reserved address in every spelling is refused —
 * when an endpoint is saved, and again where the connection is made, for a literal address and
 * for a name resolving to one (`localhost`), so that DNS rebinding cannot slip through — while a
 * real receiver on loopback (the canary) receives nothing. With ACCT_WEBHOOK_ALLOW_PRIVATE the
 * same receiver is reached.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../start';
import { describeOnEachDatabase } from '../../testing/databases';
import { team, type TestTeam } from '../../testing/organizations';
import { startTestServer } from '../../testing/test-server';
import { isSpecialAddress } from '../../security/special-addresses';
import { attemptDelivery } from './delivery';
import { postWebhook } from './sender';
import { startReceiver, type Receiver } from './webhooks.fixtures';

/** Hosts that must be refused, as typed in a URL (the canary's port is added). */
const REFUSED_HOSTS = [
  '127.0.0.1',
  '127.1',
  '2130706433',
  '0x7f.1',
  '0x7f000001',
  '017700000001',
  '0177.0.0.1',
  '127.255.255.254',
  '[::1]',
  '[0:0:0:0:0:0:0:1]',
  '[::ffff:127.0.0.1]',
  '[::ffff:7f00:1]',
  '[::ffff:10.0.0.1]',
  '[64:ff9b::7f00:1]',
  '[2002:7f00:1::]',
  '0.0.0.0',
  '0',
  '[::]',
  '10.0.0.1',
  '10.255.255.255',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.1.1',
  '100.64.0.1',
  '169.254.169.254',
  '169.254.0.1',
  '224.0.0.1',
  '255.255.255.255',
  '[fc00::1]',
  '[fd12:3456::1]',
  '[fe80::1]',
  '[ff02::1]',
  'localhost',
];

describe('isSpecialAddress', () => {
  it('refuses every reserved address in every spelling, after the URL parser (H2)', () => {
    for (const host of REFUSED_HOSTS.filter((h) => h !== 'localhost')) {
      assert.equal(isSpecialAddress(new URL(`http://${host}/`).hostname), true, host);
    }
  });

  it('lets public addresses through', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '[2606:4700::1111]', '1.1.1.1'])
      assert.equal(isSpecialAddress(address), false, address);
  });
});

describeOnEachDatabase('Webhook SSRF guard', (getDb) => {
  let server: RunningServer;
  let canary: Receiver;
  let x: TestTeam;

  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_RUN_JOBS: 'false' } });
    canary = await startReceiver();
    x = await team(server, 'SSRF Org');
  });
  after(async () => {
    await canary.close();
    await server.close();
  });

  const urls = () => REFUSED_HOSTS.map((host) => `http://${host}:${canary.port}/hook`);

  it('refuses to save an endpoint at any of them (H2)', async () => {
    for (const url of urls()) {
      const res = await x.admin.client.call('POST /api/organizations/:id/webhooks', {
        params: { id: x.id },
        body: { url, events: ['user.created'] },
      });
      assert.deepEqual([res.status, res.error?.code], [400, 'webhook_url_blocked'], url);
    }
    assert.equal(await server.db.knex('webhooks').where({ organization_id: x.id }).first(), undefined);
  });

  it('refuses at connect time, so an endpoint whose address changed after saving reaches nothing (H2)', async () => {
    for (const url of urls()) {
      const sent = await postWebhook(url, {}, '{}', { allowPrivate: false, timeoutMs: 2000 });
      assert.deepEqual([sent.status, sent.error], [null, 'blocked_address'], url);
    }
    // An endpoint saved with a public name, whose name now points home (as after DNS rebinding):
    // simulated by changing its row, since the save-time check already refused the address.
    const created = await x.admin.client.call('POST /api/organizations/:id/webhooks', {
      params: { id: x.id },
      body: { url: 'https://hooks.example.com/in', events: ['user.created'] },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.webhook.id;
    await server.db
      .knex('webhooks')
      .where({ id })
      .update({ url: `http://localhost:${canary.port}/hook` });
    const test = await x.admin.client.call('POST /api/organizations/:id/webhooks/:webhookId/test', {
      params: { id: x.id, webhookId: id },
      body: {},
    });
    const outcome = await attemptDelivery(server.services, test.body.delivery.id);
    assert.equal(outcome?.status, 'failed');
    const row = await server.db.knex('webhook_deliveries').where({ id: test.body.delivery.id }).first();
    assert.deepEqual([row.error, row.response_status], ['blocked_address', null]);
    assert.equal(canary.received.length, 0, 'the canary received nothing');
  });

  it('reaches the same receiver when ACCT_WEBHOOK_ALLOW_PRIVATE is on (the control)', async () => {
    const sent = await postWebhook(`http://localhost:${canary.port}/hook`, {}, '{}', {
      allowPrivate: true,
      timeoutMs: 5000,
    });
    assert.equal(sent.status, 200);
    assert.equal(canary.received.length, 1);
    canary.received.length = 0;
  });
});
