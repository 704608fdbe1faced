/**
 * The steps that are content rather than a form: `welcome` and `complete` (text, no data),
 * `integrations` and `tour` (the host's slot content, with a default text, and whatever data the
 * host gives), and the site's own steps (only the host's slot). Their data comes from the host
 * (`setStepData()` or an `acct-step-data` event), else from what the server already holds, so that
 * Continue never loses it.
 */
import { isRecord, defineStepForm, type StepView } from './step-form.js';

/** The host's data for the step, else what was saved, else nothing. */
const hostOrSaved = (view: StepView<unknown>) => ({ data: view.hostData ?? (isRecord(view.saved) ? view.saved : {}) });

// `welcome` and `complete` take exactly `{}` on the server: any host data would be refused there.
export const welcomeStep = defineStepForm({ intro: ({ t }) => t.steps.welcome, read: () => ({ data: {} }) });
export const completeStep = defineStepForm({ intro: ({ t }) => t.steps.complete, read: () => ({ data: {} }) });
export const integrationsStep = defineStepForm({
  intro: ({ t }) => t.steps.integrations,
  read: (_form, view) => hostOrSaved(view),
});
export const tourStep = defineStepForm({ intro: ({ t }) => t.steps.tour, read: (_form, view) => hostOrSaved(view) });

/** A step the site defines itself: its slot and a Continue button, nothing of ours. */
export const siteStep = defineStepForm({ read: (_form, view) => hostOrSaved(view) });
