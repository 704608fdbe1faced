/**
 * The hosted account page's markup and styles, `GET /account` (account-page.routes.ts): the
 * account elements and, beside them rather than in a slot of one, `<acct-login>`; the hosted
 * stylesheet hides the elements while they are `:state(signed-out)` and the form unless
 * `<acct-sessions>` is, so that signed out the page shows only its heading and the form. The
 * browser journey (signing in there, no CSP violation) is e2e/hosted-account.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../../start';
import { describeOnEachDatabase } from '../../testing/databases';
import { startTestServer } from '../../testing/test-server';

describeOnEachDatabase('The hosted account page', (getDb) => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer(getDb());
  });
  after(() => server.close());

  it('is the account elements with <acct-login> beside them, the form after <acct-sessions>', async () => {
    const res = await fetch(`${server.url}/account`);
    assert.equal(res.status, 200);
    const page = await res.text();
    const main = /<main class="wide">([\s\S]*)<\/main>/.exec(page)?.[1] ?? '';
    const tags = [...main.matchAll(/<(acct-[a-z-]+)([^>]*)>/g)].map((m) => `${m[1]}${m[2]}`);
    assert.deepEqual(tags, [
      'acct-sessions',
      'acct-login',
      'acct-passkeys',
      'acct-connected-accounts',
      'acct-login-history',
    ]);
    // Each element is empty: no slotted content, which would show in a card headed by the element.
    assert.doesNotMatch(main, /slot=/);
    assert.match(main, /<acct-sessions><\/acct-sessions>\s*<acct-login><\/acct-login>/);
  });

  it('hides the account elements while signed out, and the form unless signed out, with the stylesheet', async () => {
    const page = await (await fetch(`${server.url}/account`)).text();
    const href = /<link rel="stylesheet" href="(\/auth\/assets\/hosted-[0-9a-f]{12}\.css)">/.exec(page)?.[1];
    assert.ok(href, page);
    const css = await (await fetch(`${server.url}${href}`)).text();
    const hidden = (selector: string) =>
      new RegExp(`^${selector.replace(/[()[\]]/g, '\\$&')} \\{ display:none; \\}$`, 'm');
    assert.match(
      css,
      hidden(':is(acct-sessions, acct-passkeys, acct-connected-accounts, acct-login-history):state(signed-out)'),
    );
    // Not while the session loads nor before <acct-sessions> is defined: never to a signed-in visitor.
    assert.match(css, hidden('acct-sessions:not(:state(signed-out)) ~ acct-login'));
  });

  it('names the query parameter it refuses: a return address off the allowlist is `return_to`', async () => {
    const res = await fetch(`${server.url}/account?return_to=${encodeURIComponent('https://evil.example/')}`);
    const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
    assert.deepEqual(
      [res.status, body.error.code, body.error.fields],
      [400, 'invalid_request', { return_to: 'redirect_not_allowed' }],
    );
  });
});
