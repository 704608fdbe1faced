/**
 * `<acct-webhooks>` against the real servers: an owner adds an endpoint with events picked by
 * category and sees its signing secret once in a modal dialog; the list shows URL, events and
 * state and never the secret again; disabling, rotating (a new secret, shown once), sending a
 * test event that shows in the delivery log with its request body, replaying it, and deleting
 * after confirming; missing fields are said before any call and a refused address is the
 * server's message; French; the signed-out slot.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { expectConfirmationByKeyboard } from '../../testing/confirmation.js';
import { testServers } from 'acct-test-env';
import type { AcctWebhookDetail } from '../../../../contract/events.js';
import { runBaseSuite } from '../../testing/base-suite.js';
import { $, element, nextEvent, signInNewAccount, signOutEverywhere, text } from '../../testing/helpers.js';
import { AcctWebhooks } from './define.js';

beforeEach(signOutEverywhere);

const server = () => testServers.instant;
/** A public-looking address; nothing needs to answer there for these tests. */
const HOOK_URL = 'https://hooks.example.com/acct';
const rows = (el: AcctWebhooks) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li[part~="item"]')];
const part = <T extends HTMLElement = HTMLButtonElement>(el: AcctWebhooks, name: string) =>
  $<T>(el, `[part~="${name}"]`);

/** A new account signed in on this page that owns a new organization with `endpoints` endpoints; its id. */
async function ownerWithOrganization(endpoints = 0): Promise<string> {
  const { store } = await signInNewAccount(server());
  const { organization } = await store.api.call('POST /api/organizations', { body: { name: 'Globe Theatre' } });
  for (let i = 0; i < endpoints; i++) {
    await store.api.call('POST /api/organizations/:id/webhooks', {
      params: { id: organization.id },
      body: { url: `${HOOK_URL}/${i}`, events: ['user.created', 'session.created'], description: `Endpoint ${i}` },
    });
  }
  return organization.id;
}

const create = (attributes: Record<string, string>): AcctWebhooks =>
  element('acct-webhooks', { server: server(), ...attributes });
const listed = (atLeast: number) => (el: AcctWebhooks) =>
  waitUntil(() => rows(el).length >= atLeast, `fewer than ${atLeast} endpoints listed`, { timeout: 4000 });
const showsForm = (el: AcctWebhooks) => waitUntil(() => part(el, 'create-form'), 'no form', { timeout: 4000 });

async function fillAndCreate(el: AcctWebhooks, url: string, events: string[]): Promise<void> {
  $<HTMLInputElement>(el, 'input[name="url"]')!.value = url;
  for (const box of el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="events"]'))
    box.checked = events.includes(box.value);
  part(el, 'create-button')!.click();
}

const rowButton = (el: AcctWebhooks, action: string) => $<HTMLButtonElement>(el, `button[data-action="${action}"]`)!;

runBaseSuite<AcctWebhooks>({
  tag: 'acct-webhooks',
  elementClass: AcctWebhooks,
  states: [
    {
      name: 'signed out',
      create: () => create({ 'organization-id': '00000000-0000-0000-0000-000000000000' }),
      ready: (el) => waitUntil(() => $(el, 'slot[name="signed-out"]')),
    },
    {
      name: 'with two endpoints',
      create: () => create({}),
      ready: async (el) => {
        el.organizationId = await ownerWithOrganization(2);
        await listed(2)(el);
      },
    },
    {
      name: 'dark, in French, with a delivery log open',
      create: () => create({ theme: 'dark', lang: 'fr' }),
      ready: async (el) => {
        el.organizationId = await ownerWithOrganization(1);
        await listed(1)(el);
        rowButton(el, 'test').click();
        await waitUntil(() => part(el, 'notice'), 'the test event was not queued', { timeout: 4000 });
        rowButton(el, 'log').click();
        await waitUntil(() => part(el, 'delivery'), 'no delivery', { timeout: 4000 });
      },
    },
    {
      name: 'showing a new secret',
      create: () => create({}),
      ready: async (el) => {
        el.organizationId = await ownerWithOrganization();
        await showsForm(el);
        await fillAndCreate(el, HOOK_URL, ['user.created']);
        await waitUntil(() => part(el, 'secret'), 'no dialog', { timeout: 4000 });
      },
    },
  ],
  events: [
    {
      name: 'adding an endpoint',
      event: 'acct-webhook-created',
      create: () => create({}),
      ready: async (el) => {
        el.organizationId = await ownerWithOrganization();
        await showsForm(el);
      },
      trigger: async (el) => fillAndCreate(el, HOOK_URL, ['session.created']),
    },
    {
      name: 'disabling an endpoint',
      event: 'acct-webhook-updated',
      create: () => create({}),
      ready: async (el) => {
        el.organizationId = await ownerWithOrganization(1);
        await listed(1)(el);
      },
      trigger: async (el) => rowButton(el, 'toggle').click(),
    },
    {
      name: 'deleting an endpoint',
      event: 'acct-webhook-deleted',
      create: () => create({}),
      ready: async (el) => {
        el.organizationId = await ownerWithOrganization(1);
        await listed(1)(el);
        rowButton(el, 'delete').click();
        await waitUntil(() => part(el, 'confirm'));
      },
      trigger: async (el) => part(el, 'confirm-button')!.click(),
    },
  ],
});

describe('<acct-webhooks>', () => {
  it('adds an endpoint with events picked by category and shows its secret once', async () => {
    const id = await ownerWithOrganization();
    const el = await fixture<AcctWebhooks>(
      html`<acct-webhooks server=${server()} organization-id=${id}></acct-webhooks>`,
    );
    await showsForm(el);
    // Each field's label above its control, the control as wide as the form (the API tokens'
    // styles, which these share, once left both side by side at the browser's narrow default).
    const form = part(el, 'create-form')!.getBoundingClientRect();
    for (const field of el.shadowRoot!.querySelectorAll('[part~="create-form"] .field')) {
      const label = field.querySelector('label')!.getBoundingClientRect();
      const input = field.querySelector('input')!.getBoundingClientRect();
      expect(input.top, 'control under its label').to.be.at.least(label.bottom);
      expect(input.width, 'control as wide as the form').to.be.closeTo(form.width, 1);
    }
    const legends = [...el.shadowRoot!.querySelectorAll('fieldset.category legend')].map((l) => text(l));
    expect(legends).to.deep.equal(['Users', 'Sessions', 'Organization', 'Onboarding']);
    const created = nextEvent<AcctWebhookDetail>(el, 'acct-webhook-created');
    await fillAndCreate(el, HOOK_URL, ['organization.member_added', 'user.deleted']);
    const { detail } = await created;
    expect(detail.webhook.events).to.have.members(['organization.member_added', 'user.deleted']);

    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open, 'the dialog did not open');
    const secret = part<HTMLInputElement>(el, 'secret')!.value;
    expect(secret).to.match(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(text($(el, '#secret-title'))).to.equal('Copy the signing secret');
    expect(JSON.stringify(detail)).not.to.contain(secret.slice(6));
    // Closed otherwise than by "Done" (as Escape does), focus still goes back to "Add endpoint",
    // not to the page's start.
    dialog.close();
    await waitUntil(() => !dialog.open);
    await el.updateComplete;
    expect(el.shadowRoot!.innerHTML).not.to.contain(secret.slice(6), 'the secret is forgotten once the dialog closes');
    await waitUntil(
      () => el.shadowRoot!.activeElement === part(el, 'create-button'),
      'focus did not go back to "Add endpoint"',
    );
    expect(text(rows(el)[0]!.querySelector('[part~="name"]'))).to.equal(HOOK_URL);
    expect(text(rows(el)[0]!.querySelector('[part~="status"]'))).to.match(/^Active · No delivery yet/);
  });

  it('disables, rotates, sends a test event into the log, replays it, and deletes after confirming', async () => {
    const id = await ownerWithOrganization(1);
    const el = await fixture<AcctWebhooks>(
      html`<acct-webhooks server=${server()} organization-id=${id}></acct-webhooks>`,
    );
    await listed(1)(el);

    rowButton(el, 'toggle').click();
    await waitUntil(() => text(rows(el)[0]!.querySelector('[part~="status"]'))?.startsWith('Disabled'));
    expect(text(rowButton(el, 'toggle'))).to.equal('Enable');

    rowButton(el, 'rotate').click();
    await waitUntil(() => part(el, 'secret'), 'no dialog after rotating', { timeout: 4000 });
    expect(part<HTMLInputElement>(el, 'secret')!.value).to.match(/^whsec_/);
    part(el, 'done-button')!.click();
    await waitUntil(() => text(rows(el)[0]!)?.includes('The previous secret also signs until'));

    rowButton(el, 'test').click();
    await waitUntil(() => text(part(el, 'notice')) === 'A test event was queued.');
    rowButton(el, 'log').click();
    await waitUntil(() => part(el, 'delivery'), 'no delivery in the log', { timeout: 4000 });
    expect(rowButton(el, 'log').getAttribute('aria-expanded')).to.equal('true');
    const delivery = part(el, 'delivery')!;
    expect(text(delivery.querySelector('code'))).to.equal('webhook.test');
    expect(text(delivery.querySelector('pre'))).to.contain('"type":"webhook.test"');

    part(el, 'replay-button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="delivery"]').length === 2, 'no replay', {
      timeout: 4000,
    });

    await expectConfirmationByKeyboard(el, () => rowButton(el, 'delete'));
    rowButton(el, 'delete').click();
    await waitUntil(() => part(el, 'confirm'));
    part(el, 'cancel-button')!.click();
    await waitUntil(() => !part(el, 'confirm'));
    rowButton(el, 'delete').click();
    await waitUntil(() => part(el, 'confirm'));
    part(el, 'confirm-button')!.click();
    await waitUntil(() => rows(el).length === 0, 'still listed');
    expect(text(part(el, 'notice'))).to.equal(`${HOOK_URL}/0 was deleted.`);
    expect(el.shadowRoot!.activeElement, 'focus on the heading, the row is gone').to.equal(part(el, 'title'));
  });

  it('says what is missing before any call, and the refusal of a private address', async () => {
    const id = await ownerWithOrganization();
    const el = await fixture<AcctWebhooks>(
      html`<acct-webhooks server=${server()} organization-id=${id}></acct-webhooks>`,
    );
    await showsForm(el);
    await fillAndCreate(el, '', []);
    await waitUntil(() => text($(el, '#events-error')));
    expect($<HTMLInputElement>(el, 'input[name="url"]')!.getAttribute('aria-invalid')).to.equal('true');
    // A missing choice of events is said as such, not as an empty text field.
    expect(text($(el, '#events-error'))).to.equal('Choose at least one event.');
    expect(el.shadowRoot!.activeElement, 'focus on the first field to fix').to.equal($(el, 'input[name="url"]'));
    await fillAndCreate(el, HOOK_URL, []);
    await waitUntil(
      () => el.shadowRoot!.activeElement === $(el, 'input[name="events"]'),
      'focus not on the first event',
    );
    await fillAndCreate(el, 'http://169.254.169.254/latest', ['user.created']);
    await waitUntil(() => part(el, 'action-error'), 'no error', { timeout: 4000 });
    expect(text(part(el, 'action-error'))).to.contain('private, loopback or otherwise reserved');
    expect(rows(el)).to.have.length(0);
  });

  it('speaks French', async () => {
    const id = await ownerWithOrganization(1);
    const el = await fixture<AcctWebhooks>(
      html`<acct-webhooks server=${server()} organization-id=${id} lang="fr"></acct-webhooks>`,
    );
    await listed(1)(el);
    expect(text(part(el, 'title'))).to.equal('Webhooks');
    expect(text(rowButton(el, 'test'))).to.equal('Envoyer un événement de test');
  });

  it('shows the signed-out slot', async () => {
    const el = await fixture<AcctWebhooks>(
      html`<acct-webhooks server=${server()} organization-id="x"><p slot="signed-out">Sign in first</p></acct-webhooks>`,
    );
    await waitUntil(() => $(el, 'slot[name="signed-out"]'));
    expect(el.querySelector('p')!.assignedSlot).to.not.equal(null);
  });
});
