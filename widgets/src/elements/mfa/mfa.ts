/**
 * `<acct-mfa>`: the signed-in user's two-step verification (`GET /api/mfa`). Turning it on shows
 * a QR code and the key as text (`POST /api/mfa/totp/enrol`, both made by acct's server) and
 * takes a first code from the app (`POST /api/mfa/totp/confirm`); the ten recovery codes then
 * show once, to copy, download as .txt or print. It shows how many are left, makes a new set
 * (`POST /api/mfa/recovery-codes`) and turns it off (`POST /api/mfa/disable`) after an inline
 * confirmation. Enrolling, new codes and turning off need a recent sign-in: the server's
 * `reauthentication_required` is shown by its message. This module only declares the class;
 * `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { MfaStatus, TotpEnrolment } from '../../../../contract/mfa.js';
import { AccountElement } from '../../core/account-element.js';
import { ApiError } from '../../core/api-client.js';
import { errorDetail } from '../../core/events.js';
import { errorMessage } from '../../core/i18n/index.js';
import { InlineConfirmation } from '../../core/inline-confirmation.js';
import type { ChangeCause } from '../../core/session-store.js';
import { renderEnrolment, renderRecoveryCodes, renderStatus, type MfaViewState } from './mfa-views.js';
import { mfaStyles } from './mfa.styles.js';
import { downloadText, printText, recoveryCodesText } from './recovery-codes.js';

/**
 * Two-step verification with an authenticator app, and its recovery codes.
 *
 * @summary Turn two-step verification on (QR code, key, first code) or off, and manage recovery codes.
 *
 * @tag acct-mfa
 *
 * @slot signed-out - Shown instead while nobody is signed in; defaults to a short message.
 *
 * @fires {CustomEvent<AcctMfaChangedDetail>} acct-mfa-changed - The user turned two-step verification on or off; `detail` is `{ enabled }`.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - A request failed; `detail` is `{ code, status, message }` (e.g. `invalid_mfa_code`, `reauthentication_required`).
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart section-title - The heading of the recovery codes.
 * @csspart status - Whether two-step verification is on (and the loading message).
 * @csspart details - How many recovery codes are left.
 * @csspart button - Every button.
 * @csspart primary-button - The main button of each screen.
 * @csspart enable-button - "Set up an authenticator app".
 * @csspart regenerate-button - "Make new recovery codes".
 * @csspart disable-button - "Turn off".
 * @csspart confirm - The inline confirmation of new codes or turning off.
 * @csspart confirm-button - The button that confirms (or turns on, in the enrolment form).
 * @csspart cancel-button - The button that leaves the confirmation (also Escape) or the enrolment.
 * @csspart form - The enrolment form.
 * @csspart qr-code - The QR code.
 * @csspart key - The key as text.
 * @csspart field - The code field with its label and messages.
 * @csspart label - The code field's label.
 * @csspart input - The code field.
 * @csspart hint - The code field's hint.
 * @csspart field-error - Why the code was refused.
 * @csspart list - The recovery codes.
 * @csspart item - One recovery code.
 * @csspart copy-button - Copies the codes.
 * @csspart download-button - Saves the codes as a .txt file.
 * @csspart print-button - Prints the codes.
 * @csspart done-button - Leaves the codes ("I have saved them").
 * @csspart notice - The announcement after a change.
 * @csspart action-error - Why an action failed.
 * @csspart signed-out - The default content of the `signed-out` slot.
 * @csspart error - The message when the status could not be loaded.
 * @csspart retry-button - The button that loads it again.
 *
 * @cssproperty [--acct-mfa-max-width=40rem] - The widest the card grows.
 */
export class AcctMfa extends AccountElement {
  static override stringAreas = ['mfa'] as const;

  static override styles = [AccountElement.styles, mfaStyles];

  /** The secret being enrolled, until confirmed or cancelled. */
  @state() private enrolment: TotpEnrolment | null = null;
  /** Recovery codes just made: shown this once. */
  @state() private recoveryCodes: string[] | null = null;
  @state() private busy = false;
  @state() private codeProblem = '';
  @state() private actionError = '';
  @state() private announcement = '';

  /** Regenerating the codes, or turning the second step off, being confirmed. */
  private readonly confirmation = new InlineConfirmation<'regenerate' | 'disable'>(this, {
    opener: (action) => `[part~="${action}-button"]`,
    opening: () => {
      this.actionError = '';
      this.announcement = '';
    },
  });

  /** The product's name, for the heading of the codes' file. */
  private productName = '';

  private readonly status = new Task(this, {
    task: async ([store, key], { signal }): Promise<MfaStatus | undefined> => {
      if (!key) return undefined;
      this.productName = (await store.config()).productName;
      return store.api.call('GET /api/mfa', {}, { signal });
    },
    args: () => [this.session.store, this.sessionKey] as const,
  });

  protected override sessionChanged(cause: ChangeCause): void {
    if (cause === 'refresh') return;
    this.enrolment = null;
    this.recoveryCodes = null;
    this.confirmation.close();
    this.actionError = '';
  }

  override render(): TemplateResult {
    const t = this.t;
    return html`
      <section part="base" class="base" lang=${t.$lang} aria-labelledby="title">
        <h2 part="title" id="title" tabindex="-1">${t.mfa.title}</h2>
        <p class="intro">${t.mfa.intro}</p>
        ${this.renderForSession(this.status, t.mfa, (status) => this.renderContent(status))}
        <div class="live" role="status">${this.announcement ? html`<p part="notice" class="notice">${this.announcement}</p>` : nothing}</div>
      </section>
    `;
  }

  private get viewState(): MfaViewState {
    const { busy, codeProblem, actionError } = this;
    return { t: this.t, busy, codeProblem, actionError, confirming: this.confirmation.open };
  }

  private renderContent(status: MfaStatus): TemplateResult {
    const s = this.viewState;
    if (this.recoveryCodes) {
      return renderRecoveryCodes(s, this.recoveryCodes, {
        copy: this.copyCodes,
        download: this.downloadCodes,
        print: this.printCodes,
        done: this.closeCodes,
      });
    }
    if (this.enrolment)
      return renderEnrolment(s, this.enrolment, { submit: this.confirmEnrolment, cancel: this.cancelEnrolment });
    return renderStatus(s, status, {
      start: this.startEnrolment,
      ask: this.confirmation.ask,
      confirm: this.confirm,
      cancel: this.confirmation.cancel,
      keydown: this.confirmation.keydown,
    });
  }

  private async startEnrolment(): Promise<void> {
    const started = await this.act(
      async () => {
        this.enrolment = await this.session.store.api.call('POST /api/mfa/totp/enrol');
      },
      { reload: false },
    );
    if (started) await this.focusAfterUpdate('#code');
  }

  private async confirmEnrolment(event: Event): Promise<void> {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('code') as HTMLInputElement;
    const code = input.value.replace(/\s+/g, '');
    this.codeProblem = '';
    if (!/^\d{6}$/.test(code)) {
      this.codeProblem = this.t.errors.invalid_mfa_code;
      input.focus();
      return;
    }
    await this.act(
      async () => {
        const confirmed = await this.session.store.api.call('POST /api/mfa/totp/confirm', { body: { code } });
        this.enrolment = null;
        this.recoveryCodes = confirmed.recoveryCodes;
        this.announcement = this.t.mfa.on;
        this.emit('acct-mfa-changed', { enabled: true });
        await this.focusAfterUpdate('#codes-title');
      },
      {
        handled: (error) => {
          if (!(error instanceof ApiError) || error.code !== 'invalid_mfa_code') return false;
          this.codeProblem = errorMessage(this.t, error);
          input.value = '';
          void this.focusAfterUpdate('#code');
          return true;
        },
      },
    );
  }

  private cancelEnrolment(): void {
    this.enrolment = null;
    this.codeProblem = '';
    void this.focusAfterUpdate('[part~="enable-button"]');
  }

  private async confirm(): Promise<void> {
    const action = this.confirmation.open;
    await this.act(async () => {
      const api = this.session.store.api;
      if (action === 'regenerate') {
        this.recoveryCodes = (await api.call('POST /api/mfa/recovery-codes')).recoveryCodes;
        await this.focusAfterUpdate('#codes-title');
      } else {
        await api.call('POST /api/mfa/disable');
        this.announcement = this.t.mfa.disabled;
        this.emit('acct-mfa-changed', { enabled: false });
        await this.focusAfterUpdate('h2');
      }
      this.confirmation.close();
    });
  }

  private get codesText(): string {
    return recoveryCodesText(this.t.mfa.fileHeading(this.productName), this.t.mfa.fileNote, this.recoveryCodes ?? []);
  }

  private async copyCodes(): Promise<void> {
    await navigator.clipboard.writeText(this.codesText).then(
      () => (this.announcement = this.t.mfa.copied),
      () => undefined,
    );
  }

  private downloadCodes(): void {
    downloadText('recovery-codes.txt', this.codesText);
  }

  private printCodes(): void {
    printText(this.t.mfa.recoveryTitle, this.codesText);
  }

  private closeCodes(): void {
    this.recoveryCodes = null;
    void this.focusAfterUpdate('h2');
  }

  /**
   * Runs a request with the card busy, then reloads the status (unless `reload` is false), and
   * shows a failure (and fires `acct-error`) unless `handled` took care of it. True when it worked.
   */
  private async act(
    request: () => Promise<void>,
    { reload = true, handled = () => false }: { reload?: boolean; handled?: (error: unknown) => boolean } = {},
  ): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.actionError = '';
    this.announcement = '';
    try {
      await request();
      if (reload) await this.status.run();
      return true;
    } catch (error) {
      if (!handled(error)) this.actionError = errorMessage(this.t, error);
      this.emit('acct-error', errorDetail(this.t, error));
      return false;
    } finally {
      this.busy = false;
    }
  }
}
