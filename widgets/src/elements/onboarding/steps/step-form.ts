/**
 * What a step of `<acct-onboarding>` is made of, so the element can walk any path without knowing
 * the steps: the text its slot shows when the host puts nothing there, its fields, the in-progress
 * state the fields need between renders (the team step's rows…), and how to read the form into the
 * data the server's schema for the step expects — or into field errors found before sending — and
 * into a draft saved while the user types.
 * Each built-in step (server/modules/onboarding/built-in-steps.ts) has one module in this folder;
 * a step with no built-in form is the site's own and shows only its slot.
 */
import type { TemplateResult } from 'lit';
import type { User } from '../../../../../contract/users.js';
import type { Translation } from '../../../core/i18n/index.js';
import type { OnboardingStep } from '../../../../../contract/onboarding.js';
import type { Organization } from '../../../../../contract/organizations.js';

/** Everything a step's form sees. */
export interface StepView<D> {
  t: Translation;
  /** The language the element renders in (for `Intl`, and for the elements a step embeds). */
  lang: string;
  /** The acct server's URL, for the elements a step embeds. */
  server: string;
  /** The element's own `dir` ('' when it has none), passed on to the elements a step embeds. */
  dir: string;
  step: OnboardingStep;
  /** What the server holds for this step (saved before, or what completing it returned). */
  saved: unknown;
  /** The form's in-progress state, made by `draft()` when the step is shown. */
  draft: D;
  /** Replaces the draft and re-renders. */
  update(draft: D): void;
  /** Error messages by field name, which is the server's field path (`invitations.0.email`). */
  errors: Record<string, string>;
  /** The signed-in user (the profile step starts from their name). */
  user: User | null;
  /** The user's organizations, for steps that ask for them; undefined while loading. */
  organizations: Organization[] | undefined;
  /** Data the host gave for this step (`setStepData()` or an `acct-step-data` event). */
  hostData: Record<string, unknown> | undefined;
  /** Moves focus to the first match of a selector in the element, after the next render. */
  focus(selector: string): void;
}

/** The form read: the data to send, or errors to show (nothing is sent). */
export type StepRead = { data: unknown } | { errors: Record<string, string> };

export interface StepForm<D> {
  /** The slot's default content, shown when the host puts nothing in `step-<key>`. */
  intro?(view: StepView<D>): TemplateResult | string;
  /** The step's fields, under the slot. */
  render?(view: StepView<D>): TemplateResult;
  /** The draft for a newly shown step, from what the server holds. */
  draft?(saved: unknown): D;
  read(form: HTMLFormElement, view: StepView<D>): StepRead;
  /**
   * What to save as a draft while the user types (`…/save`, which checks it against the step's
   * schema like Continue does): the fields typed so far that the server would accept, leaving out
   * the ones not yet valid (a half-typed address); undefined when nothing can be saved. Unlike
   * `read`, it changes nothing in the form. Steps without it keep no drafts.
   */
  draftData?(form: HTMLFormElement, view: StepView<D>): unknown;
  /** The step lists the user's organizations. */
  needsOrganizations?: boolean;
}

/** Types a form's view from its draft, then forgets the draft's type: the registry holds forms of every shape. */
export const defineStepForm = <D>(form: StepForm<D>) => form as unknown as StepForm<unknown>;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A field's trimmed value ('' when the form has no such field). */
export function fieldValue(form: HTMLFormElement, name: string): string {
  const field = form.elements.namedItem(name);
  return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement
    ? field.value.trim()
    : '';
}

/** Whether a check box is ticked. */
export function isChecked(form: HTMLFormElement, name: string): boolean {
  const field = form.elements.namedItem(name);
  return field instanceof HTMLInputElement && field.checked;
}
