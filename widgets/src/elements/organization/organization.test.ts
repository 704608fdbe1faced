/**
 * `<acct-organization>` against the real servers: creating a first organization, renaming it,
 * the members with their roles, inviting by email (checked first, then mailed through the dev
 * outbox), resending and revoking an invitation, and a plain member, who sees no invitations.
 */
import { expect } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import { runBaseSuite } from '../../core/base-suite.js';
import type { AcctInvitationRevokedDetail, AcctInvitationSentDetail, AcctOrganizationDetail } from '../../core/onboarding-events.js';
import type { Organization } from '../../core/onboarding-types.js';
import { $, element, linkIn, mailTo, nextEvent, signOutEverywhere, submitHostedForm, text, uniqueEmail } from '../../testing/helpers.js';
import { attach, eventually, signedInDevice, type Device } from '../../testing/onboarding.js';
import { AcctOrganization } from './define.js';

beforeEach(signOutEverywhere);

const create = (attributes: Record<string, string> = {}): AcctOrganization => element('acct-organization', { server: testServers.instant, ...attributes });
const title = (el: AcctOrganization) => text($(el, 'h2'));
const part = <T extends HTMLElement = HTMLButtonElement>(el: AcctOrganization, name: string) => $<T>(el, `[part~="${name}"]`);
const field = (el: AcctOrganization, selector: string) => $<HTMLInputElement>(el, selector)!;
const invitees = (el: AcctOrganization) => [...el.shadowRoot!.querySelectorAll('[part="invitee"]')].map((n) => text(n));
const showsMembers = (el: AcctOrganization) => eventually(() => part(el, 'members'), 'no members list');

/** A signed-in user who owns `name`. */
const owner = (name = 'Globe Theatre') => signedInDevice({ prepare: (d) => d.call('POST', '/api/organizations', { name }) });

const firstOrganization = async (device: Device) => (await device.call<{ organizations: Organization[] }>('GET', '/api/organizations')).organizations[0]!;

const mount = (attributes: Record<string, string> = {}) => attach(create(attributes));

async function invite(el: AcctOrganization, email: string, role = 'member') {
  field(el, 'input[name="email"]').value = email;
  field(el, 'select[name="role"]').value = role;
  part(el, 'invite-button')!.click();
}

runBaseSuite<AcctOrganization>({
  tag: 'acct-organization',
  elementClass: AcctOrganization,
  states: [
    { name: 'signed out', create: () => create(), ready: (el) => eventually(() => $(el, 'slot[name="signed-out"]'), 'no signed-out slot') },
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
            const { organization } = await d.call<{ organization: Organization }>('POST', '/api/organizations', { name: 'Globe' });
            await d.call('POST', `/api/organizations/${organization.id}/invitations`, { email: uniqueEmail('crew') });
          },
        });
        await eventually(() => invitees(el).length === 1, 'no invitation listed');
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
    await eventually(() => text($(el, '[part~="invite-form"] [part="field-error"]')) === 'Enter a valid email address, like name@example.com.', 'no email error');

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
    await device.call('POST', `/api/organizations/${org.id}/invitations`, { email });
    const el = await mount();
    await eventually(() => invitees(el).length === 1, 'no invitation listed');

    // Sent a moment ago: the server allows one resend a minute, and says how long to wait.
    part(el, 'resend-button')!.click();
    await eventually(() => /^Too many attempts\. Try again in/.test(text(part(el, 'action-error')) ?? ''), 'no wait message');

    const revoked = nextEvent<AcctInvitationRevokedDetail>(el, 'acct-invitation-revoked');
    part(el, 'revoke-button')!.click();
    expect((await revoked).detail.invitation.email).to.equal(email);
    await eventually(() => invitees(el).length === 0, 'the invitation is still listed');
    const { invitations } = await device.call<{ invitations: unknown[] }>('GET', `/api/organizations/${org.id}/invitations`);
    expect(invitations).to.have.length(0);
  });

  it('shows a plain member the members but no invitations', async () => {
    const boss = await owner();
    const org = await firstOrganization(boss);
    const member = await signedInDevice({ displayName: 'Ben' });
    // The member joins the way people do: through the invitation's emailed link.
    await boss.call('POST', `/api/organizations/${org.id}/invitations`, { email: member.email });
    const link = linkIn((await mailTo(testServers.instant, member.email)).text, '/auth/invitation', testServers.instant);
    expect((await submitHostedForm(link)).status).to.equal(303);
    const el = await mount({ 'organization-id': org.id });
    await showsMembers(el);
    await eventually(() => el.shadowRoot!.querySelectorAll('[part~="member"]').length === 2, 'not both members');
    expect(text(part(el, 'notice'))).to.equal('Only owners and admins can invite people.');
    expect(part(el, 'invite-form')).to.equal(null);
    expect(part(el, 'rename-button')).to.equal(null);
  });
});
