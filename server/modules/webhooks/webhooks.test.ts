/**
 * Webhooks through the real HTTP API on each database, delivered by the real job runner to a real
 * receiver on loopback that verifies with `standardwebhooks` (H1): the secret shown once and kept
 * sealed, events of the catalogue reaching the organizations they belong to, the delivery log,
 * replay, the test event, rotation, and who may manage an organization's webhooks — owners and
 * admins, tokens with `webhooks:manage` of that organization only (F1).
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Webhook as Verifier } from 'standardwebhooks';
import type { RunningServer } from '../../start';
import { describeOnEachDatabase } from '../../testing/databases';
import { signedInUser, team, type TestTeam } from '../../testing/organizations';
import { startTestServer } from '../../testing/test-server';
import { createToken, tokenClient } from '../api-tokens/api-tokens.fixtures';
import { answerWith, createWebhook, startReceiver, type Receiver } from './webhooks.fixtures';

describeOnEachDatabase('Webhooks', (getDb) => {
  let server: RunningServer;
  let receiver: Receiver;
  let x: TestTeam;
  let y: TestTeam;

  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_RUN_JOBS: 'false', ACCT_WEBHOOK_ALLOW_PRIVATE: 'true' } });
    receiver = await startReceiver();
    x = await team(server, 'Org X');
    y = await team(server, 'Org Y');
  });
  after(async () => {
    await receiver.close();
    await server.close();
  });

  const drain = () => server.services.jobs.drain();

  it('shows the secret once, keeps it sealed beside its hash, and lists the endpoint without it', async () => {
    const { webhook, secret } = await createWebhook(x.admin, x.id, receiver.url, ['user.profile_updated']);
    assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.deepEqual([webhook.active, webhook.failureCount, webhook.events], [true, 0, ['user.profile_updated']]);
    const list = await x.owner.client.call('GET /api/organizations/:id/webhooks', { params: { id: x.id } });
    assert.equal(list.status, 200);
    assert.ok(!JSON.stringify(list.body).includes(secret.slice(6)));
    const row = await server.db.knex('webhooks').where({ id: webhook.id }).first();
    assert.ok(!JSON.stringify(row).includes(secret.slice(6)), 'stored sealed, never in clear');
    assert.match(row.secret_encrypted, /^v1\./);
    assert.match(row.secret_hash, /^[0-9a-f]{64}$/);
  });

  it('delivers a catalogued event, signed, to the endpoints of the organizations it belongs to (H1)', async () => {
    const { webhook, secret } = await createWebhook(x.admin, x.id, receiver.url, ['organization.member_added']);
    const other = await createWebhook(y.admin, y.id, receiver.url, ['organization.member_added']);
    receiver.received.length = 0;
    // An organization created by an X member is a Y-less event: only its own (none yet) hear it.
    await y.owner.client.post('/api/organizations', { name: 'Unrelated' });
    await server.db.knex.transaction((trx) =>
      server.services.events.publish(trx, {
        type: 'organization.member_added',
        userId: x.member.userId,
        organizationId: x.id,
        role: 'member',
      }),
    );
    await drain();
    const forX = receiver.received.filter((r) => r.body.includes(x.id));
    assert.equal(forX.length, 1);
    const verified = new Verifier(secret).verify(forX[0]!.body, forX[0]!.headers as Record<string, string>) as {
      type: string;
      data: { organizationId: string; userId: string };
    };
    assert.deepEqual([verified.type, verified.data.organizationId], ['organization.member_added', x.id]);
    assert.ok(!receiver.received.some((r) => r.body.includes(y.id)), 'Y hears nothing of X');

    const log = await x.admin.client.call('GET /api/organizations/:id/webhooks/:webhookId/deliveries', {
      params: { id: x.id, webhookId: webhook.id },
    });
    assert.equal(log.status, 200);
    const [delivery] = log.body.deliveries;
    assert.deepEqual([delivery?.status, delivery?.responseStatus, delivery?.responseBody], ['succeeded', 200, 'ok']);
    assert.equal(delivery?.requestBody, forX[0]!.body);
    assert.equal(delivery?.messageId, forX[0]!.headers['webhook-id']);
    const hook = (await x.admin.client.call('GET /api/organizations/:id/webhooks', { params: { id: x.id } })).body;
    assert.ok(hook.webhooks.find((h) => h.id === webhook.id)?.lastTriggeredAt);
    assert.equal(
      (await server.db.knex('webhook_deliveries').where({ webhook_id: other.webhook.id })).length,
      0,
      'Y’s endpoint got no delivery',
    );
  });

  it("sends a user's event to every organization the user is a member of", async () => {
    const { webhook } = await createWebhook(y.owner, y.id, receiver.url, ['session.created']);
    receiver.received.length = 0;
    await signedInUser(server, 'outsider'); // a member of nothing: no delivery anywhere
    await drain();
    assert.equal(receiver.received.length, 0);
    await server.db
      .knex('organization_members')
      .insert({ organization_id: y.id, user_id: x.member.userId, role: 'member' });
    await server.db.knex.transaction((trx) =>
      server.services.events.publish(trx, {
        type: 'session.created',
        userId: x.member.userId,
        sessionId: '00000000-0000-0000-0000-000000000001',
        method: 'password',
      }),
    );
    await drain();
    assert.equal(receiver.received.length, 1);
    assert.equal(JSON.parse(receiver.received[0]!.body).type, 'session.created');
    await y.owner.client.call('DELETE /api/organizations/:id/webhooks/:webhookId', {
      params: { id: y.id, webhookId: webhook.id },
    });
  });

  it('sends a test event, replays a delivery with the same webhook-id, and paginates the log newest first', async () => {
    const { webhook, secret } = await createWebhook(x.admin, x.id, receiver.url, ['checklist.item_completed']);
    const params = { id: x.id, webhookId: webhook.id };
    receiver.received.length = 0;
    receiver.answer = answerWith(500, 'down');
    const test = await x.admin.client.call('POST /api/organizations/:id/webhooks/:webhookId/test', {
      params,
      body: {},
    });
    assert.equal(test.status, 202);
    assert.equal(test.body.delivery.eventType, 'webhook.test');
    await drain();
    receiver.answer = answerWith(204);
    const failed = (
      await x.admin.client.call('GET /api/organizations/:id/webhooks/:webhookId/deliveries/:deliveryId', {
        params: { ...params, deliveryId: test.body.delivery.id },
      })
    ).body.delivery;
    assert.deepEqual([failed.status, failed.responseStatus, failed.responseBody], ['failed', 500, 'down']);
    const replay = await x.admin.client.call(
      'POST /api/organizations/:id/webhooks/:webhookId/deliveries/:deliveryId/replay',
      { params: { ...params, deliveryId: failed.id }, body: {} },
    );
    assert.equal(replay.status, 202);
    assert.equal(replay.body.delivery.messageId, failed.messageId);
    await drain();
    const last = receiver.received.at(-1)!;
    assert.equal(last.headers['webhook-id'], failed.messageId);
    assert.ok(new Verifier(secret).verify(last.body, last.headers as Record<string, string>));

    const page1 = await x.admin.client.call('GET /api/organizations/:id/webhooks/:webhookId/deliveries', {
      params,
      query: { limit: 1 },
    });
    assert.equal(page1.body.deliveries.length, 1);
    assert.ok(page1.body.nextCursor);
    const page2 = await x.admin.client.call('GET /api/organizations/:id/webhooks/:webhookId/deliveries', {
      params,
      query: { limit: 50, before: page1.body.nextCursor! },
    });
    assert.ok(page2.body.deliveries.length >= 1);
    assert.ok(!page2.body.deliveries.some((d) => d.id === page1.body.deliveries[0]!.id));
    receiver.answer = answerWith(200, 'ok');
  });

  it('rotates the secret: shown once, both signatures sent during the overlap', async () => {
    const { webhook, secret: old } = await createWebhook(x.admin, x.id, receiver.url, ['onboarding.completed']);
    const params = { id: x.id, webhookId: webhook.id };
    const rotated = await x.admin.client.call('POST /api/organizations/:id/webhooks/:webhookId/rotate-secret', {
      params,
      body: {},
    });
    assert.equal(rotated.status, 200);
    assert.notEqual(rotated.body.secret, old);
    assert.ok(rotated.body.webhook.previousSecretExpiresAt);
    receiver.received.length = 0;
    await x.admin.client.call('POST /api/organizations/:id/webhooks/:webhookId/test', { params, body: {} });
    await drain();
    const [request] = receiver.received;
    assert.equal(request!.headers['webhook-signature']!.toString().split(' ').length, 2);
    for (const secret of [old, rotated.body.secret])
      assert.ok(new Verifier(secret).verify(request!.body, request!.headers as Record<string, string>));
  });

  it('updates, disables and re-enables, deletes; refuses bad input with stable codes', async () => {
    const { webhook } = await createWebhook(x.admin, x.id, receiver.url);
    const params = { id: x.id, webhookId: webhook.id };
    const off = await x.admin.client.call('PATCH /api/organizations/:id/webhooks/:webhookId', {
      params,
      body: { active: false, events: ['user.deleted', 'user.created'], description: 'changed' },
    });
    assert.deepEqual(
      [off.body.webhook.active, off.body.webhook.disabledReason, off.body.webhook.events, off.body.webhook.description],
      [false, 'manual', ['user.deleted', 'user.created'], 'changed'],
    );
    const on = await x.admin.client.call('PATCH /api/organizations/:id/webhooks/:webhookId', {
      params,
      body: { active: true },
    });
    assert.deepEqual([on.body.webhook.active, on.body.webhook.disabledReason], [true, null]);
    for (const [body, field, code] of [
      [{ url: 'ftp://example.com/x', events: ['user.created'] }, 'url', 'invalid_url'],
      [{ url: 'https://user:pw@example.com/', events: ['user.created'] }, 'url', 'invalid_url'],
      [{ url: 'https://example.com/', events: ['nope'] }, 'events.0', 'invalid_event'],
      [{ url: 'https://example.com/', events: [] }, 'events', 'required'],
    ] as const) {
      const res = await x.admin.client.post(`/api/organizations/${x.id}/webhooks`, body);
      assert.deepEqual([res.status, res.body.error.fields?.[field]], [400, code], JSON.stringify(body));
    }
    const gone = await x.admin.client.call('DELETE /api/organizations/:id/webhooks/:webhookId', { params });
    assert.equal(gone.status, 200);
    const again = await x.admin.client.call('DELETE /api/organizations/:id/webhooks/:webhookId', { params });
    assert.deepEqual([again.status, again.error?.code], [404, 'not_found']);
  });

  it("answers another organization's webhook and delivery ids with 404, members below admin with 403 (F1)", async () => {
    const { webhook } = await createWebhook(x.admin, x.id, receiver.url);
    await x.admin.client.call('POST /api/organizations/:id/webhooks/:webhookId/test', {
      params: { id: x.id, webhookId: webhook.id },
      body: {},
    });
    const [delivery] = await server.db.knex('webhook_deliveries').where({ webhook_id: webhook.id });
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/organizations/${y.id}/webhooks/${webhook.id}/deliveries`],
      ['GET', `/api/organizations/${y.id}/webhooks/${webhook.id}/deliveries/${delivery.id}`],
      ['POST', `/api/organizations/${y.id}/webhooks/${webhook.id}/deliveries/${delivery.id}/replay`, {}],
      ['PATCH', `/api/organizations/${y.id}/webhooks/${webhook.id}`, { active: false }],
      ['DELETE', `/api/organizations/${y.id}/webhooks/${webhook.id}`],
      ['POST', `/api/organizations/${y.id}/webhooks/${webhook.id}/rotate-secret`, {}],
      ['POST', `/api/organizations/${y.id}/webhooks/${webhook.id}/test`, {}],
      ['GET', `/api/organizations/${x.id}/webhooks/not-a-uuid/deliveries`],
    ];
    for (const [method, path, body] of attempts) {
      const res = await y.owner.client.request(method, path, body);
      assert.deepEqual([res.status, res.body.error?.code], [404, 'not_found'], `${method} ${path}`);
    }
    // X's own delivery through Y's endpoint id: still 404.
    const yHook = await createWebhook(y.admin, y.id, receiver.url);
    const crossed = await y.owner.client.request(
      'GET',
      `/api/organizations/${y.id}/webhooks/${yHook.webhook.id}/deliveries/${delivery.id}`,
    );
    assert.equal(crossed.status, 404);
    const member = await x.member.client.call('GET /api/organizations/:id/webhooks', { params: { id: x.id } });
    assert.deepEqual([member.status, member.error?.code], [403, 'forbidden_role']);
    assert.equal((await server.db.knex('webhooks').where({ id: webhook.id }).first()).is_active, true);
  });

  it('lets tokens with webhooks:manage of that organization manage its webhooks, and no other token', async () => {
    const manage = (await createToken(x.owner, x.id, ['webhooks:manage'])).secret;
    const members = (await createToken(x.owner, x.id, ['members:read'])).secret;
    const yManage = (await createToken(y.owner, y.id, ['webhooks:manage'])).secret;
    const created = await tokenClient(server, manage).call('POST /api/organizations/:id/webhooks', {
      params: { id: x.id },
      body: { url: receiver.url, events: ['user.deleted'] },
    });
    assert.equal(created.status, 201);
    const catalogue = await tokenClient(server, manage).call('GET /api/organizations/:id/webhooks/events', {
      params: { id: x.id },
    });
    assert.ok(catalogue.body.categories.some((c) => c.events.includes('organization.member_added')));
    const scoped = await tokenClient(server, members).call('GET /api/organizations/:id/webhooks', {
      params: { id: x.id },
    });
    assert.deepEqual([scoped.status, scoped.error?.code], [403, 'api_token_scope']);
    const other = await tokenClient(server, yManage).call('GET /api/organizations/:id/webhooks', {
      params: { id: x.id },
    });
    assert.deepEqual([other.status, other.error?.code], [404, 'not_found']);
  });
});
