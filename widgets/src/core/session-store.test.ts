/**
 * The session store against the real servers: signing in and out with cookies and with bearer
 * tokens, the session check (`GET /api/session`, a 200 even for nobody), the cross-tab channel (a
 * message makes it re-read the session, even while a read is on its way; the token never goes
 * over it), sessions ended from another device noticed and explained (`signedOutReason`),
 * re-checked on focus, on visibility and on an interval but never while hidden, the console's fix
 * for a page the server does not allow, and the way back from an emailed link (the `#acct_code`
 * fragment, taken once and exchanged).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { testServers } from 'acct-test-env';
import type { SignedIn } from '../../../contract/auth.js';
import type { ApiError } from './api-client.js';
import { browserKey } from './browser-key.js';
import { SessionStore, sessionStore, type ChangeCause } from './session-store.js';
import { sessionWatch } from './session-watch.js';
import {
  createAccount,
  linkIn,
  mailTo,
  pageAddress,
  post,
  PASSWORD,
  signInElsewhere,
  signOutEverywhere,
  submitHostedForm,
  uniqueEmail,
} from '../testing/helpers.js';
import { watchPageProblems } from '../testing/webauthn.js';

/** Stores made here (not the page's singletons) are closed after each test. */
const made: SessionStore[] = [];
function freshStore(server: string): SessionStore {
  const store = new SessionStore(server);
  made.push(store);
  return store;
}

/** Signs in on the instant server as another tab of this browser would: the same cookie jar. */
async function signInAsAnotherTab(email: string): Promise<void> {
  const signedIn = await post(
    testServers.instant,
    '/api/auth/sign-in',
    { email, password: PASSWORD },
    { credentials: 'include' },
  );
  expect(signedIn.status).to.equal(200);
}

describe('SessionStore', () => {
  beforeEach(signOutEverywhere);
  afterEach(() => {
    for (const store of made.splice(0)) store.dispose();
    history.replaceState(null, '', pageAddress());
  });

  it('is one store per server on the page', () => {
    expect(sessionStore(testServers.main)).to.equal(sessionStore(testServers.main));
    expect(sessionStore(testServers.main)).not.to.equal(sessionStore(testServers.instant));
  });

  it('reads the server settings once for every element, and again after a failure', async () => {
    const store = freshStore(testServers.passwordOnly);
    const loading = store.config();
    expect(store.config(), 'one request, shared').to.equal(loading);
    expect(await loading).to.deep.include({
      productName: 'Password Only',
      sessionTransport: 'cookie',
      requireEmailVerification: true,
    });
    expect(store.config(), 'kept for the page').to.equal(loading);

    const down = freshStore(testServers.unreachable);
    const failed = down.config();
    expect(((await failed.catch((e: unknown) => e)) as ApiError).code).to.equal('network_error');
    const again = down.config();
    expect(again, 'a failure is not kept: the next call asks again').not.to.equal(failed);
    await again.catch(() => undefined);
  });

  it('signs in and out with the cookie, telling its subscribers', async () => {
    const { email } = await createAccount();
    const store = freshStore(testServers.instant);
    await store.start();
    expect(store.status).to.equal('signed-out');

    const causes: ChangeCause[] = [];
    store.subscribe((cause) => causes.push(cause));
    const { user } = (await store.signIn({ email, password: PASSWORD })) as SignedIn;
    expect(user.email).to.equal(email);
    expect(store.status).to.equal('signed-in');
    expect(store.user?.email).to.equal(email);
    expect(sessionStorage.getItem(`acct:token:${testServers.instant}`), 'no token in cookie mode').to.equal(null);

    // The cookie is what signs this page in: another store reading /api/me finds the same user.
    const other = freshStore(testServers.instant);
    await other.start();
    expect(other.user?.email).to.equal(email);

    await store.signOut();
    expect(store.status).to.equal('signed-out');
    expect(store.user).to.equal(null);
    expect(causes).to.deep.equal(['sign-in', 'sign-out']);
    await other.refresh();
    expect(other.status, 'the cookie is gone').to.equal('signed-out');
  });

  it('keeps a bearer token in memory and sessionStorage, sends it, and rotates it on the next page load', async () => {
    const { email } = await createAccount();
    const store = freshStore(testServers.bearer);
    await store.start();
    const { session } = (await store.signIn({ email, password: PASSWORD })) as SignedIn;
    const key = `acct:token:${testServers.bearer}`;
    expect(session.token).to.be.a('string');
    expect(sessionStorage.getItem(key)).to.equal(session.token);

    const sessions = await store.api.call('GET /api/sessions');
    expect(sessions.sessions.filter((s) => s.current)).to.have.length(1);

    // What the next page load does: a new store finds the token, swaps it for a fresh one, and is signed in.
    const next = freshStore(testServers.bearer);
    await next.start();
    expect(next.status).to.equal('signed-in');
    expect(next.user?.email).to.equal(email);
    const rotated = sessionStorage.getItem(key);
    expect(rotated).to.be.a('string').and.not.equal(session.token);

    await next.signOut();
    expect(sessionStorage.getItem(key)).to.equal(null);
  });

  it('reads who is signed in from GET /api/session, which answers a signed-out page with a 200, not a 401', async () => {
    const sessionUrl = `${testServers.instant}/api/session`;
    const checks = () => performance.getEntriesByName(sessionUrl) as PerformanceResourceTiming[];
    performance.setResourceTimingBufferSize(10_000);
    const before = checks().length;
    const store = freshStore(testServers.instant);
    await store.start();
    expect(store.status).to.equal('signed-out');
    const read = checks().slice(before);
    expect(read, 'one session check').to.have.length(1);
    expect(read[0]!.responseStatus).to.equal(200);
    expect(performance.getEntriesByName(`${testServers.instant}/api/me`).length, 'no /api/me').to.equal(0);
  });

  it('re-reads the session when another tab says it changed', async () => {
    const { email } = await createAccount();
    const store = freshStore(testServers.instant);
    await store.start();
    expect(store.status).to.equal('signed-out');

    // "Another tab" signs in: same cookie jar, then the nudge on the channel.
    await signInAsAnotherTab(email);
    const otherTab = new BroadcastChannel(store.channelName);
    try {
      const causes: ChangeCause[] = [];
      store.subscribe((cause) => causes.push(cause));
      otherTab.postMessage({ type: 'acct:session-changed' });
      await waitUntil(() => store.status === 'signed-in', 'the store did not re-read /api/me');
      expect(store.user?.email).to.equal(email);
      expect(causes).to.deep.equal(['remote']);
    } finally {
      otherTab.close();
    }
  });

  it('re-reads the session when another tab signs in while a read of it is on its way', async () => {
    const { email } = await createAccount();
    const store = freshStore(testServers.instant);
    await store.start();

    // A read that the server answers "nobody" before the other tab signs in, and that arrives after
    // (a slow network): its answer is held here until then.
    let answered = false;
    let deliver!: () => void;
    const held = new Promise<void>((resolve) => (deliver = resolve));
    const realFetch = window.fetch;
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      window.fetch = realFetch;
      const response = await realFetch(...args);
      answered = true;
      await held;
      return response;
    };
    const otherTab = new BroadcastChannel(store.channelName);
    try {
      const reading = store.refresh();
      await waitUntil(() => answered, 'the read was not answered');
      await signInAsAnotherTab(email);
      // The store hears it while the first read's answer is still on its way.
      const asked: (ChangeCause | undefined)[] = [];
      const refresh = store.refresh.bind(store);
      store.refresh = (cause) => (asked.push(cause), refresh(cause));
      otherTab.postMessage({ type: 'acct:session-changed' });
      await waitUntil(() => asked.includes('remote'), 'the store did not hear the other tab');
      deliver();
      await reading;
      await waitUntil(() => store.status === 'signed-in', 'the news came while a read was on its way, and was lost');
      expect(store.user?.email).to.equal(email);
    } finally {
      window.fetch = realFetch;
      otherTab.close();
    }
  });

  it('tells other tabs about a sign-in, without the bearer token', async () => {
    const { email } = await createAccount();
    const store = freshStore(testServers.bearer);
    await store.start();
    const otherTab = new BroadcastChannel(store.channelName);
    const heard: unknown[] = [];
    otherTab.addEventListener('message', (event) => heard.push(event.data));
    try {
      const { session } = (await store.signIn({ email, password: PASSWORD })) as SignedIn;
      await waitUntil(() => heard.length > 0, 'nothing was posted to other tabs');
      expect(heard).to.deep.equal([{ type: 'acct:session-changed' }]);
      expect(JSON.stringify(heard)).not.to.contain(session.token);
    } finally {
      otherTab.close();
    }
  });

  it('says a session ended from another device was revoked, and an own sign-out nothing', async () => {
    const { email } = await createAccount();
    const store = freshStore(testServers.instant);
    await store.start();
    const causes: ChangeCause[] = [];
    store.subscribe((cause) => causes.push(cause));
    await store.signIn({ email, password: PASSWORD });
    const other = await signInElsewhere(email);
    await post(
      testServers.instant,
      '/api/sessions/revoke-others',
      {},
      { headers: { Authorization: `Bearer ${other.session.token}` } },
    );
    await store.refresh();
    expect(store.status).to.equal('signed-out');
    expect(store.signedOutReason).to.equal('revoked');
    expect(causes).to.deep.equal(['sign-in', 'revoked']);

    store.dismissSignedOutReason();
    expect(store.signedOutReason, 'dismissed for every element').to.equal(null);
    await store.signIn({ email, password: PASSWORD });
    await store.signOut();
    expect(store.signedOutReason, 'the user signed out here').to.equal(null);
  });

  it('says a session that ended while the page was not looking expired: it cannot tell more', async () => {
    const knowable = sessionWatch.knowableForMs;
    const { email } = await createAccount();
    const store = freshStore(testServers.instant);
    await store.start();
    const { session } = (await store.signIn({ email, password: PASSWORD })) as SignedIn;
    expect(await executeServerCommand('acct-expire-session', { sessionId: session.id })).to.equal(true);
    // As if the last confirmation were long ago (the laptop slept through the night).
    sessionWatch.knowableForMs = 0;
    try {
      // A call that finds it gone (rather than the session check) tells the store too.
      const err = await store.api.call('GET /api/sessions').catch((e: unknown) => e);
      expect((err as ApiError).code).to.equal('not_signed_in');
      expect(store.status).to.equal('signed-out');
      expect(store.signedOutReason).to.equal('expired');
    } finally {
      sessionWatch.knowableForMs = knowable;
    }
  });

  describe('re-checking the session', () => {
    const defaults = { ...sessionWatch };
    let visibility: DocumentVisibilityState = 'visible';
    const realFetch = window.fetch;
    let checks = 0;

    beforeEach(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
      window.fetch = (input, init) => {
        if (String(input).endsWith('/api/session')) checks++;
        return realFetch(input, init);
      };
    });
    afterEach(() => {
      Object.assign(sessionWatch, defaults);
      delete (document as { visibilityState?: unknown }).visibilityState;
      visibility = 'visible';
      window.fetch = realFetch;
    });

    const setVisibility = (state: DocumentVisibilityState) => {
      visibility = state;
      document.dispatchEvent(new Event('visibilitychange'));
    };

    async function signedInStore(): Promise<SessionStore> {
      const { email } = await createAccount();
      const store = freshStore(testServers.instant);
      await store.start();
      await store.signIn({ email, password: PASSWORD });
      checks = 0;
      return store;
    }

    it('every interval while visible, and never while hidden', async () => {
      Object.assign(sessionWatch, { intervalMs: 150, minGapMs: 0 });
      await signedInStore();
      await waitUntil(() => checks >= 2, 'no checks on the interval', { timeout: 3000 });
      setVisibility('hidden');
      await new Promise((resolve) => setTimeout(resolve, 100)); // a check already on its way may land
      const hidden = checks;
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(checks, 'no check while hidden').to.equal(hidden);
      setVisibility('visible');
      await waitUntil(() => checks > hidden, 'no check on becoming visible', { timeout: 1000 });
    });

    it('on focus and on becoming visible, folding checks close together into one', async () => {
      Object.assign(sessionWatch, { intervalMs: 60_000, minGapMs: 60_000 });
      const store = await signedInStore();
      window.dispatchEvent(new FocusEvent('focus'));
      expect(checks, 'just confirmed by the sign-in: too soon').to.equal(0);
      sessionWatch.minGapMs = 0;
      window.dispatchEvent(new FocusEvent('focus'));
      await store.refresh();
      expect(checks).to.be.at.least(1);
      const afterFocus = checks;
      setVisibility('hidden');
      setVisibility('visible');
      await waitUntil(() => checks > afterFocus, 'no check on becoming visible', { timeout: 1000 });
    });

    it('not at all while nobody is signed in', async () => {
      Object.assign(sessionWatch, { intervalMs: 100, minGapMs: 0 });
      const store = freshStore(testServers.instant);
      await store.start();
      checks = 0;
      window.dispatchEvent(new FocusEvent('focus'));
      setVisibility('hidden');
      setVisibility('visible');
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(checks).to.equal(0);
    });
  });

  it('tells the console how to allow the page, once, when the server does not allow its origin', async () => {
    const page = watchPageProblems();
    try {
      const store = freshStore(testServers.foreign);
      expect((await store.config()).originAllowed).to.equal(false);
      await store.config();
      const fix = page.problems.filter((p) => p.includes('ACCT_ALLOWED_ORIGINS'));
      expect(fix).to.have.length(1);
      expect(fix[0]).to.contain(`ACCT_ALLOWED_ORIGINS=${location.origin}`);
      expect((await freshStore(testServers.main).config()).originAllowed).to.equal(true);
      expect(page.problems.filter((p) => p.includes('ACCT_ALLOWED_ORIGINS'))).to.have.length(1);
    } finally {
      page.stop();
    }
  });

  it('signs the page out when a call finds the session revoked', async () => {
    const { email } = await createAccount();
    const store = freshStore(testServers.bearer);
    await store.start();
    const { session } = (await store.signIn({ email, password: PASSWORD })) as SignedIn;
    // Revoked from "another device" (its own session, same account).
    const elsewhere = await createSessionFor(email);
    const revoke = await fetch(`${testServers.bearer}/api/sessions/${session.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${elsewhere}` },
    });
    expect(revoke.status).to.equal(200);

    const err = await store.api.call('GET /api/sessions').catch((e: unknown) => e);
    expect((err as ApiError).code).to.equal('not_signed_in');
    expect(store.status).to.equal('signed-out');
  });

  it('takes an #acct_code from the address bar once, keeping the rest of the fragment, and explains a refused code', async () => {
    history.replaceState(null, '', `${pageAddress()}#acct_code=not-a-real-code&acct_flow=email_verification&section=2`);
    const store = freshStore(testServers.main);
    await store.start();
    expect(location.hash).to.equal('#section=2');
    expect(store.status).to.equal('signed-out');
    expect(store.returnedFrom?.flow).to.equal('email_verification');
    expect(store.returnedFrom?.error?.code).to.equal('invalid_code');

    const second = freshStore(testServers.main);
    await second.start();
    expect(second.returnedFrom, 'nothing left to take').to.equal(null);
  });

  it('signs in with the code an emailed link brings back', async () => {
    const email = uniqueEmail('verify');
    // Started by this browser (its key), as the elements do: the exchange then signs in without asking.
    const body = { email, password: PASSWORD, redirectUrl: pageAddress(), browserKey: browserKey(testServers.main) };
    const signUp = await post(testServers.main, '/api/auth/sign-up', body);
    expect(signUp).to.deep.equal({ status: 202, body: { status: 'verification_sent' } });

    const mail = await mailTo(testServers.main, email);
    const confirmed = await submitHostedForm(linkIn(mail.text, '/auth/verify-email', testServers.main));
    expect(confirmed.status).to.equal(303);
    const back = new URL(confirmed.location!);
    expect(back.href.replace(/#.*$/, '')).to.equal(pageAddress());

    history.replaceState(null, '', back.href);
    const store = freshStore(testServers.main);
    await store.start();
    expect(location.hash, 'the code left the address bar').to.equal('');
    expect(store.status).to.equal('signed-in');
    expect(store.user?.email).to.equal(email);
    expect(store.user?.emailVerified).to.equal(true);
    expect(store.returnedFrom).to.deep.include({ flow: 'email_verification', error: null });
  });
});

/** A second session for `email` on the bearer server; its token. */
async function createSessionFor(email: string): Promise<string> {
  const answer = await post<{ session: { token: string } }>(testServers.bearer, '/api/auth/sign-in', {
    email,
    password: PASSWORD,
  });
  return answer.body.session.token;
}
