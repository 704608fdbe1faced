/**
 * The people side of `<acct-organization>`, as templates: the welcome an invitee sees on arrival
 * (with a name prompt when the account has none), the members list — each member's role as a
 * select for owners, a Remove button where the user may remove them, and the inline confirmation
 * that replaces it — and "Leave", which the last owner cannot do and is told why. What each user
 * may do follows the server's rules (server/modules/organizations/organizations.service.ts): owners
 * change roles, owners and admins remove (admins not owners), nobody demotes, removes or lets go of
 * the last owner. Lit calls the handlers with the element as `this`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { textField } from '../../core/form-fields.js';
import type { Translation } from '../../core/i18n/index.js';
import { onboardingIcon } from '../../core/onboarding-icons.js';
import { leftToRight } from '../../core/views.js';
import type { Member, Organization, OrganizationRole } from '../../../../contract/organizations.js';

/** What the confirmation open is about: a member's id to remove, or leaving. */
export const LEAVING = 'leave';

export interface MembersContext {
  t: Translation;
  org: Organization;
  /** The signed-in user's id. */
  me: string | undefined;
  busy: boolean;
  /** A member's id whose removal is being confirmed, `LEAVING`, or null. */
  confirming: string | null;
}

export interface MemberHandlers {
  changeRole(event: Event): void;
  askRemove(event: Event): void;
  confirmRemove(event: Event): void;
  askLeave(): void;
  confirmLeave(): void;
  cancel(): void;
  confirmKeydown(event: KeyboardEvent): void;
}

const ROLES: OrganizationRole[] = ['owner', 'admin', 'member'];
const busyAttr = (busy: boolean) => (busy ? 'true' : 'false');

/** How a member is named in rows and messages. */
export const memberName = (member: Member) => member.displayName || member.email;

/** The only owner, whom nobody may demote or remove, and who may not leave. */
export const isLastOwner = (member: Member, members: Member[]) =>
  member.role === 'owner' && members.filter((m) => m.role === 'owner').length === 1;

function renderRole(
  { t, org, busy }: MembersContext,
  member: Member,
  members: Member[],
  on: MemberHandlers,
): TemplateResult {
  const name = memberName(member);
  if (org.role !== 'owner' || isLastOwner(member, members)) {
    return html`<span part="role" class="role">${t.roles[member.role] ?? member.role}</span>`;
  }
  // `live`: after a refused change the select shows the role the member still has.
  return html`<label class="visually-hidden" for="role-${member.userId}">${t.organization.roleOf(name)}</label>
    <select part="select role-select" id="role-${member.userId}" class="role-select" data-id=${member.userId}
      .value=${live(member.role)} aria-disabled=${busyAttr(busy)} @change=${on.changeRole}>
      ${ROLES.map((role) => html`<option value=${role} ?selected=${role === member.role}>${t.roles[role]}</option>`)}
    </select>`;
}

function canRemove({ org, me }: MembersContext, member: Member, members: Member[]): boolean {
  if (member.userId === me || isLastOwner(member, members)) return false;
  return org.role === 'owner' || (org.role === 'admin' && member.role !== 'owner');
}

function renderConfirm(
  id: string,
  question: string,
  yes: string,
  { t, busy }: MembersContext,
  on: MemberHandlers,
  confirm: (e: Event) => void,
): TemplateResult {
  return html`<div part="confirm" class="confirm" role="group" aria-labelledby="confirm-${id}" @keydown=${on.confirmKeydown}>
    <p id="confirm-${id}">${question}</p>
    <button part="button confirm-button" class="danger small" type="button" data-id=${id} aria-disabled=${busyAttr(busy)} @click=${confirm}>${yes}</button>
    <button part="button cancel-button" class="small cancel" type="button" @click=${on.cancel}>${t.organization.cancel}</button>
  </div>`;
}

function renderMember(ctx: MembersContext, member: Member, members: Member[], on: MemberHandlers): TemplateResult {
  const { t, org, me, busy, confirming } = ctx;
  const s = t.organization;
  const name = memberName(member);
  const removable = canRemove(ctx, member, members);
  return html`<li part="item member" data-member=${member.userId}>
    <span class="icon">${onboardingIcon('user')}</span>
    <div class="main">
      <p class="title">
        <span part="member-name">${name}</span>
        ${member.userId === me ? html`<span part="badge" class="badge">${s.you}</span>` : nothing}
      </p>
      ${member.displayName ? html`<p part="details" class="meta">${leftToRight(member.email)}</p>` : nothing}
    </div>
    <div class="row-actions">
      ${renderRole(ctx, member, members, on)}
      ${
        removable && confirming !== member.userId
          ? html`<button part="button remove-button" class="small danger" type="button" data-id=${member.userId}
            aria-label=${s.removeLabel(name)} aria-disabled=${busyAttr(busy)} @click=${on.askRemove}>${s.remove}</button>`
          : nothing
      }
    </div>
    ${confirming === member.userId ? renderConfirm(member.userId, s.confirmRemove(name, org.name), s.confirmRemoveButton, ctx, on, on.confirmRemove) : nothing}
  </li>`;
}

export function renderMembers(ctx: MembersContext, members: Member[], on: MemberHandlers): TemplateResult {
  return html`<h3 part="section-title">${ctx.t.organization.members}</h3>
    <ul part="list members">
      ${members.map((member) => renderMember(ctx, member, members, on))}
    </ul>`;
}

/** "Leave Acme", its confirmation, or — for the last owner — why they cannot. */
export function renderLeave(ctx: MembersContext, members: Member[], on: MemberHandlers): TemplateResult {
  const { t, org, me, busy, confirming } = ctx;
  const s = t.organization;
  const self = members.find((m) => m.userId === me);
  if (!self) return html``;
  if (confirming === LEAVING)
    return renderConfirm(LEAVING, s.confirmLeave(org.name), s.confirmLeaveButton, ctx, on, on.confirmLeave);
  const stuck = isLastOwner(self, members);
  return html`<div class="footer leave">
    <button part="button leave-button" class="danger small" type="button" data-id=${LEAVING}
      aria-disabled=${busyAttr(busy || stuck)} aria-describedby=${stuck ? 'last-owner' : nothing} @click=${stuck ? nothing : on.askLeave}>
      ${s.leave(org.name)}
    </button>
    ${stuck ? html`<p part="hint" class="hint" id="last-owner">${s.lastOwner}</p>` : nothing}
  </div>`;
}

export interface WelcomeHandlers {
  saveName(event: SubmitEvent): void;
}

/** "You joined Acme", after an invitation brought the user here; with a name prompt while the account has no name. */
export function renderWelcome(
  { t, busy }: { t: Translation; busy: boolean },
  organization: Organization,
  { askName, error }: { askName: boolean; error: string | undefined },
  on: WelcomeHandlers,
): TemplateResult {
  const s = t.organization;
  return html`<div part="welcome" class="welcome">
    <p part="welcome-title" class="welcome-title">${s.joined(organization.name)}</p>
    <p class="hint">${s.joinedText}</p>
    ${
      askName
        ? html`<form part="form name-form" class="name-form" novalidate @submit=${on.saveName}>
          ${textField({ name: 'displayName', label: s.yourName, hint: s.yourNameHint, autocomplete: 'name', required: true, maxlength: 100, error })}
          <div class="actions"><button part="button save-name-button" class="primary small" type="submit" aria-disabled=${busyAttr(busy)}>${s.saveName}</button></div>
        </form>`
        : nothing
    }
  </div>`;
}
