/**
 * The details of the events the onboarding elements fire, and their entries in the DOM's event
 * map, so that `el.addEventListener('acct-template-selected', e => e.detail.templateData)` is
 * typed for TypeScript users. Like every acct event they bubble, are composed, and fire on user
 * action only (core/events.ts).
 */
import type {
  ChecklistItem,
  Invitation,
  Member,
  OnboardingProgress,
  OnboardingState,
  Organization,
  OrganizationRole,
  Template,
} from './onboarding-types.js';

/** `acct-onboarding-step`: the user completed, skipped or went back from a step. */
export interface AcctOnboardingStepDetail {
  /** The key of the step acted on (for `back`, the step the user left). */
  step: string;
  action: 'complete' | 'skip' | 'back';
  /** Required steps done, of how many, and as a percentage, after the action. */
  progress: OnboardingProgress | undefined;
}

/** `acct-onboarding-complete`: the user finished their onboarding path. */
export interface AcctOnboardingCompleteDetail {
  path: { id: string; name: string } | undefined;
  role: string | null;
  useCase: string | null;
  /** Everything the steps saved, by step key (e.g. `organization.organizationId`). */
  stepData: Record<string, unknown>;
  completedAt: string | null;
}

/** `acct-checklist-item-complete`: the user ticked an item. */
export interface AcctChecklistItemCompleteDetail {
  key: string;
  item: ChecklistItem;
}

/** `acct-checklist-dismiss`: the user hid an item, or (`key` null) the whole checklist. */
export interface AcctChecklistDismissDetail {
  key: string | null;
}

/** `acct-template-selected`: the user chose "Use" on a template; its use is counted. */
export interface AcctTemplateSelectedDetail {
  template: Template;
  /** What the site starts from, as the template's author wrote it. */
  templateData: Record<string, unknown>;
}

/** `acct-organization-created`, `acct-organization-renamed` and `acct-organization-left`. */
export interface AcctOrganizationDetail {
  organization: Organization;
}

/** `acct-invitation-sent`: the user invited someone, or sent an invitation again (`resent`). */
export interface AcctInvitationSentDetail {
  organizationId: string;
  invitation: Invitation;
  resent: boolean;
}

/** `acct-invitation-revoked`: the user revoked an open invitation. */
export interface AcctInvitationRevokedDetail {
  organizationId: string;
  invitation: Invitation;
}

/** `acct-member-role-changed`: an owner gave a member another role. */
export interface AcctMemberRoleChangedDetail {
  organizationId: string;
  /** The member with the new role. */
  member: Member;
  previousRole: OrganizationRole;
}

/** `acct-member-removed`: the user removed a member from the organization. */
export interface AcctMemberRemovedDetail {
  organizationId: string;
  member: Member;
}

/** The completion detail from an onboarding answer. */
export function completeDetail(state: OnboardingState): AcctOnboardingCompleteDetail {
  return {
    path: state.path ? { id: state.path.id, name: state.path.name } : undefined,
    role: state.role ?? null,
    useCase: state.useCase ?? null,
    stepData: state.stepData ?? {},
    completedAt: state.completedAt ?? null,
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'acct-onboarding-step': CustomEvent<AcctOnboardingStepDetail>;
    'acct-onboarding-complete': CustomEvent<AcctOnboardingCompleteDetail>;
    'acct-checklist-item-complete': CustomEvent<AcctChecklistItemCompleteDetail>;
    'acct-checklist-dismiss': CustomEvent<AcctChecklistDismissDetail>;
    'acct-template-selected': CustomEvent<AcctTemplateSelectedDetail>;
    'acct-organization-created': CustomEvent<AcctOrganizationDetail>;
    'acct-organization-renamed': CustomEvent<AcctOrganizationDetail>;
    'acct-invitation-sent': CustomEvent<AcctInvitationSentDetail>;
    'acct-invitation-revoked': CustomEvent<AcctInvitationRevokedDetail>;
    'acct-member-role-changed': CustomEvent<AcctMemberRoleChangedDetail>;
    'acct-member-removed': CustomEvent<AcctMemberRemovedDetail>;
    'acct-organization-left': CustomEvent<AcctOrganizationDetail>;
  }
}
