/**
 * Helpers for tests that go through the sign-in flows for real: reading what acct mailed (from
 * the development outbox, after one pass of the mail worker), following a link's hosted page,
 * and making a signed-in, verified account in one call.
 */
import assert from 'node:assert/strict';
import type { Services } from '../services';
import type { OutboxMessage } from '../../contract/mail';
import { TestClient, TEST_ORIGIN } from './http-client';
import { drainMailQueue } from './mail';

/** The newest message to `to` (optionally of one template), after sending what is queued. */
export async function latestMail(services: Services, to: string, template?: string): Promise<OutboxMessage> {
  await drainMailQueue(services);
  const message = (await services.mail.outbox(500)).find(
    (m) => m.to === to.toLowerCase() && (!template || m.template === template),
  );
  assert.ok(message, `no ${template ?? ''} mail to ${to}`);
  return message;
}

/** The first link in a message's text. */
export function linkIn(message: { text: string }): URL {
  const match = /https?:\/\/\S+/.exec(message.text);
  assert.ok(match, `no link in: ${message.text}`);
  return new URL(match[0]);
}

/** Confirms a hosted link (its POST) and returns where the server sends the browser. */
export async function followLink(client: TestClient, link: URL, fields: Record<string, string> = {}) {
  return client.postForm(link.pathname, { token: link.searchParams.get('token') ?? '', ...fields });
}

/** The exchange code in a hand-over redirect's fragment. */
export function codeFrom(location: string | null): string {
  assert.ok(location, 'no redirect');
  const code = new URLSearchParams(new URL(location).hash.slice(1)).get('acct_code');
  assert.ok(code, `no acct_code in ${location}`);
  return code;
}

/**
 * Exchanges the code of a hand-over redirect as the page it returned to would, with the client's
 * browser key; `confirm` answers the "Sign in as …?" question a code from another browser raises.
 */
export function exchange(client: TestClient, location: string | null, { confirm = false } = {}) {
  return client.post('/api/session/exchange', {
    code: codeFrom(location),
    browserKey: client.browserKey,
    ...(confirm ? { confirm } : {}),
  });
}

/**
 * Turns `client`'s session into a hand-over code as acct's hosted sign-in page does (its Origin,
 * which anything outside a browser can also send); the redirect carrying the code.
 */
export async function handOverFrom(client: TestClient, serverUrl: string): Promise<string> {
  const handed = await client.post(
    '/api/session/hand-over',
    { redirectUrl: `${TEST_ORIGIN}/`, browserKey: client.browserKey },
    { Origin: serverUrl },
  );
  assert.equal(handed.status, 200, JSON.stringify(handed.body));
  return handed.body.url as string;
}

let counter = 0;
/** A fresh unique address. */
export const uniqueEmail = (label = 'user') =>
  `${label}-${process.pid}-${++counter}-${Date.now().toString(36)}@example.test`;

/** Signs up, confirms the email through the hosted page and exchanges the code: a signed-in client. */
export async function signedUpClient(
  services: Services,
  baseUrl: string,
  {
    email = uniqueEmail(),
    password = 'correct horse battery staple',
    userAgent,
  }: { email?: string; password?: string; userAgent?: string } = {},
): Promise<{ client: TestClient; email: string; password: string }> {
  const client = new TestClient(baseUrl, { origin: TEST_ORIGIN, ...(userAgent ? { userAgent } : {}) });
  const signUp = await client.post('/api/auth/sign-up', {
    email,
    password,
    redirectUrl: `${TEST_ORIGIN}/welcome`,
    browserKey: client.browserKey,
  });
  assert.equal(signUp.status, 202, JSON.stringify(signUp.body));
  const confirmed = await followLink(client, linkIn(await latestMail(services, email, 'verifyEmail')));
  assert.equal(confirmed.status, 303, confirmed.text);
  const exchanged = await exchange(client, confirmed.location);
  assert.equal(exchanged.body.status, 'signed_in', JSON.stringify(exchanged.body));
  if (exchanged.body.session.token) client.bearer = exchanged.body.session.token;
  return { client, email, password };
}
