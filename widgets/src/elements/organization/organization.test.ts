/**
 * `<acct-organization>` against the real servers: creating a first organization, renaming it,
 * the members with their roles, inviting by email (checked first, then mailed through the dev
 * outbox), resending and revoking an invitation, a plain member, who sees no invitations; and the
 * people: an owner changing a role and removing a member (after a confirmation), leaving (which
 * the last owner cannot), the list following others' changes by polling, and an invitee arriving
 * from the invitation's link — welcomed, and asked their name. Members join the way people do,
 * through the invitation's emailed link (the hosted page, played by the runner).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { testServers } from 'acct-test-env';
import { runBaseSuite } from '../../testing/base-suite.js';
import { sessionStore } from '../../core/session-store.js';
import type {
  AcctInvitationRevokedDetail,
  AcctInvitationSentDetail,
  AcctMemberRemovedDetail,
  AcctMemberRoleChangedDetail,
  AcctOrganizationDetail,
} from '../../core/events.js';
import type { InvitedRole, Organization } from '../../../../contract/organizations.js';
import type { BodyOf, ResponseOf, RouteKey } from '../../../../contract/routes.js';
import type { CallInput } from '../../core/api-client.js';
import {
  $,
  createAccount,
  element,
  linkIn,
  mailTo,
  nextEvent,
  pageAddress,
  settledStore,
  signInElsewhere,
  signOutEverywhere,
  submitHostedForm,
  text,
  uniqueEmail,
} from '../../testing/helpers.js';
import { expectFitsPhone } from '../../testing/layout.js';
import { attach, deviceFor, eventually, signedInDevice, type Device } from '../../testing/onboarding.js';
import { AcctOrganization } from './define.js';

beforeEach(signOutEverywhere);

const create = (attributes: Record<string, string> = {}): AcctOrganization =>
  element('acct-organization', { server: testServers.instant, ...attributes });
const title = (el: AcctOrganization) => text($(el, 'h2'));
const part = <T extends HTMLElement = HTMLButtonElement>(el: AcctOrganization, name: string) =>
  $<T>(el, `[part~="${name}"]`);
const field = (el: AcctOrganization, selector: string) => $<HTMLInputElement>(el, selector)!;
const invitees = (el: AcctOrganization) => [...el.shadowRoot!.querySelectorAll('[part="invitee"]')].map((n) => text(n));
const showsMembers = (el: AcctOrganization) => eventually(() => part(el, 'members'), 'no members list');

/** One route of the contract as `device` (another device of the account), typed as `ApiClient.call()` is. */
function callAs<K extends RouteKey>(device: Device, route: K, input: CallInput<K>): Promise<ResponseOf<K>> {
  const [method, path] = route.split(' ') as [Parameters<Device['call']>[0], string];
  const params: Record<string, string> = input.params ?? {};
  return device.call<ResponseOf<K>>(
    method,
    path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? '')),
    input.body,
  );
}

/** A signed-in user who owns `name`. */
const owner = (name = 'Globe Theatre') =>
  signedInDevice({ prepare: (d) => callAs(d, 'POST /api/organizations', { body: { name } }) });

const firstOrganization = async (device: Device) =>
  (await callAs(device, 'GET /api/organizations', {})).organizations[0]!;
const membersOf = async (device: Device, org: Organization) =>
  (await callAs(device, 'GET /api/organizations/:id/members', { params: { id: org.id } })).members;
const inviteAs = (device: Device, org: Organization, body: BodyOf<'POST /api/organizations/:id/invitations'>) =>
  callAs(device, 'POST /api/organizations/:id/invitations', { params: { id: org.id }, body });

const mount = (attributes: Record<string, string> = {}) => attach(create(attributes));

/**
 * `email` accepts an invitation to `org` from `inviter` on the hosted page (an account is made for
 * a new address); answers where the page sends the browser: `redirectUrl`, with the session code.
 */
async function join(
  inviter: Device,
  org: Organization,
  email: string,
  { role = 'member', redirectUrl = pageAddress() }: { role?: InvitedRole; redirectUrl?: string } = {},
): Promise<string> {
  await inviteAs(inviter, org, { email, role, redirectUrl });
  const link = linkIn((await mailTo(testServers.instant, email)).text, '/auth/invitation', testServers.instant);
  const { status, location } = await submitHostedForm(link);
  if (status !== 303 || !location) throw new Error(`accepting answered ${status}`);
  return location;
}

/** An owner signed in on this page, with Globe Theatre: an admin and a member with a long name joined it. */
async function team() {
  const boss = await owner();
  const org = await firstOrganization(boss);
  const admin = await createAccount({ displayName: 'Grace Hopper' });
  const member = await createAccount({ displayName: 'Katherine Johnson-Goble of the Flight Research Division' });
  await join(boss, org, admin.email, { role: 'admin' });
  await join(boss, org, member.email);
  return { boss, org, admin, member };
}

const memberRow = (el: AcctOrganization, email: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="member"]')].find((row) => text(row)?.includes(email));
const members = (el: AcctOrganization) => el.shadowRoot!.querySelectorAll('[part~="member"]').length;

async function invite(el: AcctOrganization, email: string, role = 'member') {
  field(el, 'input[name="email"]').value = email;
  field(el, 'select[name="role"]').value = role;
  part(el, 'invite-button')!.click();
}

runBaseSuite<AcctOrganization>({
  tag: 'acct-organization',
  elementClass: AcctOrganization,
  states: [
    {
      name: 'signed out',
      create: () => create(),
      ready: (el) => eventually(() => $(el, 'slot[name="signed-out"]'), 'no signed-out slot'),
    },
    {
      name: 'no organization yet',
      create: () => create(),
      ready: async (el) => {
        await signedInDevice();
        await eventually(() => part(el, 'create-form'), 'no creation form');
      },
    },
    {
      name: 'owner with an invitation, dark',
      create: () => create({ theme: 'dark' }),
      ready: async (el) => {
        await signedInDevice({
          prepare: async (d) => {
            const { organization } = await callAs(d, 'POST /api/organizations', { body: { name: 'Globe' } });
            await inviteAs(d, organization, { email: uniqueEmail('crew') });
          },
        });
        await eventually(() => invitees(el).length === 1, 'no invitation listed');
      },
    },
    {
      name: 'owner of a team',
      create: () => create(),
      ready: async (el) => {
        await team();
        await eventually(() => members(el) === 3, 'not three members', 8000);
      },
    },
    {
      name: 'plain member',
      create: () => create(),
      ready: async (el) => {
        const boss = await signedInDevice({
          displayName: 'Boss',
          prepare: (d) => callAs(d, 'POST /api/organizations', { body: { name: 'Globe' } }),
        });
        await signOutEverywhere();
        const crew = await signedInDevice({
          displayName: 'Crew',
          prepare: async (d) => join(boss, await firstOrganization(boss), d.email),
        });
        await eventually(
          () => members(el) === 2 && part(el, 'leave-button'),
          `${crew.email} does not see both members`,
          8000,
        );
      },
    },
  ],
  events: [
    {
      name: 'creating an organization',
      event: 'acct-organization-created',
      create: () => create(),
      ready: async (el) => {
        await signedInDevice();
        await eventually(() => part(el, 'create-form'), 'no creation form');
      },
      trigger: async (el) => {
        field(el, 'input[name="name"]').value = 'Old Vic';
        part(el, 'create-button')!.click();
      },
    },
    {
      name: 'inviting',
      event: 'acct-invitation-sent',
      create: () => create(),
      ready: async (el) => {
        await owner();
        await showsMembers(el);
      },
      trigger: (el) => invite(el, uniqueEmail('crew')),
    },
    {
      name: 'changing a role',
      event: 'acct-member-role-changed',
      create: () => create(),
      ready: async (el) => {
        await team();
        await eventually(() => members(el) === 3, 'not three members', 8000);
      },
      trigger: async (el) => {
        const select = $<HTMLSelectElement>(el, '[part~="role-select"]')!;
        select.value = 'member';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      },
    },
  ],
});

describe('<acct-organization>', () => {
  it('creates a first organization, and shows it with its owner', async () => {
    const device = await signedInDevice({ displayName: 'Ada Lovelace' });
    const el = await mount();
    await eventually(() => part(el, 'create-form'), 'no creation form');
    part(el, 'create-button')!.click();
    await eventually(() => text($(el, '[part="field-error"]')) === 'Fill in this field.', 'no name error');

    field(el, 'input[name="name"]').value = 'Old Vic';
    const created = nextEvent<AcctOrganizationDetail>(el, 'acct-organization-created');
    part(el, 'create-button')!.click();
    expect((await created).detail.organization).to.deep.include({ name: 'Old Vic', role: 'owner' });
    await eventually(() => title(el) === 'Old Vic', 'the organization is not shown');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'h2'));
    await showsMembers(el);
    expect(text(part(el, 'member'))).to.equal('Ada Lovelace You ' + device.email + ' Owner');
  });

  it('renames the organization inline', async () => {
    await owner('Globe');
    const el = await mount();
    await eventually(() => part(el, 'rename-button'), 'no rename button');
    part(el, 'rename-button')!.click();
    await eventually(() => part(el, 'rename-form'), 'no rename form');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[name="name"]'));
    field(el, 'input[name="name"]').value = 'Globe Theatre';
    const renamed = nextEvent<AcctOrganizationDetail>(el, 'acct-organization-renamed');
    part(el, 'save-button')!.click();
    expect((await renamed).detail.organization.name).to.equal('Globe Theatre');
    await eventually(() => title(el) === 'Globe Theatre', 'not renamed');
  });

  it('invites by email with a role (checked first), and the invitation is mailed', async () => {
    await owner();
    const el = await mount();
    await showsMembers(el);
    expect(text(part(el, 'empty'))).to.equal('No open invitations.');
    await invite(el, 'not-an-address');
    await eventually(
      () =>
        text($(el, '[part~="invite-form"] [part="field-error"]')) ===
        'Enter a valid email address, like name@example.com.',
      'no email error',
    );

    const email = uniqueEmail('stage');
    const sent = nextEvent<AcctInvitationSentDetail>(el, 'acct-invitation-sent');
    await invite(el, email, 'admin');
    const { detail } = await sent;
    expect(detail.invitation).to.deep.include({ email, role: 'admin' });
    expect(detail.resent).to.equal(false);
    await eventually(() => invitees(el).includes(email), 'the invitation is not listed');
    expect(field(el, 'input[name="email"]').value, 'the form is cleared for the next one').to.equal('');
    expect((await mailTo(testServers.instant, email)).text).to.contain('/auth/invitation?token=');
  });

  it('resends and revokes an invitation', async () => {
    const email = uniqueEmail('crew');
    const device = await owner();
    const org = await firstOrganization(device);
    await inviteAs(device, org, { email });
    const el = await mount();
    await eventually(() => invitees(el).length === 1, 'no invitation listed');

    // Sent a moment ago: the server allows one resend a minute, and says how long to wait.
    part(el, 'resend-button')!.click();
    await eventually(
      () => /^Too many attempts\. Try again in/.test(text(part(el, 'action-error')) ?? ''),
      'no wait message',
    );

    const revoked = nextEvent<AcctInvitationRevokedDetail>(el, 'acct-invitation-revoked');
    part(el, 'revoke-button')!.click();
    expect((await revoked).detail.invitation.email).to.equal(email);
    await eventually(() => invitees(el).length === 0, 'the invitation is still listed');
    const { invitations } = await callAs(device, 'GET /api/organizations/:id/invitations', { params: { id: org.id } });
    expect(invitations).to.have.length(0);
  });

  it('shows an admin the invitations as member they may send, and marks a link that lapsed with its sender', async () => {
    const boss = await owner();
    const org = await firstOrganization(boss);
    // An admin invites someone, then is removed: their invitation no longer works.
    const leaver = await createAccount({ displayName: 'Leaver' });
    await join(boss, org, leaver.email, { role: 'admin' });
    const again = await signInElsewhere(leaver.email);
    const lapsed = uniqueEmail('lapsed');
    await inviteAs(deviceFor(leaver.email, again.session.token!), org, { email: lapsed });
    await callAs(boss, 'DELETE /api/organizations/:id/members/:userId', {
      params: { id: org.id, userId: again.user.id },
    });
    const asAdmin = uniqueEmail('as-admin');
    await inviteAs(boss, org, { email: asAdmin, role: 'admin' });

    // This page signs in as another admin, through their invitation's link.
    const admin = await createAccount({ displayName: 'Grace Hopper' });
    const arrival = new URL(await join(boss, org, admin.email, { role: 'admin' }));
    const code = new URLSearchParams(arrival.hash.slice(1)).get('acct_code')!;
    await (await settledStore(testServers.instant)).exchangeCode(code, { confirm: true });
    const el = await mount({ 'organization-id': org.id });
    await eventually(() => invitees(el).length === 2, 'not both invitations');
    const row = (email: string) =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="item"]')].find((li) => text(li)?.includes(email))!;
    expect(part(el, 'invite-form')!.querySelector('select'), 'an admin invites members only').to.equal(null);
    expect(text(row(lapsed).querySelector('[part="badge"]'))).to.equal('No longer valid');
    expect(row(lapsed).querySelector('[part~="resend-button"]'), 're-sending renews it').to.not.equal(null);
    expect(row(asAdmin).querySelector('[part="badge"]')).to.equal(null);
    expect(row(asAdmin).querySelector('[part~="resend-button"]'), 'only an owner re-sends it').to.equal(null);
    expect(row(asAdmin).querySelector('[part~="revoke-button"]')).to.not.equal(null);
  });

  it('shows a plain member the members but no invitations', async () => {
    const boss = await owner();
    const org = await firstOrganization(boss);
    const member = await signedInDevice({ displayName: 'Ben' });
    // The member joins the way people do: through the invitation's emailed link.
    await inviteAs(boss, org, { email: member.email });
    const link = linkIn(
      (await mailTo(testServers.instant, member.email)).text,
      '/auth/invitation',
      testServers.instant,
    );
    const accepted = await submitHostedForm(link);
    expect(accepted.status).to.equal(303);
    // Accepting proves the member's address, which ends the sessions made before it
    // (server/modules/users/address-proof.ts): the member goes on with the one it hands over.
    const code = new URLSearchParams(new URL(accepted.location!).hash.slice(1)).get('acct_code')!;
    await (await settledStore(testServers.instant)).exchangeCode(code, { confirm: true });
    const el = await mount({ 'organization-id': org.id });
    await showsMembers(el);
    await eventually(() => el.shadowRoot!.querySelectorAll('[part~="member"]').length === 2, 'not both members');
    expect(text(part(el, 'notice'))).to.equal('Only owners and admins can invite people.');
    expect(part(el, 'invite-form')).to.equal(null);
    expect(part(el, 'rename-button')).to.equal(null);
  });

  it('lets an owner change a role; the last owner keeps theirs', async () => {
    const { boss, org, admin } = await team();
    const el = await mount();
    await eventually(() => members(el) === 3, 'not three members', 8000);
    const ownRow = memberRow(el, boss.email)!;
    expect(ownRow.querySelector('[part~="role-select"]'), 'the last owner cannot be demoted').to.equal(null);
    expect(text(ownRow.querySelector('[part="role"]'))).to.equal('Owner');

    const select = memberRow(el, admin.email)!.querySelector<HTMLSelectElement>('[part~="role-select"]')!;
    expect(select.value).to.equal('admin');
    expect(select.labels![0]!.textContent).to.equal('Role of Grace Hopper');
    const changed = nextEvent<AcctMemberRoleChangedDetail>(el, 'acct-member-role-changed');
    select.value = 'owner';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const { detail } = await changed;
    expect([detail.organizationId, detail.member.role, detail.previousRole]).to.deep.equal([org.id, 'owner', 'admin']);
    await eventually(() => text($(el, '[role="status"]')) === 'Grace Hopper’s role is now Owner.', 'not announced');
    // Two owners now: either may step down, so every member's role has a select.
    await eventually(
      () => el.shadowRoot!.querySelectorAll('[part~="role-select"]').length === 3,
      'every member has a select once there are two owners',
    );
    const listed = await membersOf(boss, org);
    expect(listed.find((m) => m.email === admin.email)?.role).to.equal('owner');
  });

  it('removes a member after a confirmation, which Escape cancels', async () => {
    const { org, member } = await team();
    const el = await mount();
    await eventually(() => members(el) === 3, 'not three members', 8000);
    const remove = () => memberRow(el, member.email)!.querySelector<HTMLButtonElement>('[part~="remove-button"]')!;
    expect(remove().getAttribute('aria-label')).to.equal(
      'Remove Katherine Johnson-Goble of the Flight Research Division',
    );

    remove().click();
    await eventually(() => part(el, 'confirm'), 'no confirmation');
    expect(el.shadowRoot!.activeElement, 'focus on Cancel').to.equal(part(el, 'cancel-button'));
    await expectFitsPhone(el, 'acct-organization/confirming-a-removal');
    await sendKeys({ press: 'Escape' });
    await eventually(() => !part(el, 'confirm'), 'Escape did not cancel');
    expect(el.shadowRoot!.activeElement, 'focus back on Remove').to.equal(remove());

    remove().click();
    await eventually(() => part(el, 'confirm-button'), 'no confirmation');
    const removed = nextEvent<AcctMemberRemovedDetail>(el, 'acct-member-removed');
    part(el, 'confirm-button')!.click();
    expect((await removed).detail).to.deep.include({ organizationId: org.id });
    await eventually(() => members(el) === 2, 'still listed');
    expect(text($(el, '[role="status"]'))).to.equal(
      'Katherine Johnson-Goble of the Flight Research Division is removed.',
    );
  });

  it('lets a member leave after a confirmation; the last owner is told why they cannot', async () => {
    const boss = await owner('Globe');
    const org = await firstOrganization(boss);
    const ownerView = await mount();
    await eventually(() => part(ownerView, 'leave-button'), 'no leave button');
    const stuck = part(ownerView, 'leave-button')!;
    expect(stuck.getAttribute('aria-disabled')).to.equal('true');
    expect(text(part(ownerView, 'hint'))).to.equal(
      'You are its only owner: make another member an owner before you leave.',
    );
    stuck.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(part(ownerView, 'confirm'), 'no confirmation for the last owner').to.equal(null);
    ownerView.remove();

    await signOutEverywhere();
    await signedInDevice({ displayName: 'Crew', prepare: (d) => join(boss, org, d.email) });
    const el = await mount();
    await eventually(() => part(el, 'leave-button')?.getAttribute('aria-disabled') === 'false', 'no leave button');
    expect(text(part(el, 'leave-button'))).to.equal('Leave Globe');
    part(el, 'leave-button')!.click();
    await eventually(
      () =>
        text(part(el, 'confirm')?.querySelector('p')) === 'Leave Globe? You will need a new invitation to come back.',
      'no confirmation',
    );
    const left = nextEvent<AcctOrganizationDetail>(el, 'acct-organization-left');
    part(el, 'confirm-button')!.click();
    expect((await left).detail.organization.id).to.equal(org.id);
    await eventually(() => part(el, 'create-form'), 'the element did not show that the user has no organization now');
    const remaining = await membersOf(boss, org);
    expect(remaining).to.have.length(1);
  });

  it('keeps the members and invitations current while the page is open', async () => {
    const boss = await owner();
    const org = await firstOrganization(boss);
    const el = await mount({ 'poll-interval': '2' });
    await eventually(() => members(el) === 1, 'no member');
    const newcomer = await createAccount({ displayName: 'Nia' });
    await join(boss, org, newcomer.email);
    await eventually(() => memberRow(el, newcomer.email), 'the new member did not show without a reload', 10_000);
    const invited = uniqueEmail('later');
    await inviteAs(boss, org, { email: invited });
    await eventually(() => invitees(el).includes(invited), 'an invitation sent elsewhere did not show', 10_000);
  });

  it('welcomes an invitee arriving from the link, and asks their name', async () => {
    // A store this file has not started yet: it takes the code from the address as a page load does.
    const server = testServers.noMagicLink;
    const boss = await owner('Globe');
    const org = await firstOrganization(boss);
    const newcomer = uniqueEmail('newcomer');
    const arrival = new URL(await join(boss, org, newcomer));
    expect(arrival.hash).to.match(/^#acct_code=.+&acct_flow=invitation$/);
    await signOutEverywhere();
    history.replaceState(null, '', `${location.pathname}${location.search}${arrival.hash}`);

    const el = await mount({ server });
    // Nobody's browser asked for an invitation link: acct asks before it signs in (login CSRF).
    await eventually(() => document.querySelector('acct-hand-over'), 'not asked first', 8000);
    document
      .querySelector('acct-hand-over')!
      .shadowRoot!.querySelector<HTMLButtonElement>('[part~="continue-button"]')!
      .click();
    await eventually(() => part(el, 'welcome'), 'no welcome', 8000);
    expect(location.hash, 'the code left the address bar').to.equal('');
    expect(text(part(el, 'welcome-title'))).to.equal('You joined Globe');
    expect(title(el)).to.equal('Globe');
    await eventually(() => text($(el, '[role="status"]')) === 'You joined Globe', 'not announced');

    const save = part(el, 'save-name-button')!;
    save.click();
    await eventually(
      () => text(part(el, 'name-form')?.querySelector('[part="field-error"]')) === 'Fill in this field.',
      'an empty name was not refused',
    );
    field(el, 'input[name="displayName"]').value = 'Nia Okafor';
    save.click();
    await eventually(() => !part(el, 'name-form'), 'the prompt stayed');
    // The prompt goes as soon as the name is saved; the page's session learns it one request later.
    await eventually(() => sessionStore(server).user?.displayName === 'Nia Okafor', 'the page does not know the name');
    await eventually(
      () => text(memberRow(el, newcomer)?.querySelector('[part="member-name"]')) === 'Nia Okafor',
      'the members list does not show the name',
    );
    const listed = await membersOf(boss, org);
    expect(listed.find((m) => m.email === newcomer)?.displayName).to.equal('Nia Okafor');
  });

  it('sends invitees back to the page that invited them', async () => {
    await owner();
    const el = await mount();
    await showsMembers(el);
    const email = uniqueEmail('back');
    await invite(el, email);
    await eventually(() => invitees(el).includes(email), 'not invited');
    const link = linkIn((await mailTo(testServers.instant, email)).text, '/auth/invitation', testServers.instant);
    const { location: back } = await submitHostedForm(link);
    expect(back!.replace(/#.*$/, '')).to.equal(pageAddress());
  });
});
