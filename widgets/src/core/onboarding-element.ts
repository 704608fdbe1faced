/**
 * The base of the onboarding elements (`<acct-onboarding>`, `<acct-checklist>`,
 * `<acct-templates>`, `<acct-organization>`): an account element (session store, load states)
 * with the strings in the element's language (`t`, as every element), and one way to run a user's action —
 * busy while it runs, its failure shown beside the fields it names and above the buttons, fired
 * as `acct-error` for the page, and its outcome announced in a polite live region.
 */
import type { CSSResultGroup } from 'lit';
import { state } from 'lit/decorators.js';
import { AccountElement } from './account-element.js';
import { errorDetail } from './events.js';
import { errorMessage, fieldErrors } from './i18n/index.js';
import { formStyles } from './styles/form.styles.js';

export interface AttemptOptions {
  /** A message of the element's own for some failures (e.g. "Sign in to use a template."); undefined: the usual one. */
  message?: (error: unknown) => string | undefined;
}

export class OnboardingElement extends AccountElement {
  static override styles: CSSResultGroup = [AccountElement.styles, formStyles];

  /** An action is in flight: its buttons say so (`aria-disabled`, which keeps focus on them) and other actions wait. */
  @state() protected busy = false;
  /** Messages by field name — the server's field path, e.g. `invitations.0.email` — for the last action refused. */
  @state() protected fieldErrors: Record<string, string> = {};
  /** Why the last action failed. */
  @state() protected actionError = '';
  /** What the live region says about the last action. */
  @state() protected announcement = '';

  /**
   * Runs one user action: nothing when another is in flight; else busy until it ends, and on
   * failure the field errors, the message and `acct-error`, with focus on the first invalid field.
   * True when the action ran and succeeded.
   */
  protected async attempt(action: () => Promise<void>, { message }: AttemptOptions = {}): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.fieldErrors = {};
    this.actionError = '';
    this.announcement = '';
    try {
      await action();
      return true;
    } catch (error) {
      const shown = message?.(error) ?? errorMessage(this.t, error);
      this.fieldErrors = fieldErrors(this.t, error);
      this.actionError = shown;
      this.emit('acct-error', { ...errorDetail(this.t, error), message: shown });
      if (Object.keys(this.fieldErrors).length) await this.focusAfterUpdate('[aria-invalid="true"]');
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Shows errors found before sending anything, and puts focus on the first invalid field. */
  protected showFieldErrors(errors: Record<string, string>): void {
    this.fieldErrors = errors;
    this.actionError = '';
    void this.focusAfterUpdate('[aria-invalid="true"]');
  }
}
