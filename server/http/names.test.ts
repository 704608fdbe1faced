/**
 * One rule for every name people see (validate.ts `nameField`), on each database, route by route:
 * display names (sign-up, `PATCH /api/me`, the onboarding profile step), organization names
 * (create, rename, the onboarding organization step), passkey names (register, rename) and what
 * administrators name (paths, their steps, checklist items, templates). Bidirectional overrides
 * and isolates, line breaks, tabs and NUL are refused with 400 `invalid_request` naming the field
 * (`invalid_characters`); names in any script, with accents or emoji, are kept, in NFC, trimmed (of
 * invisible characters too: a name of only those is empty).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../start';
import { signedUpClient, uniqueEmail } from '../testing/accounts';
import { adminClient } from '../testing/admin';
import { describeOnEachDatabase } from '../testing/databases';
import { TestClient, TEST_ORIGIN, type JsonAnswer } from '../testing/http-client';
import { SoftAuthenticator } from '../testing/soft-authenticator';
import { startTestServer } from '../testing/test-server';

/** Each refused character, inside an otherwise ordinary name. */
const REFUSED: Record<string, string> = {
  'RIGHT-TO-LEFT OVERRIDE': '\u202E',
  'LEFT-TO-RIGHT ISOLATE': '\u2066',
  'line feed': '\n',
  'carriage return': '\r',
  tab: '\t',
  NUL: '\u0000',
  'LINE SEPARATOR': '\u2028',
  'next line (C1)': '\u0085',
};

/** Ordinary names in several scripts; each must be kept as sent. */
const ACCEPTED = [
  'Zoë Saldaña-Ñúñez',
  '山田 太郎',
  '김민준',
  'محمد علي',
  'Ада Лавлейс',
  '👩‍🚀 Ada 🚀',
  'Ørsted & Sønner',
];

/** A name sent decomposed (e + U+0301) and padded comes back composed and trimmed. */
const DECOMPOSED = '  Jose\u0301 Mari\u0301a  ';
const COMPOSED = 'José María';

interface NameRoute {
  /** What is named, for messages. */
  label: string;
  /** The field an error must name. */
  field: string;
  /** Sends `name` to the route. */
  send(name: string): Promise<JsonAnswer>;
  /** The name as the answer gives it back, where the answer does. */
  saved?(answer: JsonAnswer): unknown;
}

describeOnEachDatabase('names people see', (getDb) => {
  let server: RunningServer;
  let routes: NameRoute[];

  before(async () => {
    server = await startTestServer(getDb(), {
      env: {
        ACCT_RATE_LIMITS:
          'sign-up:ip=100000/60 mail:ip=100000/60 mail:address=100000/60 sign-in:ip=100000/60 passkey-options:ip=100000/60',
      },
    });
    const { client: admin } = await adminClient(server);
    const org = (await admin.post('/api/organizations', { name: 'Names Ltd' })).body.organization;
    // A new authenticator each time: one credential registers once.
    const registerPasskey = async (name?: string) => {
      const options = (await admin.post('/api/passkeys/register/options')).body;
      return admin.post('/api/passkeys/register/verify', {
        response: new SoftAuthenticator().register(options),
        ...(name === undefined ? {} : { name }),
      });
    };
    const passkey = (await registerPasskey()).body.passkey;

    // A user part-way through the default path, at the profile step, and one at the organization step.
    const onboarding = async (upTo: 'profile' | 'organization') => {
      const { client } = await signedUpClient(server.services, server.url);
      await client.post('/api/onboarding/start', {});
      assert.equal((await client.post('/api/onboarding/steps/welcome/complete', {})).status, 200);
      if (upTo === 'organization') {
        const profile = await client.post('/api/onboarding/steps/profile/complete', { data: { displayName: 'Ada' } });
        assert.equal(profile.status, 200, JSON.stringify(profile.body));
      }
      return client;
    };
    const atProfile = await onboarding('profile');
    const atOrganization = await onboarding('organization');

    routes = [
      {
        label: 'sign-up display name',
        field: 'displayName',
        send: (name) =>
          new TestClient(server.url, { origin: TEST_ORIGIN }).post('/api/auth/sign-up', {
            email: uniqueEmail('names'),
            password: 'correct horse battery staple',
            displayName: name,
          }),
      },
      {
        label: 'PATCH /api/me display name',
        field: 'displayName',
        send: (name) => admin.request('PATCH', '/api/me', { displayName: name }),
        saved: (a) => a.body.user.displayName,
      },
      {
        label: 'onboarding profile step display name',
        field: 'displayName',
        send: (name) => atProfile.post('/api/onboarding/steps/profile/save', { data: { displayName: name } }),
      },
      {
        label: 'onboarding organization step name',
        field: 'name',
        send: (name) =>
          atOrganization.post('/api/onboarding/steps/organization/save', { data: { mode: 'create', name } }),
      },
      {
        label: 'new organization name',
        field: 'name',
        send: (name) => admin.post('/api/organizations', { name }),
        saved: (a) => a.body.organization.name,
      },
      {
        label: 'organization rename',
        field: 'name',
        send: (name) => admin.request('PATCH', `/api/organizations/${org.id}`, { name }),
        saved: (a) => a.body.organization.name,
      },
      {
        label: 'new passkey name',
        field: 'name',
        send: (name) => registerPasskey(name),
        saved: (a) => a.body.passkey.name,
      },
      {
        label: 'passkey rename',
        field: 'name',
        send: (name) => admin.request('PATCH', `/api/passkeys/${passkey.id}`, { name }),
        saved: (a) => a.body.passkey.name,
      },
      {
        label: 'onboarding path name',
        field: 'name',
        send: (name) =>
          admin.post('/api/admin/onboarding/paths', {
            name,
            isActive: false,
            steps: [{ key: 'welcome', title: 'Welcome' }],
          }),
      },
      {
        label: 'onboarding step title',
        field: 'steps.0.title',
        send: (title) =>
          admin.post('/api/admin/onboarding/paths', {
            name: 'Titles',
            isActive: false,
            steps: [{ key: 'welcome', title }],
          }),
      },
      {
        label: 'checklist item title',
        field: 'title',
        send: (title) =>
          admin.post('/api/admin/checklist/items', { key: `item_${randomUUID().slice(0, 8)}`, title, isActive: false }),
      },
      {
        label: 'template name',
        field: 'name',
        send: (name) => admin.post('/api/admin/templates', { name, templateData: {}, isActive: false }),
      },
    ];
  });
  after(() => server.close());

  it('refuses bidi overrides and isolates, line breaks, tabs and NUL in every name, naming the field', async () => {
    for (const route of routes) {
      for (const [what, character] of Object.entries(REFUSED)) {
        const res = await route.send(`Ada${character}Lovelace`);
        const label = `${route.label} with a ${what}`;
        assert.equal(res.status, 400, `${label}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, 'invalid_request', label);
        // The onboarding steps name the field inside `data` (`displayName`), except for NUL, which
        // the body's own check finds first (`data.displayName`): either names it.
        const fields = Object.entries(res.body.error.fields ?? {});
        assert.equal(fields.length, 1, `${label}: ${JSON.stringify(res.body)}`);
        const [key, code] = fields[0]!;
        assert.ok(key === route.field || key.endsWith(`.${route.field}`), `${label}: names ${key}`);
        assert.equal(code, 'invalid_characters', label);
      }
    }
  });

  it('keeps names in every script, with accents and emoji, in NFC and trimmed', async () => {
    for (const route of routes) {
      for (const name of ACCEPTED) {
        const res = await route.send(name);
        assert.ok(
          res.status >= 200 && res.status < 300,
          `${route.label} "${name}": ${res.status} ${JSON.stringify(res.body)}`,
        );
        if (route.saved) assert.equal(route.saved(res), name, route.label);
      }
      const res = await route.send(DECOMPOSED);
      assert.ok(res.status >= 200 && res.status < 300, `${route.label} decomposed: ${JSON.stringify(res.body)}`);
      if (route.saved) assert.equal(route.saved(res), COMPOSED, `${route.label}: normalised to NFC and trimmed`);
    }
  });

  it('refuses an empty name (spaces only) as required, and one of only invisible characters too', async () => {
    // Zero-width space, Hangul filler, blank Braille pattern, word joiner, a variation selector.
    for (const route of routes) {
      for (const empty of [' \u00A0 ', '\u200B', '\u3164', '\u2800', '\u2060\uFE0F']) {
        const res = await route.send(empty);
        const label = `${route.label} ${JSON.stringify(empty)}`;
        assert.deepEqual([res.status, res.body.error?.fields], [400, { [route.field]: 'required' }], label);
      }
    }
  });

  it('drops what is invisible at the ends of a name, which would hide what it reads', async () => {
    for (const route of routes.filter((r) => r.saved)) {
      const res = await route.send('\u200B\u3164Ada Lovelace\u200D\u2800');
      assert.equal(route.saved!(res), 'Ada Lovelace', route.label);
    }
  });
});
