/**
 * `<acct-profile>`: the signed-in user's profile — picture (uploaded, `PUT /api/me/avatar`, or
 * removed), name, a few words about themselves and the language of their mail (`PATCH /api/me`) —
 * and their email address,
 * changed through a link mailed to the new address (`POST /api/me/email`). A change waiting for
 * its link shows after a reload too (`GET /api/me/email`), with "Cancel the change"
 * (`DELETE /api/me/email`). The user comes from
 * the page's session store, which learns every change (so `<acct-user-button>` follows). This
 * module only declares the class; `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { PendingEmailChange, User } from '../../../../contract/users.js';
import { AccountElement } from '../../core/account-element.js';
import { ApiError } from '../../core/api-client.js';
import { errorDetail } from '../../core/events.js';
import { fullDateTime } from '../../core/time-format.js';
import { selectField, textField } from '../../core/form-fields.js';
import { errorMessage, fieldErrors } from '../../core/i18n/index.js';
import { formStyles } from '../../core/styles/form.styles.js';
import { leftToRight, renderLoading, renderSignedOut } from '../../core/views.js';
import { initials } from '../../core/initials.js';
import { profileStyles } from './profile.styles.js';

/**
 * The languages a user may choose for their mail until the server says which it allows
 * (`languages` in `GET /api/config`, ACCT_LANGUAGES); '' is "each page's".
 */
const LANGUAGES = ['en', 'fr', 'de', 'es', 'ar'];

/**
 * The signed-in user's picture, name, mail language and email address.
 *
 * @summary Edit the profile (picture, name, language) and change the email address by a confirmed link.
 *
 * @tag acct-profile
 *
 * @slot signed-out - Shown instead of the profile while nobody is signed in; defaults to a short message.
 *
 * @fires {CustomEvent<AcctProfileUpdatedDetail>} acct-profile-updated - The user saved the profile,
 * or uploaded or removed the picture; `detail.user` is the user as saved.
 * @fires {CustomEvent<AcctEmailChangeRequestedDetail>} acct-email-change-requested - A confirmation
 * link is on its way to `detail.email`; the address changes once it is followed.
 * @fires {CustomEvent<Record<string, never>>} acct-sign-in-requested - The email change needs a
 * recent sign-in, the user pressed "Sign in again" and the element has no `sign-in-url`.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - A save, upload or email change failed;
 * `detail` is `{ code, status, message }`.
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart section-title - The "Email" heading.
 * @csspart form - The profile form and the email form.
 * @csspart field - A label with its control.
 * @csspart label - A field's label.
 * @csspart input - A text field.
 * @csspart upload-button - "Upload a picture", which opens the file picker (with `button`).
 * @csspart select - The language list.
 * @csspart hint - The picture field's hint.
 * @csspart field-error - A field's error.
 * @csspart avatar - The picture, or its stand-in.
 * @csspart button - Every button.
 * @csspart primary-button - "Save" and "Send a confirmation link".
 * @csspart remove-button - "Remove picture".
 * @csspart change-email-button - The email row's "Change".
 * @csspart cancel-email-change-button - "Cancel the change", under a change waiting for confirmation.
 * @csspart status - What was just saved, and the "check your inbox" notice.
 * @csspart form-error - Why the last action failed.
 * @csspart signed-out - The default content of the `signed-out` slot.
 *
 * @cssproperty [--acct-profile-max-width=36rem] - The widest the card grows.
 * @cssproperty [--acct-profile-avatar-size=4rem] - The picture's size.
 */
export class AcctProfile extends AccountElement {
  static override stringAreas = ['account'] as const;

  static override styles = [AccountElement.styles, formStyles, profileStyles];

  /** Address of the site's sign-in page, offered when the email change needs a recent sign-in; when empty, "Sign in again" fires `acct-sign-in-requested`. */
  @property({ attribute: 'sign-in-url' }) signInUrl = '';

  @state() private busy = false;
  @state() private saved = '';
  @state() private error = '';
  @state() private fields: Record<string, string> = {};
  @state() private editingEmail = false;
  /** The change waiting for its link: read from the server, or just asked for here. */
  @state() private pending: PendingEmailChange['pending'] = null;
  @state() private needsSignIn = false;
  /** The mail languages the server allows, once `GET /api/config` says. */
  @state() private languages: readonly string[] = LANGUAGES;

  override connectedCallback(): void {
    super.connectedCallback();
    this.session.store.config().then(
      (config) => (this.languages = config.languages ?? LANGUAGES),
      // The list works without it: the server refuses a language it does not allow.
      () => undefined,
    );
  }

  /** Reads the waiting change whenever the user or session changes (a reload shows it again). */
  private readonly pendingLoad = new Task(this, {
    task: async ([store, key], { signal }): Promise<void> => {
      this.pending = null;
      if (!key) return;
      // Not essential to the page: if it cannot be read, the address row shows as usual.
      const answer = await store.api.call('GET /api/me/email', {}, { signal }).catch(() => null);
      if (answer && this.sessionKey === key) this.pending = answer.pending;
    },
    args: () => [this.session.store, this.sessionKey] as const,
  });

  override render(): TemplateResult {
    const t = this.t;
    const store = this.session.store;
    const user = store.status === 'signed-in' ? store.user : null;
    let content: TemplateResult;
    if (store.status === 'signed-out') content = renderSignedOut(t.profile.signedOut);
    else if (!user) content = renderLoading(t);
    else content = this.renderProfile(user);
    return html`<section part="base" class="base" lang=${t.$lang} aria-labelledby="title">
      <h2 part="title" id="title">${t.profile.title}</h2>
      ${content}
    </section>`;
  }

  private renderProfile(user: User): TemplateResult {
    const p = this.t.profile;
    // The browser's own file field ("Choose File No file chosen") is elided on a phone and speaks
    // the browser's language, not the element's: it stays, for the keyboard and screen readers, but
    // unseen, and its label is drawn as the button (a click on a label opens its field's picker).
    return html`
      <div class="avatar-row">
        ${
          user.avatarUrl
            ? html`<img part="avatar" class="avatar" src=${user.avatarUrl} alt=${p.avatar} />`
            : html`<span part="avatar" class="avatar" role="img" aria-label=${p.noAvatar}>${initials(user)}</span>`
        }
        <div part="field" class="field">
          <input class="visually-hidden" id="avatar-file" type="file" accept="image/png,image/jpeg,image/webp,image/gif"
            aria-describedby="avatar-hint" ?disabled=${this.busy} @change=${this.upload} />
          <label part="button upload-button" class="button" for="avatar-file">${p.uploadAvatar}</label>
          <p part="hint" class="hint" id="avatar-hint">${p.avatarHint}</p>
        </div>
        ${
          user.avatarUrl
            ? html`<button part="button remove-button" type="button" ?disabled=${this.busy} @click=${this.removeAvatar}>${p.removeAvatar}</button>`
            : nothing
        }
      </div>
      <form part="form" @submit=${this.save} novalidate>
        ${textField({ name: 'displayName', label: this.t.displayName, value: user.displayName ?? '', autocomplete: 'name', maxlength: 100, error: this.fields.displayName })}
        ${textField({ name: 'bio', label: p.bio, value: user.bio ?? '', multiline: true, maxlength: 500, error: this.fields.bio })}
        ${selectField({
          name: 'locale',
          label: p.language,
          value: user.locale ?? '',
          error: this.fields.locale,
          options: [
            { value: '', label: p.languageAuto },
            ...this.languages.map((code) => ({ value: code, label: p.languages[code] ?? code })),
          ],
        })}
        <button part="button primary-button" class="primary" type="submit" ?disabled=${this.busy}>${p.save}</button>
      </form>
      <section aria-labelledby="email-title">
        <h3 part="section-title" id="email-title">${p.emailTitle}</h3>
        ${this.renderEmail(user)}
      </section>
      <p part="status" class="status" role="status">${this.saved}</p>
      <p part="form-error" class="error" role="alert">${this.error}</p>
      ${this.needsSignIn ? this.renderSignInAgain() : nothing}
    `;
  }

  private renderEmail(user: User): TemplateResult {
    const p = this.t.profile;
    if (this.pending) {
      const { email, expiresAt } = this.pending;
      return html`<div part="status" class="status pending">
          <strong>${p.pendingTitle}</strong> ${p.pending(email)}
          ${expiresAt ? html` ${p.pendingUntil(fullDateTime(this.t.$lang, new Date(expiresAt)))}` : nothing}
        </div>
        <div class="email-row">
          <span class="email">${leftToRight(user.email)}</span>
          <button part="button cancel-email-change-button" type="button" ?disabled=${this.busy} @click=${this.cancelPendingChange}>
            ${p.cancelChange}
          </button>
        </div>`;
    }
    if (!this.editingEmail) {
      return html`<div class="email-row">
        <span class="email">${leftToRight(user.email)}</span>
        <button part="button change-email-button" type="button" @click=${this.startEmailChange}>${p.changeEmail}</button>
      </div>`;
    }
    return html`<form part="form" class="email-form" @submit=${this.requestEmailChange} novalidate>
      ${textField({ name: 'email', label: p.newEmail, type: 'email', autocomplete: 'email', required: true, error: this.fields.email })}
      <div class="actions">
        <button part="button primary-button" class="primary" type="submit" ?disabled=${this.busy}>${p.sendLink}</button>
        <button part="button" type="button" @click=${this.cancelEmailChange}>${p.cancel}</button>
      </div>
    </form>`;
  }

  private renderSignInAgain(): TemplateResult {
    const p = this.t.profile;
    return this.signInUrl
      ? html`<p><a part="button" href=${this.signInUrl}>${p.signInAgain}</a></p>`
      : html`<p><button part="button" type="button" @click=${() => this.emit('acct-sign-in-requested', {})}>${p.signInAgain}</button></p>`;
  }

  /** Runs one action: busy while it runs, its message or its translated error after. */
  private async act(work: () => Promise<string>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.saved = '';
    this.error = '';
    this.fields = {};
    this.needsSignIn = false;
    try {
      this.saved = await work();
    } catch (error) {
      this.fields = fieldErrors(this.t, error);
      this.needsSignIn = error instanceof ApiError && error.code === 'reauthentication_required';
      this.error = this.needsSignIn ? this.t.profile.reauthenticate : errorMessage(this.t, error);
      this.emit('acct-error', errorDetail(this.t, error));
    } finally {
      this.busy = false;
    }
  }

  /** After a change of the user: the page's session learns it, and the page hears of it. */
  private async changed(user: User): Promise<void> {
    await this.session.store.refresh();
    this.emit('acct-profile-updated', { user });
  }

  private readonly save = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const locale = String(form.get('locale') ?? '');
    void this.act(async () => {
      const { user } = await this.session.store.api.call('PATCH /api/me', {
        body: {
          displayName: String(form.get('displayName') ?? ''),
          bio: String(form.get('bio') ?? '').trim() || null,
          locale: locale || null,
        },
      });
      await this.changed(user);
      return this.t.profile.saved;
    });
  };

  private readonly upload = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    void this.act(async () => {
      const image = await toBase64(file);
      input.value = '';
      const { user } = await this.session.store.api.call('PUT /api/me/avatar', { body: { image } });
      await this.changed(user);
      return this.t.profile.avatarSaved;
    });
  };

  private readonly removeAvatar = (): void => {
    void this.act(async () => {
      const { user } = await this.session.store.api.call('DELETE /api/me/avatar');
      await this.changed(user);
      return this.t.profile.avatarRemoved;
    });
  };

  private readonly startEmailChange = async (): Promise<void> => {
    this.editingEmail = true;
    await this.focusAfterUpdate('input[name="email"]');
  };

  private readonly cancelEmailChange = (): void => {
    this.editingEmail = false;
    this.fields = {};
    this.error = '';
    this.needsSignIn = false;
  };

  private readonly cancelPendingChange = (): void => {
    void this.act(async () => {
      await this.session.store.api.call('DELETE /api/me/email');
      this.pending = null;
      return this.t.profile.changeCancelled;
    });
  };

  private readonly requestEmailChange = (event: SubmitEvent): void => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget as HTMLFormElement).get('email') ?? '').trim();
    void this.act(async () => {
      const answer = await this.session.store.api.call('POST /api/me/email', {
        body: { email, redirectUrl: location.href },
      });
      this.pending = { email: answer.email, expiresAt: '' };
      this.editingEmail = false;
      this.emit('acct-email-change-requested', { email: answer.email });
      return '';
    });
  };
}

/** A file's bytes as base64 (what `PUT /api/me/avatar` takes). */
async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
