/**
 * The three screens of `<acct-onboarding>`, as templates: the choice of role and use case before
 * the walk, a step of the walk (progress, heading, the host's slot, the step's form, Back / Skip /
 * Continue), and the completion screen. They take what they show and the handlers to call; Lit
 * calls the handlers with the element as `this`. Every screen's heading has `tabindex="-1"`: the
 * element moves focus there when the screen changes, so keyboard and screen-reader users start
 * reading at the top of what is new.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { progressBar } from '../../core/progress-bar.js';
import type { Translation } from '../../core/i18n/index.js';
import { onboardingIcon } from '../../core/onboarding-icons.js';
import type { OnboardingStep } from '../../../../contract/onboarding.js';
import type { ChoiceOption } from './choices.js';
import { stepTitle, type StepForm, type StepView } from './steps/index.js';

/** What every screen needs from the element. */
export interface ScreenContext {
  t: Translation;
  busy: boolean;
  /** A message about the whole form (a refused skip, an unreachable server…). */
  formError: string;
}

function renderFormError(formError: string): TemplateResult {
  return html`<p part="form-error" class="error" role="alert">${formError}</p>`;
}

function renderOptions(name: string, legend: string, options: ChoiceOption[]): TemplateResult {
  return html`<fieldset>
    <legend>${legend}</legend>
    ${options.map((option) => html`<label class="check"><input type="radio" name=${name} value=${option.value} />${option.label}</label>`)}
  </fieldset>`;
}

export function renderChoice(
  { t, busy, formError }: ScreenContext,
  { roles, useCases }: { roles: ChoiceOption[]; useCases: ChoiceOption[] },
  /** A listener: async, handling its own errors. */
  start: (event: SubmitEvent) => unknown,
): TemplateResult {
  return html`<form part="form" novalidate @submit=${start} aria-labelledby="title">
    <h2 part="title" id="title" tabindex="-1">${t.onboarding.title}</h2>
    <p part="description" class="hint">${t.onboarding.chooseIntro}</p>
    ${roles.length ? renderOptions('role', t.onboarding.role, roles) : nothing}
    ${useCases.length ? renderOptions('useCase', t.onboarding.useCase, useCases) : nothing}
    ${renderFormError(formError)}
    <div class="actions">
      <button part="button next-button" class="primary" type="submit" aria-disabled=${busy ? 'true' : 'false'}>${t.onboarding.start}</button>
    </div>
  </form>`;
}

export interface WalkHandlers {
  /** A listener: async, handling its own errors. */
  next(event: SubmitEvent): unknown;
  skip(): void;
  back(): void;
  /** A field of the step changed (typed into, ticked, picked): its draft is due. */
  edited(): void;
}

export function renderWalk(
  { t, busy, formError }: ScreenContext,
  {
    steps,
    index,
    form,
    view,
  }: { steps: OnboardingStep[]; index: number; form: StepForm<unknown>; view: StepView<unknown> },
  on: WalkHandlers,
): TemplateResult {
  const step = steps[index]!;
  const position = t.onboarding.stepOf(index + 1, steps.length);
  const busyState = busy ? 'true' : 'false';
  // Keyed by step: each step gets fresh fields, never the previous step's typed values.
  return html`${keyed(
    step.key,
    html`<div class="header">
        <p part="step-count" class="count">
          ${position}${step.required ? nothing : html` · <span part="optional-badge">${t.onboarding.optional}</span>`}
        </p>
        ${progressBar(index + 1, steps.length, t.onboarding.progress, position)}
      </div>
      <form part="form" novalidate data-step=${step.key} @submit=${on.next} @input=${on.edited} @change=${on.edited} aria-labelledby="title">
        <h2 part="title" id="title" tabindex="-1">${stepTitle(step, t)}</h2>
        ${step.description ? html`<p part="description" class="hint">${step.description}</p>` : nothing}
        <div class="content">
          <slot name="step-${step.key}">${form.intro ? html`<p class="intro">${form.intro(view)}</p>` : nothing}</slot>
          ${form.render?.(view) ?? nothing}
        </div>
        ${renderFormError(formError)}
        <div class="actions">
          ${
            index > 0
              ? html`<button part="button back-button" type="button" aria-disabled=${busyState} @click=${on.back}>${t.onboarding.back}</button>`
              : nothing
          }
          ${
            step.required
              ? nothing
              : html`<button part="button skip-button" type="button" aria-disabled=${busyState} @click=${on.skip}>${t.onboarding.skip}</button>`
          }
          <button part="button next-button" class="primary" type="submit" aria-disabled=${busyState}>
            ${index === steps.length - 1 ? t.onboarding.finish : t.onboarding.next}
          </button>
        </div>
      </form>`,
  )}`;
}

export function renderDone({ t }: ScreenContext, continueUrl: string): TemplateResult {
  return html`<div class="done">
    <span class="done-icon">${onboardingIcon('done')}</span>
    <h2 part="title" id="title" tabindex="-1">${t.onboarding.doneTitle}</h2>
    <slot name="done"><p>${t.onboarding.doneText}</p></slot>
    ${
      continueUrl
        ? html`<div class="actions"><a part="button continue-link" class="button primary" href=${continueUrl}>${t.onboarding.doneContinue}</a></div>`
        : nothing
    }
  </div>`;
}
