/**
 * `<acct-organization>`: the signed-in user's organization, small on purpose. Without one, a form
 * to create it; with one (or a choice among several), its name (renamed inline by owners and
 * admins), its members with their roles — changed by owners, removed by owners and admins after a
 * confirmation — "Leave", and for owners and admins the invitations: invite an address (with a
 * role, for owners: making an admin takes one), and resend or revoke the open ones, marked when
 * expired or lapsed with their sender's role. Each invitation mails a link to the hosted page where it is
 * accepted (server/modules/organizations), which brings the invitee back to this page signed in:
 * the element then welcomes them ("You joined Acme") and asks their name if the account has none.
 * Members and invitations stay current by polling while the page is visible (organization-data.ts);
 * the member rows' actions are in organization-members.ts. This module declares the class, its
 * other actions and views; `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { looksLikeEmail, selectField } from '../../core/form-fields.js';
import { fieldErrorMessage } from '../../core/i18n/index.js';
import type { Invitation, Organization } from '../../../../contract/organizations.js';
import { returnAddress } from '../../core/return-address.js';
import { renderLoadError, renderLoading } from '../../core/views.js';
import { renderLeave, renderMembers, renderWelcome, type MembersContext } from './members-view.js';
import type { Details } from './organization-data.js';
import { OrganizationMembers } from './organization-members.js';
import { organizationStyles } from './organization.styles.js';
import { renderCreate, renderHeading, renderInvitations, type FormState } from './organization-views.js';

/**
 * The user's organization: create it, rename it, see its members and manage them, invite people,
 * leave it; and the welcome of someone an invitation just brought in.
 *
 * @summary Organization: create or rename; members (change a role, remove, leave); invitations by email; welcomes invitees; stays current.
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
 * @fires {CustomEvent<AcctMemberRoleChangedDetail>} acct-member-role-changed - An owner gave a member another role;
 * `detail` is `{ organizationId, member, previousRole }`.
 * @fires {CustomEvent<AcctMemberRemovedDetail>} acct-member-removed - The user removed a member; `detail` is `{ organizationId, member }`.
 * @fires {CustomEvent<AcctOrganizationDetail>} acct-organization-left - The user left the organization; `detail.organization`.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - An action failed; `detail` is `{ code, status, message }`.
 *
 * @csspart base - The card around everything.
 * @csspart title - The organization's name (or "Create your organization").
 * @csspart description - The line under the creation form's heading.
 * @csspart details - Secondary lines: your role and the member count, a member's address, an invitation's role and date.
 * @csspart welcome - "You joined Acme", shown after accepting an invitation brought the user to this page.
 * @csspart welcome-title - Its first line.
 * @csspart name-form - The welcome's name prompt, while the account has no name.
 * @csspart save-name-button - Its button.
 * @csspart form - Every form (create, rename, invite, name).
 * @csspart create-form - The form creating an organization.
 * @csspart rename-form - The inline rename form.
 * @csspart invite-form - The invitation form.
 * @csspart field - A field: label, control, error.
 * @csspart label - A field's label.
 * @csspart input - A text field.
 * @csspart select - A select (the organization, an invitation's role, for owners, a member's role).
 * @csspart role-select - A member's role, as owners see it (with `select`).
 * @csspart field-error - A field's error.
 * @csspart section-title - The "Members" and "Invitations" headings.
 * @csspart list - The members and invitations lists.
 * @csspart members - The members list (with `list`).
 * @csspart item - A row of either list.
 * @csspart member - A member's row (with `item`).
 * @csspart member-name - A member's name.
 * @csspart invitee - An invitation's address.
 * @csspart badge - The "You", "Expired" and "No longer valid" badges.
 * @csspart role - A member's role, as text (for those who cannot change it).
 * @csspart button - Every button.
 * @csspart create-button - "Create the organization".
 * @csspart rename-button - "Rename".
 * @csspart save-button - The rename form's "Save".
 * @csspart cancel-button - The rename form's or a confirmation's "Cancel" (a confirmation's also Escape).
 * @csspart invite-button - "Send the invitation".
 * @csspart resend-button - An invitation's "Resend".
 * @csspart revoke-button - An invitation's "Revoke".
 * @csspart remove-button - A member's "Remove".
 * @csspart confirm - The inline confirmation of a removal or of leaving: its question and buttons.
 * @csspart confirm-button - The button that confirms.
 * @csspart leave-button - "Leave Acme".
 * @csspart hint - Why the last owner cannot leave.
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
export class AcctOrganization extends OrganizationMembers {
  static override stringAreas = ['onboarding'] as const;

  static override styles = [OrganizationMembers.styles, organizationStyles];

  @state() private renaming = false;
  /** The welcome's name prompt was answered. */
  @state() private named = false;

  override render(): TemplateResult {
    const t = this.t;
    return html`
      <section part="base" class="base" lang=${this.t.$lang} aria-label=${t.organization.title}>
        ${this.renderForSession(
          this.organizations,
          { loadFailed: t.organization.loadFailed, signedOut: t.organization.signedOut },
          () => this.renderContent(),
        )}
        ${this.actionError ? html`<p part="action-error" class="error" role="alert">${this.actionError}</p>` : nothing}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </section>
    `;
  }

  private renderContent(): TemplateResult {
    const form: FormState = { t: this.t, busy: this.busy, errors: this.fieldErrors };
    const list = this.organizations.value ?? [];
    const org = this.active;
    if (!org) return renderCreate(form, this.create);
    const t = this.t;
    return html`
      ${this.joined ? this.renderWelcome() : nothing}
      ${renderHeading(form, org, this.renaming, this.headingHandlers)}
      ${
        list.length > 1 && !this.organizationId
          ? selectField({
              name: 'organization',
              label: this.t.organization.pick,
              value: org.id,
              options: list.map((x) => ({ value: x.id, label: x.name })),
              onChange: this.pick,
            })
          : nothing
      }
      ${this.details.render({
        initial: () => renderLoading(t),
        pending: () => (this.details.value ? this.renderDetails(org, this.details.value) : renderLoading(t)),
        complete: (details) => (details ? this.renderDetails(org, details) : renderLoading(t)),
        error: (error) => renderLoadError(t, this.t.organization.loadFailed, error, () => void this.details.run()),
      })}
    `;
  }

  private renderWelcome(): TemplateResult {
    const askName = !this.named && !this.session.store.user?.displayName;
    return renderWelcome(
      { t: this.t, busy: this.busy },
      this.joined!,
      { askName, error: this.fieldErrors.displayName },
      { saveName: this.saveName },
    );
  }

  private renderDetails(org: Organization, { members, invitations }: Details): TemplateResult {
    const form: FormState = { t: this.t, busy: this.busy, errors: this.fieldErrors };
    const people: MembersContext = {
      t: this.t,
      org,
      me: this.session.store.user?.id,
      busy: this.busy,
      confirming: this.confirmation.open,
    };
    return html`
      ${renderMembers(people, members, this.memberHandlers)}
      ${
        org.role === 'member'
          ? html`<p part="notice" class="status">${this.t.organization.onlyAdminsInvite}</p>`
          : renderInvitations(form, org.role, invitations, {
              invite: this.invite,
              resend: this.resend,
              revoke: this.revoke,
            })
      }
      ${renderLeave(people, members, this.memberHandlers)}
    `;
  }

  private readonly pick = (event: Event): void => {
    this.picked = (event.target as HTMLSelectElement).value;
    this.renaming = false;
    this.confirmation.close();
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

  // The listeners below start their action and return: attempt() catches and shows every failure,
  // so nothing is left to await.
  private readonly rename = (event: SubmitEvent): void => {
    event.preventDefault();
    const org = this.active;
    const name = this.nameIn(event);
    if (!org || name === undefined) return;
    void this.attempt(async () => {
      const { organization: renamed } = await this.api.call('PATCH /api/organizations/:id', {
        params: { id: org.id },
        body: { name },
      });
      this.renaming = false;
      await this.organizations.run();
      this.emit('acct-organization-renamed', { organization: renamed });
      this.announcement = this.t.organization.renamed(renamed.name);
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

  private readonly create = (event: SubmitEvent): void => {
    event.preventDefault();
    const name = this.nameIn(event);
    if (name === undefined) return;
    void this.attempt(async () => {
      const { organization: created } = await this.api.call('POST /api/organizations', { body: { name } });
      this.picked = created.id;
      await this.organizations.run();
      this.emit('acct-organization-created', { organization: created });
      this.announcement = this.t.organization.created(created.name);
      await this.focusAfterUpdate('h2');
    });
  };

  private readonly invite = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const role = data.get('role') === 'admin' ? 'admin' : 'member';
    const org = this.active;
    if (!org || this.busy) return;
    if (!looksLikeEmail(email))
      return this.showFieldErrors({ email: fieldErrorMessage(this.t, email ? 'invalid_email' : 'required') });
    void this.attempt(async () => {
      // The invitee comes back to this page, where the element welcomes them.
      const { invitation } = await this.api.call('POST /api/organizations/:id/invitations', {
        params: { id: org.id },
        body: { email, role, redirectUrl: returnAddress() },
      });
      form.reset();
      await this.details.run();
      this.emit('acct-invitation-sent', { organizationId: org.id, invitation, resent: false });
      this.announcement = this.t.organization.invited(invitation.email);
    });
  };

  private readonly resend = (event: Event): void =>
    void this.onInvitation(event, async (org, invitation) => {
      const params = { id: org.id, invitationId: invitation.id };
      const { invitation: renewed } = await this.api.call(
        'POST /api/organizations/:id/invitations/:invitationId/resend',
        { params },
      );
      this.emit('acct-invitation-sent', { organizationId: org.id, invitation: renewed, resent: true });
      this.announcement = this.t.organization.resent(invitation.email);
    });

  private readonly revoke = (event: Event): void =>
    void this.onInvitation(event, async (org, invitation) => {
      await this.api.call('DELETE /api/organizations/:id/invitations/:invitationId', {
        params: { id: org.id, invitationId: invitation.id },
      });
      this.emit('acct-invitation-revoked', { organizationId: org.id, invitation });
      this.announcement = this.t.organization.revoked(invitation.email);
      // The row is gone: focus goes back to the invitation form.
      await this.focusAfterUpdate('input[name="email"]');
    });

  /** The welcome's name prompt: saves the name (`PATCH /api/me`), and the page's session learns it. */
  private readonly saveName = (event: SubmitEvent): void => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget as HTMLFormElement).get('displayName') ?? '').trim();
    if (this.busy) return;
    if (!name) return this.showFieldErrors({ displayName: fieldErrorMessage(this.t, 'required') });
    void this.attempt(async () => {
      const { user } = await this.api.call('PATCH /api/me', { body: { displayName: name } });
      this.named = true;
      // Every element on the page (the header's avatar…) shows the name without a reload.
      await this.session.store.refresh();
      await this.details.run();
      this.announcement = this.t.organization.nameSaved(user.displayName ?? name);
      await this.focusAfterUpdate('h2');
    });
  };

  /** Runs `work` on the invitation whose button was pressed, then reloads the list. */
  private async onInvitation(
    event: Event,
    work: (org: Organization, invitation: Invitation) => Promise<void>,
  ): Promise<void> {
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
    if (!name) this.showFieldErrors({ name: fieldErrorMessage(this.t, 'required') });
    return name || undefined;
  }
}
