// Moved to the wire contract (contract/); importers move there too, then this file goes (issue 9).
export type { OnboardingStep, OnboardingProgress, OnboardingStatus, OnboardingState } from '../../../contract/onboarding.js';
export type { ChecklistItem, Checklist } from '../../../contract/checklist.js';
export type { Template, TemplateGallery, UsedTemplate } from '../../../contract/templates.js';
export type { OrganizationRole, InvitedRole, Organization, Member, Invitation } from '../../../contract/organizations.js';
