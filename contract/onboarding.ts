/**
 * The onboarding walk: paths, steps and the user's progress (server/modules/onboarding).
 */
import { z } from 'zod';
import { nameField } from './fields.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

/** Step keys: lowercase, digits, `-` and `_`, as used in slots (`slot="step-tour"`). */
export const StepKey = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'invalid_step_key');

/** One step of a path, as an administrator writes it (and as the walk answers it). */
export const StepSchema = z
  .object({
    key: StepKey,
    title: nameField(100),
    description: z.string().trim().max(500).optional(),
    required: z.boolean().default(false),
    /** Which built-in form renders the step; default: the one named like the key, else the host's slot. */
    component: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/)
      .optional(),
  })
  .strict();

/** A path's steps: at least one, unique keys. */
export const StepsSchema = z
  .array(StepSchema)
  .min(1)
  .max(30)
  .refine((steps) => new Set(steps.map((s) => s.key)).size === steps.length, 'duplicate_step_key');

/** One step of an onboarding path. */
export interface OnboardingStep {
  /** Stable key, also the name of the step's slot (`step-<key>`). */
  key: string;
  title: string;
  description?: string | undefined;
  /** A required step cannot be skipped. */
  required: boolean;
  /** Which built-in form renders the step; when absent, the one named like the key, else the host's slot. */
  component?: string | undefined;
  /** Added to this user's walk by an organization's policy, not by the path: the element titles it in its own language. */
  policy?: 'mfa';
}

const choice = z.string().trim().min(1).max(100).optional();

/** `POST /api/onboarding/start`: the role and use case that pick the path. */
export const StartOnboardingBody = z.object({ role: choice, useCase: choice }).strict();

/** `POST /api/onboarding/steps/:key/{save,complete,skip}`: the step's form data (omitted: what was saved). */
export const StepActionBody = z.object({ data: z.unknown().optional() }).strict();

/** The bodies of actions that take none (`{}`: state-changing requests always send JSON). */
export const EmptyBody = z.object({}).strict();

/** What a step's buttons do. */
export type StepAction = 'save' | 'complete' | 'skip';

export interface OnboardingProgress {
  requiredDone: number;
  requiredTotal: number;
  percent: number;
}

export type OnboardingStatus = 'not_started' | 'in_progress' | 'completed';

/** The roles and use cases the site's active paths target. */
export interface OnboardingChoices {
  roles: string[];
  useCases: string[];
}

/** `GET /api/onboarding` and the answer to every onboarding action. */
export interface OnboardingState {
  status: OnboardingStatus;
  /** The roles and use cases the site's paths target: what to offer before the walk starts. */
  choices: OnboardingChoices;
  path?: { id: string; name: string; description: string | null; steps: OnboardingStep[] };
  role?: string | null;
  useCase?: string | null;
  currentStep?: string | null;
  completedSteps?: string[];
  skippedSteps?: string[];
  /** What each step saved (or what its work returned, e.g. the organization created), by step key. */
  stepData?: Record<string, unknown>;
  progress?: OnboardingProgress;
  startedAt?: Timestamp;
  completedAt?: Timestamp | null;
}

export const OnboardingErrors = {
  onboarding_not_started: { status: 409, message: 'Start onboarding first.' },
  step_required: { status: 409, message: 'This step is required and cannot be skipped.' },
  step_not_reached: { status: 409, message: 'Finish the steps before this one first.' },
  no_onboarding_path: { status: 404, message: 'No onboarding path is set up.' },
  organization_required: { status: 409, message: 'Create or choose an organization first.' },
  second_factor_not_set_up: { status: 409, message: 'Turn on two-step verification first.' },
} as const satisfies ErrorCatalogue;

type StepRoute = Route<z.input<typeof StepActionBody>, OnboardingState>;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface OnboardingRoutes {
  'GET /api/onboarding': Route<never, OnboardingState>;
  'POST /api/onboarding/start': Route<z.input<typeof StartOnboardingBody>, OnboardingState>;
  'POST /api/onboarding/steps/:key/save': StepRoute;
  'POST /api/onboarding/steps/:key/complete': StepRoute;
  'POST /api/onboarding/steps/:key/skip': StepRoute;
  'POST /api/onboarding/back': Route<z.input<typeof EmptyBody>, OnboardingState>;
}
