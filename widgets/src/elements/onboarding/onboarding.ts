/**
 * `<acct-onboarding>`: walks the signed-in user through the onboarding path the server picks for
 * them (docs/architecture.md §8, "Onboarding"). First the role and use case, then one step at a time with a
 * progress indicator, Back, Skip (optional steps only) and Continue; the built-in steps are real
 * forms (steps/), the site's own steps are its slot content. Progress lives on the server, so a
 * reload — or another device — resumes at the same step, and so do drafts: what the user types in
 * a step is saved as they go and when they leave (draft-saver.ts), and shown again. The screens are
 * in onboarding-views.ts; this module holds state and behaviour, and `define.ts` registers it.
 */
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { OnboardingElement } from '../../core/onboarding-element.js';
import { completeDetail } from '../../core/events.js';
import type { OnboardingState, OnboardingStep, StepAction } from '../../../../contract/onboarding.js';
import type { ApiClient, RequestOptions } from '../../core/api-client.js';
import { optionsFor } from './choices.js';
import { DraftSaver, stashDraft, takeStashedDraft, type Draft } from './draft-saver.js';
import { onboardingStyles } from './onboarding.styles.js';
import { renderChoice, renderDone, renderWalk, type ScreenContext } from './onboarding-views.js';
import { formFor, stepTitle, type StepView } from './steps/index.js';
import { isRecord } from './steps/step-form.js';

/** Saves, completes or skips a step; `data` is the step's form data (omitted: the server uses what was saved). */
const actOnStep = (api: ApiClient, key: string, action: StepAction, data: unknown, options?: RequestOptions) =>
  api.call(
    `POST /api/onboarding/steps/:key/${action}`,
    { params: { key }, body: data === undefined ? {} : { data } },
    options,
  );

/**
 * The onboarding walk: role and use case, then the path's steps, then "You are all set".
 *
 * What the user types in a built-in step is kept as a draft (saved after a pause in typing, and as
 * the page is left) and shown again when they come back, on this device or another.
 *
 * The `mfa` step shows `<acct-mfa>` (part `mfa`): a member of an organization that requires
 * two-step verification walks it first, and Continue is refused until it is on.
 *
 * A step the site adds itself (no built-in form) shows only its slot, `step-<key>`, and Continue.
 * Its data reaches the server in one of two ways: call `setStepData(key, data)`, or fire an
 * `acct-step-data` event (bubbling) from inside the slotted content with `detail: { data }` (the
 * current step) or `{ step, data }`. The data goes with Continue; until then it stays in the page.
 *
 * @summary Onboarding: role and use case, then each step of the user's path, resumable, with progress.
 *
 * @tag acct-onboarding
 *
 * @slot step-<key> - Host content for the step with that key (e.g. `slot="step-tour"`): above the fields of a built-in
 * form, or the whole content of `welcome`, `complete`, `integrations`, `tour` and of the site's own steps.
 * @slot done - The completion screen's text (default: "Your account is ready.").
 * @slot signed-out - Shown instead of the walk while nobody is signed in, e.g. an `<acct-login mode="sign-up">`. Until
 * the element is defined the browser shows every slot's content in place: hide it with the rule in docs/embedding.md.
 *
 * @fires {CustomEvent<AcctOnboardingStepDetail>} acct-onboarding-step - The user completed, skipped or went back from
 * a step; `detail` is `{ step, action: 'complete' | 'skip' | 'back', progress }`.
 * @fires {CustomEvent<AcctOnboardingCompleteDetail>} acct-onboarding-complete - The user finished the path; `detail`
 * is `{ path, role, useCase, stepData, completedAt }`.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - A step could not be saved, skipped or left; `detail` is
 * `{ code, status, message }`. Field errors show beside their fields.
 *
 * @csspart base - The card around everything.
 * @csspart step-count - "Step 3 of 8".
 * @csspart optional-badge - "Optional", beside the count of a step that can be skipped.
 * @csspart progress - The progress bar.
 * @csspart form - The step's (or the choice's) form.
 * @csspart title - The screen's heading.
 * @csspart description - The step's description.
 * @csspart field - A field: label, control, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A text field or text area.
 * @csspart select - A select.
 * @csspart hint - A field's hint.
 * @csspart locked-note - The preferences step's note under its table: security notifications are always on.
 * @csspart field-error - A field's error.
 * @csspart form-error - A message about the whole step.
 * @csspart button - Every button.
 * @csspart back-button - Back.
 * @csspart skip-button - Skip this step (optional steps only).
 * @csspart next-button - Continue, Finish, or Get started.
 * @csspart add-button - "Add another teammate".
 * @csspart remove-button - A teammate's remove button.
 * @csspart mfa - The `mfa` step's `<acct-mfa>` (style its inside through its own parts).
 * @csspart continue-link - The completion screen's link to `continue-url`.
 * @csspart status - A loading message.
 * @csspart signed-out - The default content of the `signed-out` slot.
 * @csspart error - The message when the onboarding could not be loaded.
 * @csspart retry-button - The button that loads it again.
 *
 * @cssproperty [--acct-onboarding-max-width=40rem] - The widest the card grows.
 */
export class AcctOnboarding extends OnboardingElement {
  // `notifications`: the preferences step's note on security notifications, in the words of <acct-notification-settings>.
  static override stringAreas = ['onboarding', 'mfa', 'notifications'] as const;

  static override styles = [OnboardingElement.styles, onboardingStyles];

  /** Roles to offer first: comma-separated, each `value` or `value=Label` (`producer=Producer, crew=Crew member`). Empty: the roles the server's paths target. */
  @property() roles = '';

  /** Use cases to offer first, like `roles` (`touring=Touring, festivals=Festivals`). Empty: the server's. */
  @property({ attribute: 'use-cases' }) useCases = '';

  /** Address of the page to go on to: the completion screen links to it ("Continue"). */
  @property({ attribute: 'continue-url' }) continueUrl = '';

  /** The latest answer to an action, newer than the load's. */
  @state() private answer: OnboardingState | undefined;
  /** The current step's form state, and the step it belongs to. */
  @state() private draft: unknown;
  private draftFor: string | null = null;
  private readonly hostData = new Map<string, Record<string, unknown>>();
  /** Whose walk the host's data was given for: another user signing in on this page starts without it. */
  private dataOwner: string | null = null;

  private readonly load = new Task(this, {
    task: async ([store, key], { signal }) => {
      if (!key) return undefined;
      const user = key.split(' ')[0] ?? null;
      if (this.dataOwner !== null && this.dataOwner !== user) this.hostData.clear();
      this.dataOwner = user;
      const loaded = await store.api.call('GET /api/onboarding', {}, { signal });
      this.answer = undefined;
      return loaded;
    },
    args: () => [this.session.store, this.sessionKey] as const,
  });

  // Only while a step that lists them shows; going back to such a step lists them afresh.
  private readonly organizations = new Task(this, {
    task: async ([store, key, wanted], { signal }) =>
      key && wanted ? (await store.api.call('GET /api/organizations', {}, { signal })).organizations : undefined,
    args: () =>
      [
        this.session.store,
        this.sessionKey,
        Boolean(this.currentStep && formFor(this.currentStep).needsOrganizations),
      ] as const,
  });

  // Drafts of the step shown; the server's answer to a draft is not shown, as the user is still
  // typing in the fields it would refill.
  private readonly drafts = new DraftSaver(
    this,
    () => this.collectDraft(),
    (draft, keepalive) => {
      // Leaving: the keepalive save may reach the server after the next page has read the step
      // (a reload straight after typing), so this tab keeps the draft too, for that page to show.
      if (keepalive) stashDraft(this.session.store.user?.id, draft);
      return actOnStep(this.session.store.api, draft.step, 'save', draft.data, { keepalive });
    },
  );

  constructor() {
    super();
    // The site's slotted content hands over its step's data (`acct-step-data`, typed in core/events.ts).
    this.addEventListener('acct-step-data', (event) => {
      const { step, data } = event.detail ?? {};
      const key = step ?? this.currentStep?.key;
      if (key && isRecord(data)) this.setStepData(key, data);
    });
  }

  /**
   * Gives the data of a step the host renders (`integrations`, `tour`, or the site's own), sent
   * when the user presses Continue on it. Replaces what was given before for that step.
   */
  setStepData(key: string, data: Record<string, unknown>): void {
    this.hostData.set(key, data);
  }

  /** The shown step's draft, read from its form as it stands; undefined when it keeps none. */
  private collectDraft(): Draft | undefined {
    const step = this.currentStep;
    const walk = this.current;
    const form = this.renderRoot.querySelector<HTMLFormElement>('form[data-step]');
    if (!step || !walk || form?.dataset.step !== step.key) return undefined;
    const data = formFor(step).draftData?.(form, this.viewOf(step, walk));
    return data === undefined ? undefined : { step: step.key, data };
  }

  private get current(): OnboardingState | undefined {
    return this.answer ?? this.load.value;
  }

  private get currentStep(): OnboardingStep | undefined {
    const walk = this.current;
    if (walk?.status !== 'in_progress' || !walk.path) return undefined;
    return walk.path.steps.find((s) => s.key === walk.currentStep) ?? walk.path.steps[0];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A new step gets a fresh draft and no leftover errors.
    const step = this.currentStep;
    if ((step?.key ?? null) !== this.draftFor) {
      this.draftFor = step?.key ?? null;
      const stashed = step ? takeStashedDraft(this.session.store.user?.id, step.key) : undefined;
      this.draft = step ? formFor(step).draft?.(stashed ?? this.current?.stepData?.[step.key]) : undefined;
      this.fieldErrors = {};
      this.actionError = '';
    }
  }

  override render(): TemplateResult {
    const t = this.t;
    return html`
      <section part="base" class="base" lang=${this.t.$lang} aria-label=${t.onboarding.title}>
        ${this.renderForSession(
          this.load,
          { loadFailed: t.onboarding.loadFailed, signedOut: t.onboarding.signedOut },
          (loaded) => this.renderScreen(this.answer ?? loaded),
        )}
        <!-- Says which step is showing after each change; focus moves to its heading too. -->
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </section>
    `;
  }

  private renderScreen(walk: OnboardingState): TemplateResult {
    const ctx: ScreenContext = { t: this.t, busy: this.busy, formError: this.actionError };
    if (walk.status === 'not_started') {
      const options = {
        roles: optionsFor(this.roles, walk.choices.roles),
        useCases: optionsFor(this.useCases, walk.choices.useCases),
      };
      return renderChoice(ctx, options, this.start);
    }
    const steps = walk.path?.steps ?? [];
    const step = this.currentStep;
    if (walk.status === 'completed' || !step) return renderDone(ctx, this.continueUrl);
    const form = formFor(step);
    return renderWalk(
      ctx,
      { steps, index: steps.indexOf(step), form, view: this.viewOf(step, walk) },
      {
        next: this.next,
        skip: () => void this.act(step, 'skip'),
        back: () => void this.act(step, 'back'),
        edited: () => this.drafts.edited(),
      },
    );
  }

  private viewOf(step: OnboardingStep, walk: OnboardingState): StepView<unknown> {
    return {
      t: this.t,
      lang: this.t.$lang,
      server: this.serverUrl,
      dir: this.dir,
      step,
      saved: walk.stepData?.[step.key],
      draft: this.draft,
      update: (draft) => (this.draft = draft),
      errors: this.fieldErrors,
      user: this.session.store.user,
      organizations: this.organizations.value,
      hostData: this.hostData.get(step.key),
      focus: (selector) => void this.focusAfterUpdate(selector),
    };
  }

  // Arrow functions: the views bind them as listeners without losing `this`.
  private readonly start = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const pick = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : undefined);
    await this.attempt(async () => {
      const role = pick('role');
      const useCase = pick('useCase');
      const body = { ...(role ? { role } : {}), ...(useCase ? { useCase } : {}) };
      await this.show(await this.session.store.api.call('POST /api/onboarding/start', { body }));
    });
  };

  private readonly next = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const step = this.currentStep;
    const walk = this.current;
    if (this.busy || !step || !walk) return;
    const read = formFor(step).read(event.currentTarget as HTMLFormElement, this.viewOf(step, walk));
    if ('errors' in read) return this.showFieldErrors(read.errors);
    await this.act(step, 'complete', read.data);
  };

  /** Completes, skips or leaves `step`, fires the events, and shows where the walk now stands. */
  private async act(step: OnboardingStep, action: 'complete' | 'skip' | 'back', data?: unknown): Promise<void> {
    const wasCompleted = this.current?.status === 'completed';
    await this.attempt(async () => {
      // Going back keeps what was typed here; Continue and Skip send or drop it themselves. Either
      // way, a draft still on its way must land first (it would move the walk back to this step).
      await (action === 'back' ? this.drafts.flush() : this.drafts.discard());
      const api = this.session.store.api;
      const walk =
        action === 'back' ? await api.call('POST /api/onboarding/back') : await actOnStep(api, step.key, action, data);
      if (action !== 'back') this.hostData.delete(step.key);
      this.emit('acct-onboarding-step', { step: step.key, action, progress: walk.progress });
      if (walk.status === 'completed' && !wasCompleted) this.emit('acct-onboarding-complete', completeDetail(walk));
      await this.show(walk);
    });
  }

  /** Shows a new answer: focus to its heading, and its position announced. */
  private async show(walk: OnboardingState): Promise<void> {
    this.answer = walk;
    this.announcement = '';
    await this.focusAfterUpdate('h2');
    const step = this.currentStep;
    const steps = walk.path?.steps ?? [];
    // Set after the render that cleared it: a live region announces changes, and the same text twice is no change.
    if (walk.status === 'completed') this.announcement = this.t.onboarding.announceDone;
    else if (step)
      this.announcement = this.t.onboarding.announceStep(
        steps.indexOf(step) + 1,
        steps.length,
        stepTitle(step, this.t),
      );
  }
}
