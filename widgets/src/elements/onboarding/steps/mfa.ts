/**
 * The `mfa` step: `<acct-mfa>` itself, where the user turns two-step verification on (an
 * organization that requires it adds this step, required, to its members' walk). It carries no
 * data: the server completes it only once the user has a second factor, and otherwise answers
 * `second_factor_not_set_up`, shown like any step error.
 */
import { html, nothing } from 'lit';
import { defineStepForm } from './step-form.js';

/**
 * `<acct-mfa>` is fetched when the step is first shown, not with the walk: only members of an
 * organization that requires two-step verification ever see it. Until it arrives the tag is an
 * empty box; it upgrades in place. Imported by path rather than through the loader's table
 * (loader/element-modules.ts): in the one-file kit that import costs 0.6 KiB more (measured).
 */
function loadMfaElement(): void {
  import('../../mfa/define.js').catch((error: unknown) =>
    console.error('acct: <acct-mfa> could not be loaded for the onboarding step.', error),
  );
}

export const mfaStep = defineStepForm({
  intro: ({ t }) => t.steps.mfa,
  // Its language and direction are the walk's: an element takes neither from its ancestors.
  render: ({ server, lang, dir }) => {
    loadMfaElement();
    return html`<acct-mfa part="mfa" server=${server} lang=${lang} dir=${dir || nothing}></acct-mfa>`;
  },
  read: () => ({ data: {} }),
});
