/**
 * The shapes of the onboarding side of the acct server's answers: the user's onboarding walk,
 * the setup checklist, the template gallery and organizations with their members and
 * invitations. They mirror server/modules/{onboarding,checklist,templates,organizations}; the
 * elements only read them, so a field the server adds later is simply ignored. Dates arrive as
 * ISO strings.
 */

/** One step of an onboarding path. */
export interface OnboardingStep {
  /** Stable key, also the name of the step's slot (`step-<key>`). */
  key: string;
  title: string;
  description?: string;
  /** A required step cannot be skipped. */
  required: boolean;
  /** Which built-in form renders the step; when absent, the one named like the key, else the host's slot. */
  component?: string;
}

export interface OnboardingProgress {
  requiredDone: number;
  requiredTotal: number;
  percent: number;
}

export type OnboardingStatus = 'not_started' | 'in_progress' | 'completed';

/** `GET /api/onboarding` and the answer to every onboarding action. */
export interface OnboardingState {
  status: OnboardingStatus;
  /** The roles and use cases the site's paths target: what to offer before the walk starts. */
  choices: { roles: string[]; useCases: string[] };
  path?: { id: string; name: string; description: string | null; steps: OnboardingStep[] };
  role?: string | null;
  useCase?: string | null;
  currentStep?: string | null;
  completedSteps?: string[];
  skippedSteps?: string[];
  /** What each step saved (or what its work returned, e.g. the organization created), by step key. */
  stepData?: Record<string, unknown>;
  progress?: OnboardingProgress;
  startedAt?: string;
  completedAt?: string | null;
}

/** One item of `GET /api/checklist`. */
export interface ChecklistItem {
  key: string;
  title: string;
  description: string | null;
  /** An icon name (see core/onboarding-icons.ts); null lets the element pick one by key. */
  icon: string | null;
  /** Where the item's task is done on the site, e.g. `/productions/events/new`. */
  actionUrl: string | null;
  completed: boolean;
  completedAt: string | null;
  dismissed: boolean;
}

export interface Checklist {
  items: ChecklistItem[];
  /** The whole checklist was dismissed (and can be restored). */
  dismissed: boolean;
  completedCount: number;
  total: number;
}

/** One template of the gallery (`GET /api/templates`). */
export interface Template {
  id: string;
  name: string;
  description: string | null;
  category: string | null;
  industry: string | null;
  previewImageUrl: string | null;
  usageCount: number;
  featured: boolean;
}

export interface TemplateGallery {
  templates: Template[];
  categories: string[];
  industries: string[];
}

/** `POST /api/templates/:id/use`: the template with the data the site starts from. */
export interface UsedTemplate extends Template {
  templateData: Record<string, unknown>;
}

export type OrganizationRole = 'owner' | 'admin' | 'member';
export type InvitedRole = 'admin' | 'member';

/** An organization as one of its members sees it. */
export interface Organization {
  id: string;
  name: string;
  slug: string;
  /** The signed-in user's role in it. */
  role: OrganizationRole;
  memberCount: number;
  createdAt: string;
  /** When the signed-in user joined it. */
  joinedAt: string;
}

export interface Member {
  userId: string;
  email: string;
  displayName: string | null;
  avatarUrl: string | null;
  role: OrganizationRole;
  joinedAt: string;
}

/** An open invitation (owners and admins see them). */
export interface Invitation {
  id: string;
  email: string;
  role: InvitedRole;
  invitedBy: string | null;
  expiresAt: string;
  lastSentAt: string;
  createdAt: string;
}
