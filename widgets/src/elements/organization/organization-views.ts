/**
 * The organization side of what `<acct-organization>` renders, as templates: the form creating a
 * first organization, the heading with the inline rename form, and the invitations (the invite
 * form and the open invitations with Resend and Revoke); the people are in members-view.ts. They
 * take what they show and the handlers; Lit calls the handlers with the element as `this`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { fullDateTime, relativeTime } from '../../core/time-format.js';
import { selectField, textField } from '../../core/form-fields.js';
import type { Translation } from '../../core/i18n/index.js';
import { onboardingIcon } from '../../core/onboarding-icons.js';
import { leftToRight } from '../../core/views.js';
import type { Invitation, Organization, OrganizationRole } from '../../../../contract/organizations.js';

export interface FormState {
  t: Translation;
  busy: boolean;
  errors: Record<string, string>;
}

const busyAttr = (busy: boolean) => (busy ? 'true' : 'false');

export function renderCreate({ t, busy, errors }: FormState, create: (event: SubmitEvent) => void): TemplateResult {
  const s = t.organization;
  return html`<h2 part="title" id="title" tabindex="-1">${s.createTitle}</h2>
    <p part="description" class="hint">${s.createIntro}</p>
    <form part="form create-form" novalidate @submit=${create}>
      ${textField({ name: 'name', label: s.name, autocomplete: 'organization', required: true, maxlength: 255, error: errors.name })}
      <div class="actions"><button part="button create-button" class="primary" type="submit" aria-disabled=${busyAttr(busy)}>${s.create}</button></div>
    </form>`;
}

export interface HeadingHandlers {
  startRename(): void;
  rename(event: SubmitEvent): void;
  cancelRename(): void;
  renameKeydown(event: KeyboardEvent): void;
}

export function renderHeading(
  { t, busy, errors }: FormState,
  org: Organization,
  renaming: boolean,
  on: HeadingHandlers,
): TemplateResult {
  const s = t.organization;
  const canRename = org.role !== 'member';
  const meta = html`<p part="details" class="meta">${s.yourRole(t.roles[org.role] ?? org.role)} · ${s.memberCount(org.memberCount)}</p>`;
  if (renaming) {
    return html`<form part="form rename-form" class="rename" novalidate @submit=${on.rename} @keydown=${on.renameKeydown}>
        ${textField({ name: 'name', label: s.name, value: org.name, autocomplete: 'organization', required: true, maxlength: 255, error: errors.name })}
        <div class="actions">
          <button part="button cancel-button" class="small" type="button" @click=${on.cancelRename}>${s.cancel}</button>
          <button part="button save-button" class="primary small" type="submit" aria-disabled=${busyAttr(busy)}>${s.save}</button>
        </div>
      </form>
      ${meta}`;
  }
  return html`<div class="heading">
      <h2 part="title" id="title" tabindex="-1">${org.name}</h2>
      ${canRename ? html`<button part="button rename-button" class="small rename-button" type="button" @click=${on.startRename}>${s.rename}</button>` : nothing}
    </div>
    ${meta}`;
}

export interface InvitationHandlers {
  invite(event: SubmitEvent): void;
  resend(event: Event): void;
  revoke(event: Event): void;
}

/**
 * The invite form and the open invitations, for owners and admins (`viewer`). Making an admin takes
 * an owner, so an admin's form invites members and offers no Resend on an invitation as admin.
 */
export function renderInvitations(
  { t, busy, errors }: FormState,
  viewer: OrganizationRole,
  invitations: Invitation[],
  on: InvitationHandlers,
): TemplateResult {
  const s = t.organization;
  const now = new Date();
  const owner = viewer === 'owner';
  const roles = (['member', 'admin'] as const).map((role) => ({ value: role, label: t.roles[role]! }));
  return html`<h3 part="section-title">${s.invitations}</h3>
    <form part="form invite-form" class="invite" novalidate @submit=${on.invite}>
      <div class="invite-fields">
        ${textField({ name: 'email', label: s.inviteEmail, type: 'email', autocomplete: 'off', required: true, error: errors.email })}
        ${owner ? selectField({ name: 'role', label: s.inviteRole, value: 'member', options: roles, error: errors.role }) : nothing}
        <button part="button invite-button" class="primary" type="submit" aria-disabled=${busyAttr(busy)}>${s.invite}</button>
      </div>
    </form>
    ${
      invitations.length
        ? html`<ul part="list">
          ${invitations.map((inv) => {
            const sent = new Date(inv.lastSentAt);
            // Either way its link no longer works; Resend renews it.
            const stale = inv.lapsed ? s.lapsed : new Date(inv.expiresAt) < now && s.expired;
            return html`<li part="item" data-id=${inv.id}>
              <span class="icon">${onboardingIcon('mail')}</span>
              <div class="main">
                <p class="title"><span part="invitee">${leftToRight(inv.email)}</span> ${stale ? html`<span part="badge" class="badge expired">${stale}</span>` : nothing}</p>
                <p part="details" class="meta">
                  ${t.roles[inv.role] ?? inv.role} ·
                  <time datetime=${inv.lastSentAt} title=${fullDateTime(t.$lang, sent)}>${s.sent(relativeTime(t.$lang, sent, now))}</time>
                </p>
              </div>
              <div class="row-actions">
                ${
                  owner || inv.role === 'member'
                    ? html`<button part="button resend-button" class="small" type="button" data-id=${inv.id} aria-label=${s.resendLabel(inv.email)}
                  aria-disabled=${busyAttr(busy)} @click=${on.resend}>${s.resend}</button>`
                    : nothing
                }
                <button part="button revoke-button" class="small danger" type="button" data-id=${inv.id} aria-label=${s.revokeLabel(inv.email)}
                  aria-disabled=${busyAttr(busy)} @click=${on.revoke}>${s.revoke}</button>
              </div>
            </li>`;
          })}
        </ul>`
        : html`<p part="empty" class="status">${s.noInvitations}</p>`
    }`;
}
