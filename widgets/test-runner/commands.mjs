/**
 * The commands the element tests send with `executeServerCommand` (src/testing/helpers.ts,
 * src/testing/webauthn.ts, src/testing/layout.ts): what a test cannot do from inside the page —
 * submit an emailed link's hosted form, drive a DevTools virtual authenticator, change rows only
 * the database can change, save a screenshot. `runCommand` answers them for the servers' plugin
 * (servers.mjs); an unknown command answers `undefined`, which lets another plugin answer it.
 */
/* global fetch */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VIRTUAL_AUTHENTICATOR } from '../../scripts/find-chrome.ts';
import { handOverUrl } from '../../server/modules/sessions/hand-over.ts';

// Git ignores the folder; the element tests write one PNG per state, light and dark, at phone width.
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/**
 * `acct-screenshot { name, clip }`: a PNG of the page's `clip` rectangle (CSS pixels, page
 * coordinates) saved as `<name>.png` under test-results/screenshots/. The name comes from the
 * test; only letters, digits, `-` and `/` are kept, so it stays inside that folder.
 * @param {any} session the test session; its `browser` is the chrome launcher
 * @param {{ name: string, clip: { x: number, y: number, width: number, height: number } }} payload
 */
async function saveScreenshot(session, { name, clip }) {
  const safe = name
    .toLowerCase()
    .replace(/[^a-z0-9/-]+/g, '-')
    .split('/')
    .filter((part) => part && part !== '..')
    .join('/');
  const path = join(SCREENSHOTS, `${safe || 'screenshot'}.png`);
  await mkdir(dirname(path), { recursive: true });
  /** @type {import('puppeteer-core').Page} */
  const page = session.browser.getPage(session.id);
  await page.screenshot({ path: /** @type {`${string}.png`} */ (path), clip, captureBeyondViewport: true });
  return path;
}

/**
 * `acct-submit-hosted-form { url, fields }`: plays the user on a hosted page an emailed link opens
 * (confirm the address, choose a new password, continue signing in). The page posts only to its
 * own origin, which the test page is not, so Node fills in and posts the form instead, and hands
 * back where the server redirects to: the test page, with the code in its fragment.
 * @param {{ url: string, fields?: Record<string, string> }} payload
 */
async function submitHostedForm({ url, fields = {} }) {
  const page = await fetch(url);
  const html = await page.text();
  const hidden = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
  );
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? new URL(url).pathname;
  const answer = await fetch(new URL(action, url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...hidden, ...fields }).toString(),
    redirect: 'manual',
  });
  return { status: answer.status, location: answer.headers.get('location') };
}

/**
 * DevTools sessions on test pages, by test session id. The chrome launcher reuses its pages from
 * one test file to the next, so a file removes what it attached (`remove`), and whatever is left
 * goes with the session when the page closes.
 * @type {Map<string, { cdp: import('puppeteer-core').CDPSession, authenticatorId: string }>}
 */
const authenticators = new Map();

/**
 * `acct-virtual-authenticator { action }`: Chromium's virtual authenticator on the test page, as a
 * platform passkey provider would be (CTAP2, internal, discoverable credentials, user verified,
 * presence answered at once). Actions: `add` (replacing any), `remove`, `presence` (`enabled`:
 * whether it answers; off, a request waits, which is how a test keeps autofill pending), and
 * `credentials` (what it holds).
 * @param {any} session the test session; its `browser` is the chrome launcher
 * @param {{ action: 'add' | 'remove' | 'presence' | 'credentials', enabled?: boolean }} payload
 */
async function virtualAuthenticator(session, { action, enabled }) {
  const existing = authenticators.get(session.id);
  if (action === 'add' || action === 'remove') {
    if (existing) {
      authenticators.delete(session.id);
      await existing.cdp
        .send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: existing.authenticatorId })
        .catch(() => undefined);
      await existing.cdp.detach().catch(() => undefined);
    }
    if (action === 'remove') return true;
    /** @type {import('puppeteer-core').Page} */
    const page = session.browser.getPage(session.id);
    const cdp = await page.createCDPSession();
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { ...VIRTUAL_AUTHENTICATOR },
    });
    authenticators.set(session.id, { cdp, authenticatorId });
    return true;
  }
  if (!existing) throw new Error('no virtual authenticator on this page: add one first');
  const { cdp, authenticatorId } = existing;
  if (action === 'presence') {
    await cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId, enabled: Boolean(enabled) });
    return true;
  }
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  return credentials.map((c) => ({ id: c.credentialId, rpId: c.rpId, userName: c.userName, signCount: c.signCount }));
}

/**
 * Changes only the database can make, on the servers' shared database.
 * @param {import('../../server/db/database.ts').Database} database
 * @param {string} command
 * @param {any} payload
 */
async function databaseCommand(database, command, payload) {
  const { knex } = database;
  if (command === 'acct-age-session') {
    // Moves a session's sign-in back in time and forgets any re-authentication, past the ten
    // minutes within which sensitive changes may be made (docs/security.md F3): no test should
    // wait ten minutes.
    const { sessionId, seconds } = /** @type {{ sessionId: string, seconds: number }} */ (payload);
    await knex('user_sessions')
      .where({ id: sessionId })
      .update({ created_at: knex.raw('now() - make_interval(secs => ?)', [seconds]), reauthenticated_at: null });
    return true;
  }
  if (command === 'acct-expire-session') {
    // Moves a session's absolute expiry into the past, as if its thirty days had gone by.
    const { sessionId } = /** @type {{ sessionId: string }} */ (payload);
    const updated = await knex('user_sessions')
      .where({ id: sessionId })
      .update({ expires_at: knex.raw("now() - interval '1 second'") });
    return updated === 1;
  }
  if (command === 'acct-confirm-address') {
    // Marks an account's address as proven by its owner, as confirming the sign-up mail would:
    // test accounts are made on servers without email verification, and the first proof of
    // an address (an invitation accepted, say) otherwise drops the password they signed up
    // with (server/modules/users/address-proof.ts).
    const { email } = /** @type {{ email: string }} */ (payload);
    const updated = await knex('auth.users')
      .whereRaw('lower(email) = lower(?)', [email])
      .update({ email_verified_at: knex.fn.now() });
    return updated === 1;
  }
  if (command === 'acct-notify') {
    // Puts a notification in an account's in-app feed, as the dispatcher would deliver it; its id.
    const {
      email,
      title,
      body = '',
      url = null,
    } = /** @type {{ email: string, title: string, body?: string, url?: string | null }} */ (payload);
    const user = await knex('auth.users').whereRaw('lower(email) = lower(?)', [email]).first('id');
    if (!user) return undefined;
    const [row] = await knex('notifications')
      .insert({ user_id: user.id, event_type: 'comments', category: 'activity', title, body, url })
      .returning('id');
    return row.id;
  }
  if (command === 'acct-link-account') {
    // Links a provider account to an account, as the OAuth flow would; answers its id.
    const {
      email,
      provider,
      providerEmail = null,
    } = /** @type {{ email: string, provider: string, providerEmail?: string | null }} */ (payload);
    const user = await knex('auth.users').whereRaw('lower(email) = lower(?)', [email]).first('id');
    if (!user) return undefined;
    const [row] = await knex('oauth_accounts')
      .insert({ user_id: user.id, provider, provider_user_id: randomUUID(), provider_email: providerEmail })
      .returning('id');
    return row.id;
  }
  if (command === 'acct-leave-linked-accounts-only') {
    // Leaves an account no way to sign in but its linked accounts (users/sign-in-methods.ts): no
    // password, an unproven address (so no magic links). Such a user signs in through a provider:
    // `acct-provider-sign-in-code` gives the hand-over code a provider sign-in would.
    const { email } = /** @type {{ email: string }} */ (payload);
    const updated = await knex('auth.users')
      .whereRaw('lower(email) = lower(?)', [email])
      .update({ email_verified_at: null, password_hash: null });
    return updated === 1;
  }
  if (command === 'acct-provider-sign-in-code') {
    // The hand-over code an OAuth sign-in of this account with `provider` ends with
    // (server/modules/oauth/oauth.service.ts), for the page to exchange with `exchangeCode`.
    const { email, provider } = /** @type {{ email: string, provider: string }} */ (payload);
    const user = await knex('auth.users').whereRaw('lower(email) = lower(?)', [email]).first('id');
    if (!user) return undefined;
    const url = await handOverUrl(knex, {
      userId: user.id,
      method: `oauth_${provider}`,
      flow: 'oauth',
      redirectUrl: 'http://localhost/',
      browserKeyHash: null,
    });
    return new URLSearchParams(new URL(url).hash.slice(1)).get('acct_code');
  }
  if (command === 'acct-data-export') {
    // Writes a data export request in a given state, as the build job would leave it, so a test
    // sets up a history or a stuck export at will: `id` given, updates that one; else adds one for `email`.
    const { id, email, status, format = 'json', downloadUrl = null } = /** @type {any} */ (payload);
    const ready =
      status === 'ready'
        ? {
            file_size_bytes: 5120,
            completed_at: knex.fn.now(),
            expires_at: knex.raw("now() + interval '7 days'"),
            download_url: downloadUrl,
          }
        : {};
    if (id)
      return (
        (await knex('data_export_requests')
          .where({ id })
          .update({ status, ...ready })) === 1
      );
    const user = await knex('auth.users').whereRaw('lower(email) = lower(?)', [email]).first('id');
    if (!user) return undefined;
    const [row] = await knex('data_export_requests')
      .insert({ user_id: user.id, status, format, ...ready })
      .returning('id');
    return row.id;
  }
  if (command === 'acct-grant-admin') {
    // Makes an account an acct administrator, as `npm run admin:grant` does: the onboarding
    // tests create their own paths and templates through the admin API.
    const { email } = /** @type {{ email: string }} */ (payload);
    const updated = await knex('auth.users').whereRaw('lower(email) = lower(?)', [email]).update({ app_role: 'admin' });
    return updated === 1;
  }
  return undefined;
}

/**
 * Answers one test command; `undefined` for a command that is not acct's.
 * @param {{ command: string, payload: unknown, session: any, database: import('../../server/db/database.ts').Database | undefined }} request
 */
export async function runCommand({ command, payload, session, database }) {
  if (command === 'acct-submit-hosted-form') return submitHostedForm(/** @type {any} */ (payload));
  if (command === 'acct-virtual-authenticator') return virtualAuthenticator(session, /** @type {any} */ (payload));
  if (command === 'acct-screenshot') return saveScreenshot(session, /** @type {any} */ (payload));
  if (!command.startsWith('acct-')) return undefined;
  if (!database) throw new Error(`${command}: the test database is not open`);
  return databaseCommand(database, command, payload);
}
