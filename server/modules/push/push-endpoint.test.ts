/**
 * The Web Push SSRF guard (docs/security.md W1) and the push settings, without a database:
 * which endpoints a subscription may name, which resolved addresses a push may be posted to, and
 * how ACCT_VAPID_* and ACCT_PUSH_ALLOW_LOOPBACK are read.
 */
import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { describe, it } from 'node:test';
import webpush from 'web-push';
import { addressAllowed, endpointAllowed, guardedLookup, RefusedAddressError } from './push-endpoint';
import { parsePushSettings } from './push-settings';

describe('push endpoint guard', () => {
  it('accepts the https addresses of real push services', () => {
    for (const endpoint of [
      'https://fcm.googleapis.com/fcm/send/abc:def',
      'https://updates.push.services.mozilla.com/wpush/v2/gAAAA',
      'https://web.push.apple.com/QGuQ',
      'https://wns2-par02p.notify.windows.com/w/?token=BQYAAA',
    ]) {
      assert.equal(endpointAllowed(endpoint, false), true, endpoint);
    }
  });

  it('refuses plain http, credentials, private and special addresses and internal names', () => {
    for (const endpoint of [
      'http://fcm.googleapis.com/fcm/send/x',
      'ftp://push.example.com/x',
      'https://user:pass@push.example.com/x',
      'https://127.0.0.1/x',
      'https://localhost/x',
      'https://api.localhost/x',
      'https://10.0.0.8/x',
      'https://172.20.1.1/x',
      'https://192.168.1.1/x',
      'https://100.64.0.1/x',
      'https://169.254.169.254/latest/meta-data',
      'https://0.0.0.0/x',
      'https://2130706433/x',
      'https://0x7f.1/x',
      'https://[::1]/x',
      'https://[fe80::1]/x',
      'https://[fd12:3456::1]/x',
      'https://[::ffff:10.0.0.1]/x',
      // IPv4 inside IPv6: 6to4 (127.0.0.1), Teredo, local NAT64; and the deprecated site-local range.
      'https://[2002:7f00:1::]/x',
      'https://[2001:0:7f00:1::]/x',
      'https://[64:ff9b:1::a00:1]/x',
      'https://[fec0::1]/x',
      'https://metadata/x',
      'https://printer.local/x',
      'https://db.internal/x',
      'not a url',
    ]) {
      assert.equal(endpointAllowed(endpoint, false), false, endpoint);
    }
  });

  it('lets loopback through, over http too, only when ACCT_PUSH_ALLOW_LOOPBACK is on', () => {
    assert.equal(endpointAllowed('http://127.0.0.1:4123/push/1', true), true);
    assert.equal(endpointAllowed('http://localhost:4123/push/1', true), true);
    assert.equal(endpointAllowed('https://[::1]:4123/push/1', true), true);
    assert.equal(endpointAllowed('http://10.0.0.1/push/1', true), false, 'private stays refused');
    assert.equal(endpointAllowed('http://push.example.com/1', true), false, 'http stays loopback-only');
    assert.equal(addressAllowed('127.0.0.1', true), true);
    assert.equal(addressAllowed('192.168.0.1', true), false);
    assert.equal(addressAllowed('142.250.74.138', false), true);
    assert.equal(addressAllowed('2a00:1450:4007:80e::200a', false), true);
    assert.equal(addressAllowed('::ffff:127.0.0.1', false), false);
  });

  it('refuses at connection time a name that resolves to a refused address (DNS rebinding)', async () => {
    const resolve = (allowLoopback: boolean) =>
      new Promise<{ error: Error | null; address: string | LookupAddress[] }>((done) =>
        guardedLookup(allowLoopback)('localhost', { family: 4 }, (error, address) => done({ error, address })),
      );
    const refused = await resolve(false);
    assert.ok(refused.error instanceof RefusedAddressError);
    const allowed = await resolve(true);
    assert.equal(allowed.error, null);
    assert.equal(allowed.address, '127.0.0.1');
  });
});

describe('push settings', () => {
  const mailFrom = 'Stagehand <no-reply@stagehand.example>';

  it('defaults: keys kept in the database, subject the mail from-address, no loopback', () => {
    assert.deepEqual(parsePushSettings({}, { mailFrom }), {
      settings: { vapidKeys: undefined, subject: 'mailto:no-reply@stagehand.example', allowLoopbackEndpoints: false },
      problems: [],
    });
  });

  it('takes a key pair, a subject and the loopback flag from the environment', () => {
    const keys = webpush.generateVAPIDKeys();
    const { settings, problems } = parsePushSettings(
      {
        ACCT_VAPID_PUBLIC_KEY: keys.publicKey,
        ACCT_VAPID_PRIVATE_KEY: keys.privateKey,
        ACCT_VAPID_SUBJECT: 'https://stagehand.example/contact',
        ACCT_PUSH_ALLOW_LOOPBACK: 'true',
      },
      { mailFrom },
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      vapidKeys: keys,
      subject: 'https://stagehand.example/contact',
      allowLoopbackEndpoints: true,
    });
  });

  it('names each bad setting', () => {
    const one = webpush.generateVAPIDKeys();
    const other = webpush.generateVAPIDKeys();
    const problems = (env: Record<string, string>) => parsePushSettings(env, { mailFrom }).problems;
    assert.match(problems({ ACCT_VAPID_PUBLIC_KEY: one.publicKey })[0]!, /set both or neither/);
    assert.match(
      problems({ ACCT_VAPID_PUBLIC_KEY: one.publicKey, ACCT_VAPID_PRIVATE_KEY: other.privateKey })[0]!,
      /ACCT_VAPID_PRIVATE_KEY/,
    );
    assert.match(
      problems({ ACCT_VAPID_PUBLIC_KEY: one.publicKey, ACCT_VAPID_PRIVATE_KEY: 'short' })[0]!,
      /ACCT_VAPID_PRIVATE_KEY/,
    );
    assert.match(problems({ ACCT_VAPID_SUBJECT: 'http://stagehand.example' })[0]!, /ACCT_VAPID_SUBJECT/);
    assert.match(problems({ ACCT_PUSH_ALLOW_LOOPBACK: 'maybe' })[0]!, /ACCT_PUSH_ALLOW_LOOPBACK/);
  });
});
