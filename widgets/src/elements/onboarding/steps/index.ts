/**
 * The built-in step forms by component name, as the server names its built-in steps
 * (server/modules/onboarding/built-in-steps.ts). A step renders the form of its `component`, else
 * the one named like its key, else — a step the site added — only its slot.
 */
import type { OnboardingStep } from '../../../../../contract/onboarding.js';
import type { Translation } from '../../../core/i18n/index.js';
import { completeStep, integrationsStep, siteStep, tourStep, welcomeStep } from './content.js';
import { mfaStep } from './mfa.js';
import { organizationStep } from './organization.js';
import { preferencesStep } from './preferences.js';
import { profileStep } from './profile.js';
import type { StepForm } from './step-form.js';
import { teamStep } from './team.js';

const BUILT_IN: Record<string, StepForm<unknown>> = {
  welcome: welcomeStep,
  profile: profileStep,
  organization: organizationStep,
  team: teamStep,
  preferences: preferencesStep,
  integrations: integrationsStep,
  tour: tourStep,
  complete: completeStep,
  mfa: mfaStep,
};

export function formFor(step: OnboardingStep): StepForm<unknown> {
  const name = step.component ?? step.key;
  // hasOwn: a site step keyed `constructor` must not find Object.prototype's.
  return Object.hasOwn(BUILT_IN, name) ? BUILT_IN[name]! : siteStep;
}

/** The step's title: the path's, or for a step an organization's policy added, the element's own words. */
export const stepTitle = (step: OnboardingStep, t: Translation): string =>
  step.policy === 'mfa' ? t.mfa.title : step.title;

export type { StepForm, StepView } from './step-form.js';
