/**
 * `<acct-api-tokens>` against the real servers: an owner creates a token (name, scopes, expiry),
 * sees its secret once in a modal dialog and the token then works as a bearer against the API;
 * the list shows prefix, scopes, creator, last use and expiry and never the secret again;
 * revoking asks first, and the revoked token stops working; missing fields are said before any
 * call; an organization the user is not in answers the server's 404; French; the signed-out slot.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { expectConfirmationByKeyboard } from '../../testing/confirmation.js';
import { testServers } from 'acct-test-env';
import type { AcctApiTokenDetail } from '../../../../contract/events.js';
import { retryThatFails, runBaseSuite } from '../../testing/base-suite.js';
import { $, element, nextEvent, signInNewAccount, signOutEverywhere, text } from '../../testing/helpers.js';
import { AcctApiTokens } from './define.js';

beforeEach(signOutEverywhere);

const server = () => testServers.instant;
const rows = (el: AcctApiTokens) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li[part~="item"]')];
const part = <T extends HTMLElement = HTMLButtonElement>(el: AcctApiTokens, name: string) =>
  $<T>(el, `[part~="${name}"]`);

/** A new account signed in on this page that owns a new organization (with `tokens` already made); the organization's id. */
async function ownerWithOrganization(tokens: string[] = []): Promise<{ id: string; email: string; secrets: string[] }> {
  const { store, email } = await signInNewAccount(server());
  const { organization } = await store.api.call('POST /api/organizations', { body: { name: 'Globe Theatre' } });
  const secrets: string[] = [];
  for (const name of tokens) {
    const created = await store.api.call('POST /api/organizations/:id/api-tokens', {
      params: { id: organization.id },
      body: { name, scopes: ['members:read', 'events:read'] },
    });
    secrets.push(created.secret);
  }
  return { id: organization.id, email, secrets };
}

const create = (attributes: Record<string, string>): AcctApiTokens =>
  element('acct-api-tokens', { server: server(), ...attributes });
const listed = (atLeast: number) => (el: AcctApiTokens) =>
  waitUntil(() => rows(el).length >= atLeast, `fewer than ${atLeast} tokens listed`, { timeout: 4000 });
const showsForm = (el: AcctApiTokens) => waitUntil(() => part(el, 'create-form'), 'no form', { timeout: 4000 });

/** Fills and submits the creation form. */
async function fillAndCreate(el: AcctApiTokens, name: string, scopes: string[], days = '90'): Promise<void> {
  const nameField = $<HTMLInputElement>(el, 'input[name="name"]')!;
  nameField.value = name;
  for (const box of el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="scopes"]'))
    box.checked = scopes.includes(box.value);
  $<HTMLSelectElement>(el, 'select[name="expiresAt"]')!.value = days;
  part(el, 'create-button')!.click();
}

/** Calls the members route with `secret` as a server would (a bearer, no session). */
const membersWith = (id: string, secret: string) =>
  fetch(`${server()}/api/organizations/${id}/members`, { headers: { Authorization: `Bearer ${secret}` } });

runBaseSuite<AcctApiTokens>({
  tag: 'acct-api-tokens',
  elementClass: AcctApiTokens,
  states: [
    {
      name: 'signed out',
      create: () => create({ 'organization-id': '00000000-0000-0000-0000-000000000000' }),
      ready: (el) => waitUntil(() => $(el, 'slot[name="signed-out"]')),
    },
    {
      name: 'with two tokens',
      create: () => create({}),
      ready: async (el) => {
        el.organizationId = (await ownerWithOrganization(['Billing server', 'Nightly sync'])).id;
        await listed(2)(el);
      },
    },
    {
      name: 'dark, in French, with one token',
      create: () => create({ theme: 'dark', lang: 'fr' }),
      ready: async (el) => {
        el.organizationId = (await ownerWithOrganization(['Synchronisation'])).id;
        await listed(1)(el);
      },
    },
    {
      name: 'showing a new token',
      create: () => create({}),
      ready: async (el) => {
        el.organizationId = (await ownerWithOrganization()).id;
        await showsForm(el);
        await fillAndCreate(el, 'CI', ['members:read']);
        await waitUntil(() => part(el, 'secret'), 'no dialog', { timeout: 4000 });
      },
    },
  ],
  events: [
    {
      name: 'creating a token',
      event: 'acct-api-token-created',
      create: () => create({}),
      ready: async (el) => {
        el.organizationId = (await ownerWithOrganization()).id;
        await showsForm(el);
      },
      trigger: async (el) => fillAndCreate(el, 'CI', ['events:read']),
    },
    {
      name: 'revoking a token',
      event: 'acct-api-token-revoked',
      create: () => create({}),
      ready: async (el) => {
        el.organizationId = (await ownerWithOrganization(['Old'])).id;
        await listed(1)(el);
        part(el, 'revoke-button')!.click();
        await waitUntil(() => part(el, 'confirm-button'));
      },
      trigger: async (el) => part(el, 'confirm-button')!.click(),
    },
    retryThatFails(() =>
      element('acct-api-tokens', {
        server: testServers.unreachable,
        'organization-id': '00000000-0000-0000-0000-000000000000',
      }),
    ),
  ],
});

describe('<acct-api-tokens>', () => {
  it('creates a token, shows its secret once in a dialog, and the token works', async () => {
    const { id, email } = await ownerWithOrganization();
    const el = await fixture<AcctApiTokens>(
      html`<acct-api-tokens server=${server()} organization-id=${id}></acct-api-tokens>`,
    );
    await showsForm(el);
    const created = nextEvent<AcctApiTokenDetail>(el, 'acct-api-token-created');
    await fillAndCreate(el, 'Billing server', ['members:read', 'checklist:write'], '30');
    const { detail } = await created;
    expect(detail.organizationId).to.equal(id);
    expect(JSON.stringify(detail)).not.to.match(/acct_live_[a-z0-9]{8}_/, 'the event never carries the secret');

    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open, 'the dialog did not open');
    const secret = part<HTMLInputElement>(el, 'secret')!.value;
    expect(secret).to.match(/^acct_live_[a-z0-9]{8}_[A-Za-z0-9]{40}_[0-9a-f]{8}$/);
    expect(text($(el, '#secret-title'))).to.equal('Copy your new token');
    expect(secret.startsWith(detail.token.prefix)).to.equal(true);

    const members = await membersWith(id, secret);
    expect(members.status).to.equal(200);
    expect(((await members.json()) as { members: { email: string }[] }).members[0]!.email).to.equal(email);

    part(el, 'done-button')!.click();
    await waitUntil(() => !dialog.open, 'the dialog did not close');
    await el.updateComplete;
    expect(el.shadowRoot!.innerHTML).not.to.contain(secret.slice(19), 'the secret is forgotten once the dialog closes');
    // Not lost to the page's start: "Create" was hidden under the dialog when it closed.
    await waitUntil(
      () => el.shadowRoot!.activeElement === part(el, 'create-button'),
      'focus did not go back to "Create"',
    );

    const [row] = rows(el);
    expect(text(row!.querySelector('[part~="token-name"]'))).to.equal('Billing server');
    expect(text(row!.querySelector('[part~="prefix"]'))).to.equal(`${detail.token.prefix}…`);
    expect(text(row!.querySelector('[part~="scope-list"]'))).to.equal('checklist:write members:read');
    const details = text(row!.querySelectorAll('[part~="details"]')[2]);
    // The creator by name (the test accounts have one), else by address.
    expect(details).to.match(/^Created by \S.* on .+ · Never used · Expires .+\d{4}/);
  });

  it('shows when a token was last used', async () => {
    const { id, secrets } = await ownerWithOrganization(['Used', 'Idle']);
    expect((await membersWith(id, secrets[0]!)).status).to.equal(200);
    const el = await fixture<AcctApiTokens>(
      html`<acct-api-tokens server=${server()} organization-id=${id}></acct-api-tokens>`,
    );
    await listed(2)(el);
    const lastUse = (name: string) =>
      text(
        rows(el)
          .find((r) => text(r.querySelector('[part~="token-name"]')) === name)!
          .querySelectorAll('[part~="details"]')[2],
      );
    expect(lastUse('Used')).to.match(/ · Last used (now|.+ ago) · /);
    expect(lastUse('Idle')).to.contain(' · Never used · ');
  });

  it('revokes a token after confirming, and the token stops working', async () => {
    const { id } = await ownerWithOrganization();
    const el = await fixture<AcctApiTokens>(
      html`<acct-api-tokens server=${server()} organization-id=${id}></acct-api-tokens>`,
    );
    await showsForm(el);
    await fillAndCreate(el, 'Doomed', ['members:read']);
    await waitUntil(() => part(el, 'secret'), 'no dialog');
    const secret = part<HTMLInputElement>(el, 'secret')!.value;
    part(el, 'done-button')!.click();
    await listed(1)(el);
    // The dialog's close event puts focus back on "Create": after it, not before.
    await waitUntil(() => !part(el, 'secret'), 'the dialog stayed open');

    await expectConfirmationByKeyboard(el, () => part(el, 'revoke-button')!);
    part(el, 'revoke-button')!.click();
    await waitUntil(() => part(el, 'confirm'));
    expect(text($(el, '[part~="confirm"] p'))).to.equal(
      'Revoke “Doomed”? Calls using it will fail from the next request.',
    );
    part(el, 'cancel-button')!.click();
    await waitUntil(() => !part(el, 'confirm'));
    expect((await membersWith(id, secret)).status, 'cancelling revokes nothing').to.equal(200);

    part(el, 'revoke-button')!.click();
    await waitUntil(() => part(el, 'confirm-button'));
    part(el, 'confirm-button')!.click();
    await waitUntil(() => rows(el).length === 0, 'the token is still listed');
    expect(text(part(el, 'notice'))).to.equal('“Doomed” was revoked.');
    expect(el.shadowRoot!.activeElement, 'focus on the heading, the row is gone').to.equal(part(el, 'title'));
    expect((await membersWith(id, secret)).status).to.equal(401);
  });

  it('says what is missing before any call, and what the server refused', async () => {
    const { id } = await ownerWithOrganization();
    const el = await fixture<AcctApiTokens>(
      html`<acct-api-tokens server=${server()} organization-id=${id}></acct-api-tokens>`,
    );
    await showsForm(el);
    await fillAndCreate(el, '', []);
    await waitUntil(() => text($(el, '#scopes-error')));
    expect($<HTMLInputElement>(el, 'input[name="name"]')!.getAttribute('aria-invalid')).to.equal('true');
    // A missing choice of scopes is said as such, not as an empty text field.
    expect(text($(el, '#scopes-error'))).to.equal('Choose at least one scope.');
    expect(el.shadowRoot!.activeElement, 'focus on the first field to fix').to.equal($(el, 'input[name="name"]'));
    await fillAndCreate(el, 'Billing', []);
    await waitUntil(
      () => el.shadowRoot!.activeElement === $(el, 'input[name="scopes"]'),
      'focus not on the first scope',
    );
    expect(rows(el)).to.have.length(0);
  });

  it("says the server's refusal for an organization the user is not in, and follows a new id", async () => {
    const { store } = await signInNewAccount(server());
    const { organization } = await store.api.call('POST /api/organizations', { body: { name: 'Mine' } });
    const el = await fixture<AcctApiTokens>(
      html`<acct-api-tokens server=${server()} organization-id="00000000-0000-0000-0000-000000000000"></acct-api-tokens>`,
    );
    await waitUntil(() => part(el, 'error'), 'no error', { timeout: 4000 });
    expect(text(part(el, 'error'))).to.contain('There is nothing at this address.');
    el.organizationId = organization.id;
    await showsForm(el);
  });

  it('speaks French', async () => {
    const { id } = await ownerWithOrganization(['Synchro']);
    const el = await fixture<AcctApiTokens>(
      html`<acct-api-tokens server=${server()} organization-id=${id} lang="fr"></acct-api-tokens>`,
    );
    await listed(1)(el);
    expect(text(part(el, 'title'))).to.equal('Jetons d’API');
    expect(text(part(el, 'revoke-button'))).to.equal('Révoquer');
    expect(text(rows(el)[0]!.querySelectorAll('[part~="details"]')[2])).to.contain('Jamais utilisé');
  });

  it('shows the signed-out slot', async () => {
    const el = await fixture<AcctApiTokens>(
      html`<acct-api-tokens server=${server()} organization-id="x"><p slot="signed-out">Sign in first</p></acct-api-tokens>`,
    );
    await waitUntil(() => $(el, 'slot[name="signed-out"]'));
    expect(el.querySelector('p')!.assignedSlot).to.not.equal(null);
  });
});
