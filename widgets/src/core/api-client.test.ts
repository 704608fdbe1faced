/**
 * The API client against a real acct server: typed answers, the server's error codes as ApiError,
 * network failures as `network_error`, aborts passed through untouched, the page's language in
 * `Accept-Language`, and the public settings read without credentials (from any origin).
 */
import { expect } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import { createAccount, signOutEverywhere } from '../testing/helpers.js';
import { ApiClient, ApiError, requestLanguage } from './api-client.js';

/** Records what each fetch was asked for, and lets it through to the real server. */
function recordRequests(): { requests: { url: string; init: RequestInit }[]; restore(): void } {
  const requests: { url: string; init: RequestInit }[] = [];
  const realFetch = window.fetch;
  window.fetch = (input, init = {}) => {
    requests.push({ url: String(input), init });
    return realFetch(input, init);
  };
  return { requests, restore: () => (window.fetch = realFetch) };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}

describe('ApiClient', () => {
  // No session cookie left by another file: the last check expects none.
  before(signOutEverywhere);

  it('reads the server configuration', async () => {
    const config = await new ApiClient(testServers.passwordOnly).getConfig();
    expect(config).to.deep.equal({
      productName: 'Password Only',
      methods: ['password'],
      signUpEnabled: false,
      passwordMinLength: 12,
      sessionTransport: 'cookie',
      requireEmailVerification: true,
      originAllowed: true,
      development: false,
      deletionGraceDays: 30,
    });
  });

  it('reads the configuration without credentials, so any origin may: a refused one learns so', async () => {
    const record = recordRequests();
    try {
      const config = await new ApiClient(testServers.foreign, { token: () => 'a-bearer-token' }).getConfig();
      expect(config).to.deep.include({ productName: 'Acct Foreign', originAllowed: false, development: false });
      expect(record.requests[0]!.init.credentials).to.equal('omit');
      expect(new Headers(record.requests[0]!.init.headers).has('Authorization'), 'no token either').to.equal(false);
      expect((await new ApiClient(testServers.foreignDev).getConfig()).development).to.equal(true);
    } finally {
      record.restore();
    }
  });

  it("says the page's language in Accept-Language: the element's, else <html lang>, else the browser's", async () => {
    const page = document.documentElement;
    const pageLang = page.lang;
    const record = recordRequests();
    const sent = () => new Headers(record.requests.at(-1)!.init.headers).get('Accept-Language');
    try {
      const client = new ApiClient(testServers.main);
      page.lang = 'de-CH';
      await client.call('GET /api/session', {}, { lang: 'fr' });
      expect(sent()).to.equal('fr');
      await client.call('GET /api/session');
      expect(sent()).to.equal('de-CH');
      page.lang = '';
      await client.call('GET /api/session');
      expect(sent()).to.equal(navigator.language);
      // Anything that is not a language tag is never put in a header (fetch would throw, or CORS need a preflight).
      await client.call('GET /api/session', {}, { lang: 'fr\r\nX-Evil: 1' });
      expect(sent()).to.equal(navigator.language);
      expect(requestLanguage('en-GB')).to.equal('en-GB');
      expect(requestLanguage('not a tag')).to.equal(navigator.language);
    } finally {
      record.restore();
      page.lang = pageLang;
    }
  });

  it("turns the server's error answer into an ApiError with its code and status", async () => {
    const err = await rejection(new ApiClient(testServers.main).request('GET', '/api/no-such-thing'));
    expect(err).to.be.instanceOf(ApiError);
    expect((err as ApiError).code).to.equal('not_found');
    expect((err as ApiError).status).to.equal(404);
    expect((err as ApiError).message).to.equal('There is nothing at this address.');
  });

  it('reports an unreachable server as network_error', async () => {
    const err = await rejection(new ApiClient(testServers.unreachable).getConfig());
    expect(err).to.be.instanceOf(ApiError);
    expect((err as ApiError).code).to.equal('network_error');
    expect((err as ApiError).status).to.equal(0);
  });

  it('passes an abort through instead of reporting it as a failure', async () => {
    const controller = new AbortController();
    const request = new ApiClient(testServers.main).getConfig({ signal: controller.signal });
    controller.abort();
    const err = await rejection(request);
    expect(err).not.to.be.instanceOf(ApiError);
    expect((err as DOMException).name).to.equal('AbortError');
  });

  it('sends the bearer token it is given, and a JSON body on every POST (`{}` when there is nothing to say)', async () => {
    const { email, token } = await createAccount();
    let current: string | null = token;
    const client = new ApiClient(testServers.bearer, { token: () => current });
    const me = await client.call('GET /api/me');
    expect(me.user.email).to.equal(email);
    // An empty POST passes the server's JSON-only CSRF check.
    expect(await client.call('POST /api/auth/sign-out')).to.deep.equal({ signedOut: true });
    const err = await rejection(client.call('GET /api/me'));
    expect((err as ApiError).code, 'the token was revoked').to.equal('not_signed_in');
    current = null;
    expect(((await rejection(client.call('GET /api/me'))) as ApiError).status).to.equal(401);
  });

  it('tells its onError hook about answered failures', async () => {
    const seen: string[] = [];
    const client = new ApiClient(testServers.main, { onError: (error) => seen.push(error.code) });
    await rejection(client.request('GET', '/api/no-such-thing'));
    expect(seen).to.deep.equal(['not_found']);
  });
});
