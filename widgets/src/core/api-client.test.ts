/**
 * The API client against a real acct server: typed answers, the server's error codes as ApiError,
 * network failures as `network_error`, and aborts passed through untouched.
 */
import { expect } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import { createAccount, signOutEverywhere } from '../testing/helpers.js';
import { ApiClient, ApiError } from './api-client.js';

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
    });
  });

  it("turns the server's error answer into an ApiError with its code and status", async () => {
    const err = await rejection(new ApiClient(testServers.main).get('/api/no-such-thing'));
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
    const me = await client.get<{ user: { email: string } }>('/api/me');
    expect(me.user.email).to.equal(email);
    // An empty POST passes the server's JSON-only CSRF check.
    expect(await client.post('/api/auth/sign-out')).to.deep.equal({ signedOut: true });
    const err = await rejection(client.get('/api/me'));
    expect((err as ApiError).code, 'the token was revoked').to.equal('not_signed_in');
    current = null;
    expect(((await rejection(client.get('/api/me'))) as ApiError).status).to.equal(401);
  });

  it('tells its onError hook about answered failures', async () => {
    const seen: string[] = [];
    const client = new ApiClient(testServers.main, { onError: (error) => seen.push(error.code) });
    await rejection(client.get('/api/no-such-thing'));
    expect(seen).to.deep.equal(['not_found']);
  });
});
