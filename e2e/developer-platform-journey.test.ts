/**
 * Journey of an organization's developer (issue 12), in the system's Chromium, on the demo's
 * organization page: an owner signs up and creates Globe Theatre → creates an API token with
 * `<acct-api-tokens>` and copies its secret from the copy-once dialog → their backend (this test)
 * reads the members with it → adds a webhook endpoint (a receiver of this test on loopback; the
 * server allows private targets as an on-premise install would) in `<acct-webhooks>` and copies its
 * signing secret → invites someone from `<acct-organization>` → the receiver gets
 * `organization.invitation_sent`, verified with the `standardwebhooks` library → the delivery log
 * shows it delivered → Replay sends the same message (same `webhook-id`) again. Runs on each database.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { after, before, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { describeOnEachDatabase } from '../server/testing/databases';
import { watchPageProblems } from './support/browser';
import { DemoSite } from './support/demo-pages';
import { useJourney } from './support/journey';

const PASSWORD = 'opening night 2026';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** The organization's own server: keeps every request it receives and answers 200. */
class Receiver {
  readonly received: Received[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body });
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('thanks');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}/acct-events`;
  }

  async waitFor(count: number, timeoutMs = 30_000): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(this.received.length >= count, `the receiver got ${this.received.length} of ${count} deliveries`);
    return this.received[count - 1]!;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describeOnEachDatabase('developer platform journey', (getDb) => {
  const journey = useJourney(getDb, { env: () => ({ ACCT_WEBHOOK_ALLOW_PRIVATE: 'true' }) });
  const receiver = new Receiver();
  before(() => receiver.start());
  after(() => receiver.close());

  it('creates a token and uses it, adds a webhook, sees an invitation delivered and signed, and replays it', async () => {
    const { stack } = journey();
    const email = `developer-${Date.now()}@example.test`;
    const page = await (await journey().newContext()).newPage();
    const problems = watchPageProblems(page);

    const site = new DemoSite(page, stack.demoUrl);
    const signIn = await site.openSignIn();
    await signIn.signUp('Grace Hopper', email, PASSWORD);
    await page.goto(await journey().mailedLink(email, '/auth/verify-email'));
    await page.getByRole('button', { name: 'Confirm my email' }).click();
    await site.arrivedAt('/account/sessions/');
    // Signed in once the page has exchanged the link's code: leaving before that would lose it.
    await site.signedInAs('Grace Hopper');

    await page.goto(`${stack.demoUrl}/account/organization/`);
    const organization = page.locator('acct-organization');
    await organization.getByLabel('Organization name').fill('Globe Theatre');
    await organization.getByRole('button', { name: 'Create the organization' }).click();
    await organization.getByRole('heading', { name: 'Globe Theatre', level: 2 }).waitFor();

    // An API token, shown once.
    const tokens = page.locator('acct-api-tokens');
    await tokens.getByLabel('Name', { exact: true }).fill('Box office server');
    await tokens.getByLabel('Read the members').check();
    await tokens.getByLabel('Manage webhooks').check();
    await tokens.getByRole('button', { name: 'Create token' }).click();
    const tokenSecret = await tokens.getByLabel('Token', { exact: true }).inputValue();
    assert.match(tokenSecret, /^acct_live_/);
    await tokens.getByRole('button', { name: 'I have stored it' }).click();
    await tokens.getByRole('listitem').filter({ hasText: 'Box office server' }).waitFor();

    // The site's backend calls the API with it.
    const organizationId = await tokens.evaluate((el) => (el as unknown as { organizationId: string }).organizationId);
    const members = await fetch(`${stack.acct.url}/api/organizations/${organizationId}/members`, {
      headers: { Authorization: `Bearer ${tokenSecret}` },
    });
    assert.equal(members.status, 200);
    const { members: list } = (await members.json()) as { members: { email: string }[] };
    assert.deepEqual(
      list.map((m) => m.email),
      [email],
    );

    // A webhook endpoint for invitations.
    const webhooks = page.locator('acct-webhooks');
    await webhooks.getByLabel('Endpoint URL').fill(receiver.url);
    await webhooks.getByLabel('organization.invitation_sent').check();
    await webhooks.getByRole('button', { name: 'Add endpoint' }).click();
    const signingSecret = await webhooks.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    assert.match(signingSecret, /^whsec_/);
    await webhooks.getByRole('button', { name: 'I have stored it' }).click();
    await webhooks.getByRole('listitem').filter({ hasText: receiver.url }).first().waitFor();

    // An event from the demo: an invitation.
    const invitee = `stage-manager-${Date.now()}@example.test`;
    await organization.getByLabel('Email address').fill(invitee);
    await organization.getByRole('button', { name: 'Send the invitation' }).click();
    await organization.getByRole('listitem').filter({ hasText: invitee }).waitFor();

    const first = await receiver.waitFor(1);
    const verified = new Webhook(signingSecret).verify(first.body, first.headers as Record<string, string>) as {
      type: string;
      data: Record<string, unknown>;
    };
    assert.equal(verified.type, 'organization.invitation_sent');
    assert.match(JSON.stringify(verified.data), new RegExp(invitee.replace(/[.]/g, '\\.')));

    // The delivery log shows it delivered; Replay sends the same message again.
    await webhooks.getByRole('button', { name: 'Delivery log' }).click();
    const delivery = webhooks.getByRole('listitem').filter({ hasText: 'organization.invitation_sent' }).first();
    await delivery.filter({ hasText: 'Delivered' }).waitFor();
    await delivery.getByRole('button', { name: 'Replay' }).click();
    await webhooks.getByText('The delivery was queued again.').waitFor();
    const second = await receiver.waitFor(2);
    assert.equal(second.headers['webhook-id'], first.headers['webhook-id'], 'a replay is the same message');
    new Webhook(signingSecret).verify(second.body, second.headers as Record<string, string>);

    assert.deepEqual(problems, []);
  });
});
