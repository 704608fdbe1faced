/**
 * The onboarding walk: paths, steps and the user's progress.
 * Filled in by issue 9: request schemas, answer types and error codes of this area.
 */
import type { ErrorCatalogue, Timestamp } from './wire.js';

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
  startedAt?: Timestamp;
  completedAt?: Timestamp | null;
}

export const OnboardingErrors = {} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export type OnboardingRoutes = Record<never, never>;
