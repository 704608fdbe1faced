/**
 * A local stand-in for GitHub's OAuth app endpoints and the two REST endpoints acct reads, as
 * GitHub documents them (docs.github.com "Authorizing OAuth apps", "Users", "Emails"), on an
 * ephemeral loopback port with GitHub Enterprise Server's layout (`/login/oauth/*`, `/api/v3/*`):
 * - `GET /login/oauth/authorize` signs in the account named by the test (`?account=<login>`) and
 *   redirects to the registered callback with `code` and `state`;
 * - `POST /login/oauth/access_token` checks the client's credentials, the code (single use,
 *   bound to the redirect URI) and the PKCE verifier, and answers a bearer token; refusals are
 *   200 answers with an `error` member, as GitHub's are;
 * - `GET /api/v3/user` and `GET /api/v3/user/emails` answer for the token's account.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GitHubAccount {
  id: number;
  login: string;
  name: string | null;
  emails: Array<{ email: string; primary: boolean; verified: boolean; visibility: string | null }>;
}

export interface TestGitHub {
  url: string;
  clientId: string;
  clientSecret: string;
  register(redirectUri: string): void;
  addAccount(account: GitHubAccount): void;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  void res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startTestGitHub(): Promise<TestGitHub> {
  const clientId = 'Iv1.acct-test';
  const clientSecret = 'github-test-secret-github-test-secret';
  const accounts = new Map<string, GitHubAccount>();
  const codes = new Map<string, { login: string; redirectUri: string; challenge: string }>();
  const tokens = new Map<string, string>();
  let redirectUri = '';

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/login/oauth/authorize') {
      const q = url.searchParams;
      const account = accounts.get(q.get('account') ?? '');
      if (q.get('client_id') !== clientId || q.get('redirect_uri') !== redirectUri || !account)
        return json(res, 400, { error: 'redirect_uri_mismatch or unknown account' });
      if (q.get('code_challenge_method') !== 'S256') return json(res, 400, { error: 'PKCE S256 expected' });
      const code = randomBytes(10).toString('hex');
      codes.set(code, { login: account.login, redirectUri, challenge: q.get('code_challenge') ?? '' });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      return void res.writeHead(302, { location: back.toString() }).end();
    }
    if (req.method === 'POST' && url.pathname === '/login/oauth/access_token') {
      return void formBody(req).then((body) => {
        if (body.get('client_id') !== clientId || body.get('client_secret') !== clientSecret)
          return json(res, 200, { error: 'incorrect_client_credentials' });
        const grant = codes.get(body.get('code') ?? '');
        codes.delete(body.get('code') ?? '');
        const verifier = body.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (!grant || grant.redirectUri !== body.get('redirect_uri') || grant.challenge !== challenge)
          return json(res, 200, {
            error: 'bad_verification_code',
            error_description: 'The code passed is incorrect or expired.',
          });
        const token = `gho_${randomBytes(18).toString('hex')}`;
        tokens.set(token, grant.login);
        json(res, 200, { access_token: token, token_type: 'bearer', scope: 'read:user,user:email' });
      });
    }
    const login = tokens.get((req.headers.authorization ?? '').replace(/^(Bearer|token) /i, ''));
    const account = login ? accounts.get(login) : undefined;
    if (req.method === 'GET' && url.pathname.startsWith('/api/v3/user')) {
      if (!account) return json(res, 401, { message: 'Requires authentication' });
      if (url.pathname === '/api/v3/user')
        return json(res, 200, { id: account.id, login: account.login, name: account.name });
      if (url.pathname === '/api/v3/user/emails') return json(res, 200, account.emails);
    }
    json(res, 404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    clientId,
    clientSecret,
    register: (uri) => void (redirectUri = uri),
    addAccount: (account) => void accounts.set(account.login, account),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
