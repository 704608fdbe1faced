/**
 * `<acct-organization>`: the signed-in user's organization, small on purpose. Without one, a form
 * to create it; with one (or a choice among several), its name (renamed inline by owners and
 * admins), its members with their roles, and — for owners and admins — the invitations: invite an
 * address with a role, and resend or revoke the open ones. Each invitation mails a link to the
 * hosted page where it is accepted (server/modules/organizations). This module only declares the
 * class; `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { selectField } from '../../core/form-fields.js';
import { fieldErrorMessage } from '../../core/i18n/onboarding.js';
import { OnboardingElement } from '../../core/onboarding-element.js';
import { organizationsApi } from '../../core/onboarding-api.js';
import type { AcctInvitationRevokedDetail, AcctInvitationSentDetail, AcctOrganizationDetail } from '../../core/onboarding-events.js';
import type { Invitation, Member, Organization } from '../../core/onboarding-types.js';
import { renderLoadError, renderLoading } from '../../core/views.js';
import { looksLikeEmail } from '../onboarding/steps/step-form.js';
import { organizationStyles } from './organization.styles.js';
import { renderCreate, renderHeading, renderInvitations, renderMembers, type FormState } from './organization-views.js';

interface Details {
  members: Member[];
  /** Open invitations; empty for a plain member, who cannot see them. */
  invitations: Invitation[];
}

/**
 * The user's organization: create it, rename it, see its members, invite people.
 *
 * @summary Organization: create or rename, members and roles, invitations by email (invite, resend, revoke).
 *
 * @tag acct-organization
 *
 * @slot signed-out - Shown instead of the organization while nobody is signed in; defaults to a short message.
 *
 * @fires {CustomEvent<AcctOrganizationDetail>} acct-organization-created - The user created an organization; `detail.organization`.
 * @fires {CustomEvent<AcctOrganizationDetail>} acct-organization-renamed - The user renamed it; `detail.organization`.
 * @fires {CustomEvent<AcctInvitationSentDetail>} acct-invitation-sent - The user invited someone or sent an invitation
 * again; `detail` is `{ organizationId, invitation, resent }`.
 * @fires {CustomEvent<AcctInvitationRevokedDetail>} acct-invitation-revoked - The user revoked an open invitation;
 * `detail` is `{ organizationId, invitation }`.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - An action failed; `detail` is `{ code, status, message }`.
 *
 * @csspart base - The card around everything.
 * @csspart title - The organization's name (or "Create your organization").
 * @csspart description - The line under the creation form's heading.
 * @csspart details - Secondary lines: your role and the member count, a member's address, an invitation's role and date.
 * @csspart form - Every form (create, rename, invite).
 * @csspart create-form - The form creating an organization.
 * @csspart rename-form - The inline rename form.
 * @csspart invite-form - The invitation form.
 * @csspart field - A field: label, control, error.
 * @csspart label - A field's label.
 * @csspart input - A text field.
 * @csspart select - A select (the organization, an invitation's role).
 * @csspart field-error - A field's error.
 * @csspart section-title - The "Members" and "Invitations" headings.
 * @csspart list - The members and invitations lists.
 * @csspart members - The members list (with `list`).
 * @csspart invitations - The invitations list (with `list`).
 * @csspart item - A row of either list.
 * @csspart member - A member's row (with `item`).
 * @csspart member-name - A member's name.
 * @csspart invitation - An invitation's row (with `item`).
 * @csspart invitee - An invitation's address.
 * @csspart icon - A row's icon.
 * @csspart badge - The "You" and "Expired" badges.
 * @csspart role - A member's role.
 * @csspart button - Every button.
 * @csspart create-button - "Create the organization".
 * @csspart rename-button - "Rename".
 * @csspart save-button - The rename form's "Save".
 * @csspart cancel-button - The rename form's "Cancel".
 * @csspart invite-button - "Send the invitation".
 * @csspart resend-button - An invitation's "Resend".
 * @csspart revoke-button - An invitation's "Revoke".
 * @csspart empty - "No open invitations."
 * @csspart notice - Why only owners and admins see invitations.
 * @csspart action-error - Why the last action failed.
 * @csspart status - A loading message.
 * @csspart signed-out - The default content of the `signed-out` slot.
 * @csspart error - The message when the organization could not be loaded.
 * @csspart retry-button - The button that loads it again.
 *
 * @cssproperty [--acct-organization-max-width=40rem] - The widest the card grows.
 */
export class AcctOrganization extends OnboardingElement {
  static override styles = [OnboardingElement.styles, organizationStyles];

  /** Which of the user's organizations to show; empty: the one the user picks, else their first. */
  @property({ attribute: 'organization-id' }) organizationId = '';

  @state() private picked = '';
  @state() private renaming = false;

  private readonly organizations = new Task(this, {
    task: async ([store, key], { signal }) => (key ? organizationsApi.list(store.api, { signal }) : undefined),
    args: () => [this.session.store, this.sessionKey] as const,
  });

  private readonly details = new Task(this, {
    task: async ([store, org], { signal }): Promise<Details | undefined> => {
      if (!org) return undefined;
      const [members, invitations] = await Promise.all([
        organizationsApi.members(store.api, org.id, { signal }),
        org.role === 'member' ? Promise.resolve([]) : organizationsApi.invitations(store.api, org.id, { signal }),
      ]);
      return { members, invitations };
    },
    args: () => [this.session.store, this.active] as const,
  });

  /** The organization shown: the attribute's, else the picked one, else the first. */
  private get active(): Organization | undefined {
    const list = this.organizations.value ?? [];
    return list.find((org) => org.id === (this.organizationId || this.picked)) ?? (this.organizationId ? undefined : list[0]);
  }

  override render(): TemplateResult {
    const o = this.o;
    return html`
      <section part="base" class="base" lang=${this.t.$lang} aria-label=${o.organization.title}>
        ${this.renderForSession(this.organizations, { loadFailed: o.organization.loadFailed, signedOut: o.organization.signedOut }, () =>
          this.renderContent(),
        )}
        ${this.actionError ? html`<p part="action-error" class="error" role="alert">${this.actionError}</p>` : nothing}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </section>
    `;
  }

  private renderContent(): TemplateResult {
    const form: FormState = { o: this.o, busy: this.busy, errors: this.fieldErrors };
    const list = this.organizations.value ?? [];
    const org = this.active;
    if (!org) return renderCreate(form, this.create);
    const t = this.t;
    return html`
      ${renderHeading(form, org, this.renaming, this.headingHandlers)}
      ${list.length > 1 && !this.organizationId
        ? selectField({ name: 'organization', label: this.o.organization.pick, value: org.id, options: list.map((x) => ({ value: x.id, label: x.name })), onChange: this.pick })
        : nothing}
      ${this.details.render({
        initial: () => renderLoading(t),
        pending: () => (this.details.value ? this.renderDetails(org, this.details.value) : renderLoading(t)),
        complete: (details) => (details ? this.renderDetails(org, details) : renderLoading(t)),
        error: (error) => renderLoadError(t, this.o.organization.loadFailed, error, () => void this.details.run()),
      })}
    `;
  }

  private renderDetails(org: Organization, { members, invitations }: Details): TemplateResult {
    const form: FormState = { o: this.o, busy: this.busy, errors: this.fieldErrors };
    return html`
      ${renderMembers(this.o, members, this.session.store.user?.id)}
      ${org.role === 'member'
        ? html`<p part="notice" class="status">${this.o.organization.onlyAdminsInvite}</p>`
        : renderInvitations(form, invitations, { invite: this.invite, resend: this.resend, revoke: this.revoke })}
    `;
  }

  private readonly pick = (event: Event): void => {
    this.picked = (event.target as HTMLSelectElement).value;
    this.renaming = false;
  };

  private readonly startRename = (): void => {
    this.renaming = true;
    void this.focusAfterUpdate('input[name="name"]');
  };

  private readonly cancelRename = (): void => {
    this.renaming = false;
    this.fieldErrors = {};
    void this.focusAfterUpdate('.rename-button');
  };

  private readonly rename = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const org = this.active;
    const name = this.nameIn(event);
    if (!org || name === undefined) return;
    await this.attempt(async () => {
      const renamed = await organizationsApi.rename(this.session.store.api, org.id, name);
      this.renaming = false;
      await this.organizations.run();
      this.emit<AcctOrganizationDetail>('acct-organization-renamed', { organization: renamed });
      this.announcement = this.o.organization.renamed(renamed.name);
      await this.focusAfterUpdate('h2');
    });
  };

  private readonly headingHandlers = {
    startRename: this.startRename,
    cancelRename: this.cancelRename,
    rename: this.rename,
    renameKeydown: (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      this.cancelRename();
    },
  };

  private readonly create = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const name = this.nameIn(event);
    if (name === undefined) return;
    await this.attempt(async () => {
      const created = await organizationsApi.create(this.session.store.api, name);
      this.picked = created.id;
      await this.organizations.run();
      this.emit<AcctOrganizationDetail>('acct-organization-created', { organization: created });
      this.announcement = this.o.organization.created(created.name);
      await this.focusAfterUpdate('h2');
    });
  };

  private readonly invite = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const role = data.get('role') === 'admin' ? 'admin' : 'member';
    const org = this.active;
    if (!org || this.busy) return;
    if (!looksLikeEmail(email)) return this.showFieldErrors({ email: fieldErrorMessage(this.o, email ? 'invalid_email' : 'required') });
    await this.attempt(async () => {
      const invitation = await organizationsApi.invite(this.session.store.api, org.id, { email, role });
      form.reset();
      await this.details.run();
      this.emit<AcctInvitationSentDetail>('acct-invitation-sent', { organizationId: org.id, invitation, resent: false });
      this.announcement = this.o.organization.invited(invitation.email);
    });
  };

  private readonly resend = (event: Event): Promise<void> =>
    this.onInvitation(event, async (org, invitation) => {
      const renewed = await organizationsApi.resend(this.session.store.api, org.id, invitation.id);
      this.emit<AcctInvitationSentDetail>('acct-invitation-sent', { organizationId: org.id, invitation: renewed, resent: true });
      this.announcement = this.o.organization.resent(invitation.email);
    });

  private readonly revoke = (event: Event): Promise<void> =>
    this.onInvitation(event, async (org, invitation) => {
      await organizationsApi.revoke(this.session.store.api, org.id, invitation.id);
      this.emit<AcctInvitationRevokedDetail>('acct-invitation-revoked', { organizationId: org.id, invitation });
      this.announcement = this.o.organization.revoked(invitation.email);
      // The row is gone: focus goes back to the invitation form.
      await this.focusAfterUpdate('input[name="email"]');
    });

  /** Runs `work` on the invitation whose button was pressed, then reloads the list. */
  private async onInvitation(event: Event, work: (org: Organization, invitation: Invitation) => Promise<void>): Promise<void> {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    const org = this.active;
    const invitation = this.details.value?.invitations.find((inv) => inv.id === id);
    if (!org || !invitation || this.busy) return;
    await this.attempt(async () => {
      await work(org, invitation);
      await this.details.run();
    });
  }

  /** The submitted form's `name`, or undefined (with its error shown) when it is blank or a request is running. */
  private nameIn(event: SubmitEvent): string | undefined {
    if (this.busy) return undefined;
    const name = String(new FormData(event.currentTarget as HTMLFormElement).get('name') ?? '').trim();
    if (!name) this.showFieldErrors({ name: fieldErrorMessage(this.o, 'required') });
    return name || undefined;
  }
}
