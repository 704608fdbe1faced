/**
 * Helpers for the elements' Chromium tests, all against the real test servers (see
 * widgets/web-test-runner.config.mjs): unique accounts, a clean signed-out page before each test,
 * a second session made "on another device", the dev outbox, and the hosted pages an emailed link
 * opens. Nothing here mocks the network; it only talks to the servers the way another browser would.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import type { SignedIn } from '../../../contract/auth.js';
import type { OutboxMessage } from '../../../contract/mail.js';
import type { ResponseOf } from '../../../contract/routes.js';
import { sessionStore } from '../core/session-store.js';

export const PASSWORD = 'correct horse battery staple';

/** An address no other test uses. */
export const uniqueEmail = (tag = 'user') => `${tag}-${crypto.randomUUID()}@example.test`;

/** A JSON request as another device would send it: no cookie of this page's, none kept (`credentials: 'omit'`). */
export async function post<T>(
  server: string,
  path: string,
  body: unknown,
  init: RequestInit = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server}${path}`, {
    method: 'POST',
    credentials: 'omit',
    ...init,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...init.headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/**
 * A new account, signed in on "another device": created on the bearer server (no email
 * verification, and the token comes back in the body). Every server shares the database, so the
 * account works on all of them. Its address counts as confirmed by its owner, as after the
 * sign-up mail's link (`confirmed: false` leaves it unproven: then the first proof of the address,
 * an invitation accepted say, drops its password and ends its sessions).
 */
export async function createAccount({
  displayName = 'Ada Lovelace',
  email = uniqueEmail(),
  confirmed = true,
} = {}): Promise<{
  email: string;
  password: string;
  token: string;
  signedIn: SignedIn;
}> {
  const answer = await post<SignedIn>(testServers.bearer, '/api/auth/sign-up', {
    email,
    password: PASSWORD,
    displayName,
  });
  if (answer.status !== 200 || !answer.body.session.token)
    throw new Error(`sign-up answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  if (confirmed && !(await executeServerCommand('acct-confirm-address', { email })))
    throw new Error(`could not confirm ${email}`);
  return { email, password: PASSWORD, token: answer.body.session.token, signedIn: answer.body };
}

/**
 * A new password account (see createAccount), and this page signed in to it on `server` through
 * the page's store. `before` runs between the two: what the element's first load should find
 * already there (feed entries, linked providers…).
 */
export async function signInNewAccount(
  server: string,
  { before, ...options }: Parameters<typeof createAccount>[0] & { before?: (email: string) => Promise<unknown> } = {},
) {
  const account = await createAccount(options);
  await before?.(account.email);
  const store = await settledStore(server);
  await store.signIn({ email: account.email, password: PASSWORD });
  return { ...account, store };
}

/** Another session for an existing account, from "another device" (its token; no cookie set here). */
export async function signInElsewhere(email: string, password = PASSWORD): Promise<SignedIn> {
  const answer = await post<SignedIn>(testServers.bearer, '/api/auth/sign-in', { email, password });
  if (answer.status !== 200) throw new Error(`sign-in answered ${answer.status}`);
  return answer.body;
}

const ALL_SERVERS = () => [
  testServers.main,
  testServers.passwordOnly,
  testServers.instant,
  testServers.bearer,
  testServers.limited,
  testServers.noMagicLink,
  testServers.oauth,
  testServers.oauthDown,
];

/**
 * Signs this page out everywhere: the cookie servers share one cookie jar (cookies ignore ports),
 * and each server's store on the page forgets its user and token. Call it before each test.
 */
export async function signOutEverywhere(): Promise<void> {
  for (const server of ALL_SERVERS()) {
    await sessionStore(server)
      .signOut()
      .catch(() => undefined);
  }
}

/** The page's store for `server`, started and settled. */
export async function settledStore(server: string) {
  const store = sessionStore(server);
  await store.start();
  return store;
}

/** The newest mail to `to` in the server's dev outbox, waiting for it to be queued. */
export async function mailTo(server: string, to: string): Promise<OutboxMessage> {
  let found: OutboxMessage | undefined;
  await waitUntil(
    async () => {
      const response = await fetch(`${server}/api/dev/outbox`);
      const { messages } = (await response.json()) as ResponseOf<'GET /api/dev/outbox'>;
      found = messages.find((m) => m.to.includes(to));
      return found;
    },
    `no mail to ${to} in the outbox`,
    { timeout: 4000, interval: 100 },
  );
  return found!;
}

/**
 * The first link in `text` whose path is `path`, pointed at `server`: the test servers listen on
 * ports chosen at start-up, so their mail still names the default public URL (localhost:3000).
 */
export function linkIn(text: string, path: string, server: string): string {
  const link = (text.match(/https?:\/\/\S+/g) ?? []).map((url) => new URL(url)).find((url) => url.pathname === path);
  if (!link) throw new Error(`no ${path} link in:\n${text}`);
  return `${server}${link.pathname}${link.search}`;
}

/** Submits the hosted page at `url` (as its user would) and returns where the server sends the browser next. */
export function submitHostedForm(
  url: string,
  fields: Record<string, string> = {},
): Promise<{ status: number; location: string | null }> {
  return executeServerCommand('acct-submit-hosted-form', { url, fields });
}

/**
 * The addresses `action` sent requests to, through `fetch` (the elements' one way to the server):
 * for what must ask the server nothing, such as an element's methods while nobody is signed in.
 */
export async function requestsDuring(action: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const fetch = window.fetch;
  window.fetch = (input, init) => {
    sent.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
  try {
    await action();
  } finally {
    window.fetch = fetch;
  }
  return sent;
}

/** A new element with these attributes, not yet in the document. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

/** The first match of `selector` in the element's shadow root (or light DOM when it has none). */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  (el.shadowRoot ?? el).querySelector<T>(selector);

/** A node's text with runs of white space (no-break spaces included) folded to one space. */
export const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

/** Resolves with the next `name` event from `target`. */
export const nextEvent = <D = unknown>(target: EventTarget, name: string) =>
  new Promise<CustomEvent<D>>((resolve) =>
    target.addEventListener(name, (e) => resolve(e as CustomEvent<D>), { once: true }),
  );

/** This page's address without its fragment: what the elements send as `redirectUrl`. */
export const pageAddress = () => location.href.replace(/#.*$/, '');
