/**
 * docs/security.md E4, for the elements: a host page with a strict Content-Security-Policy (scripts only
 * from the acct server, no inline scripts or styles, no eval, connections only to acct) renders
 * every element — signed out, then signed in through the form — with 0 CSP violations. Lit's
 * styles are constructable stylesheets and the elements use no inline handlers, eval or
 * `unsafeHTML`, so none are expected. Runs on each database.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import { followLink } from '../server/testing/accounts';
import { describeOnEachDatabase } from '../server/testing/databases';
import { TestClient } from '../server/testing/http-client';
import { watchPageProblems } from './support/browser';
import { useJourney } from './support/journey';

const ELEMENTS = [
  'acct-user-button',
  'acct-login',
  'acct-sessions',
  'acct-login-history',
  'acct-passkeys',
  'acct-connected-accounts',
  'acct-onboarding',
  'acct-checklist',
  'acct-templates',
  'acct-organization',
  'acct-data-export',
];

/** The host page: every element, the acct script, and nothing inline. */
const page = (acct: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Strict host</title>
<script type="module" src="${acct}/acct.js"></script></head>
<body>
${ELEMENTS.map((tag) => `<${tag}></${tag}>`).join('\n')}
<acct-login no-shadow></acct-login>
</body></html>`;

describeOnEachDatabase('elements under a strict CSP', (getDb) => {
  let host: Server;
  let hostUrl = '';

  // The host page's server first: its origin must be on acct's allowlist, like any site's.
  before(async () => {
    host = createServer((_req, res) => {
      const acct = journey().stack.acct.url;
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': [
          "default-src 'none'",
          `script-src ${acct}`,
          `connect-src ${acct}`,
          `img-src ${acct} data:`,
          "style-src 'none'",
          "base-uri 'none'",
          "form-action 'none'",
          "frame-ancestors 'none'",
        ].join('; '),
      });
      res.end(page(acct));
    });
    await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
  });
  const journey = useJourney(getDb, { extraOrigins: () => [hostUrl] });
  after(() => new Promise<void>((resolve) => host.close(() => resolve())));

  it('renders every element, signed out and signed in, with no CSP violation', async () => {
    const context = await journey().newContext();
    const tab = await context.newPage();
    const problems = watchPageProblems(tab);
    const violations: string[] = [];
    await tab.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await tab.addInitScript(
      `document.addEventListener('securitypolicyviolation', (e) => reportViolation(e.violatedDirective + ' ' + e.blockedURI))`,
    );

    await tab.goto(hostUrl);
    await tab.locator('acct-login').first().getByLabel('Email').waitFor();
    for (const tag of ELEMENTS)
      assert.equal(await tab.evaluate(`customElements.get('${tag}') !== undefined`), true, tag);

    // Sign up and back in through the form: every element then renders its signed-in state.
    const { stack, mailedLink } = journey();
    const email = `csp-${Date.now()}@example.test`;
    const client = new TestClient(stack.acct.url, { origin: hostUrl });
    assert.equal((await client.post('/api/auth/sign-up', { email, password: 'opening night 2026' })).status, 202);
    // The password waits with the confirmation link until the address is proven: confirm it.
    assert.equal((await followLink(client, new URL(await mailedLink(email, '/auth/verify-email')))).status, 200);
    const form = tab.locator('acct-login').first();
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill('opening night 2026');
    await form.getByRole('button', { name: 'Sign in', exact: true }).click();
    await tab.locator('acct-sessions').getByText('This device').waitFor();
    await tab.locator('acct-checklist').getByText('Create your first event').first().waitFor();

    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
  });
});
