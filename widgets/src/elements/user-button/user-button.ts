/**
 * `<acct-user-button>`: the signed-in user's avatar in a site's header, opening a menu with their
 * name and address, a link to their account page and "Sign out"; a "Sign in" link while nobody is
 * signed in. The menu follows the WAI-ARIA menu button pattern (https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/):
 * `aria-haspopup`/`aria-expanded` on the button, Enter/Space/↓ open on the first item and ↑ on the
 * last, arrows/Home/End move between items, Escape closes and returns focus, Tab or a click
 * elsewhere closes. When the session ends without the user signing out here (signed out from
 * another device, or expired), "Sign in" comes with a note saying so, until dismissed or signed
 * in again. While the account is scheduled for deletion, a note under the avatar gives the date and
 * "Cancel deletion" (core/deletion-notice.ts). This module only declares the class; `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AcctElement } from '../../core/acct-element.js';
import type { User } from '../../../../contract/users.js';
import { errorDetail } from '../../core/events.js';
import { errorMessage } from '../../core/i18n/index.js';
import { SessionController } from '../../core/session-controller.js';
import { controlStyles } from '../../core/styles/controls.styles.js';
import { cancelScheduledDeletion, renderDeletionNotice } from '../../core/deletion-notice.js';
import { leftToRight } from '../../core/views.js';
import { initials } from '../../core/initials.js';
import { userButtonStyles } from './user-button.styles.js';

/**
 * The user's avatar and account menu, or a way to sign in.
 *
 * @summary Avatar button with the account menu (account page, sign out), or "Sign in" when signed out.
 *
 * @tag acct-user-button
 *
 * @fires {CustomEvent<AcctSignedOutDetail>} acct-signed-out - The user chose "Sign out" and is signed out; `detail.user` is who was signed in.
 * @fires {CustomEvent<Record<string, never>>} acct-sign-in-requested - The user pressed "Sign in" and no
 * `sign-in-url` is set: the page shows its sign-in form.
 * @fires {CustomEvent<Record<string, never>>} acct-deletion-cancelled - The user cancelled the scheduled deletion of their account.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - Signing out or cancelling the deletion failed; `detail` is `{ code, status, message }`.
 *
 * @csspart button - The avatar button that opens the menu.
 * @csspart avatar - The avatar: the user's picture, or their initials.
 * @csspart menu - The menu's panel.
 * @csspart name - The user's name.
 * @csspart email - The user's address.
 * @csspart item - A menu item.
 * @csspart account-link - The "Your account" item.
 * @csspart error - Why signing out failed.
 * @csspart sign-in - The "Sign in" link or button.
 * @csspart signed-out-notice - The note under "Sign in" after the session ended elsewhere: "You were signed out on another device."
 * @csspart dismiss-button - The note's button that closes it.
 * @csspart deletion-notice - The note while the account is scheduled for deletion: its date and "Cancel deletion".
 * @csspart cancel-deletion-button - The note's "Cancel deletion" button (with `button`).
 *
 * @cssproperty [--acct-user-button-size=2.25rem] - The avatar's diameter.
 */
export class AcctUserButton extends AcctElement {
  static override styles = [AcctElement.styles, controlStyles, userButtonStyles];

  /** Address of the site's account page, shown as "Your account" in the menu; no item when empty. */
  @property({ attribute: 'account-url' }) accountUrl = '';

  /** Address of the site's sign-in page for the "Sign in" link; when empty, "Sign in" is a button firing `acct-sign-in-requested`. */
  @property({ attribute: 'sign-in-url' }) signInUrl = '';

  @state() private open = false;
  /** The menu hangs from the button's inline start, not its end: see `place`. */
  @state() private fromStart?: boolean;
  @state() private busy = false;
  @state() private signOutError = '';
  /** The avatar image failed to load: show the initials instead. */
  @state() private avatarFailed = false;

  private readonly session = new SessionController(
    this,
    () => this.serverUrl,
    () => {
      // Another user may have another picture: try it.
      if (this.avatarFailed) this.avatarFailed = false;
    },
  );

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onDocumentPointerDown);
    addEventListener('resize', this.place);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onDocumentPointerDown);
    removeEventListener('resize', this.place);
  }

  override render(): TemplateResult {
    const t = this.t;
    const { status, user } = this.session.store;
    let content: TemplateResult;
    if (status === 'signed-in' && user) content = this.renderMenuButton(user);
    else if (status === 'signed-out') content = this.renderSignIn();
    // While the session is read (or cannot be), a placeholder the size of the avatar: no flash of "Sign in".
    else content = html`<span class="placeholder" aria-hidden="true"></span>`;
    const reason = status === 'signed-out' ? this.session.store.signedOutReason : null;
    const deletion =
      // Under the avatar like the signed-out note, out of the way while the menu is open.
      status === 'signed-in' && !this.open
        ? renderDeletionNotice(t, user, { busy: this.busy, cancel: () => void this.cancelDeletion(), panel: true })
        : nothing;
    const notice = reason
      ? html`<div part="signed-out-notice" class="panel signed-out-notice">
          <p>${t.card.signedOut[reason]}</p>
          <button part="dismiss-button" class="small" type="button" @click=${this.dismissNotice}>${t.card.dismiss}</button>
        </div>`
      : deletion;
    // The live region stays in the DOM, empty (no white space either, for `.live:empty`), so that
    // the note is announced when it arrives.
    return html`<div class="base" lang=${t.$lang}>${content}<div class="live" role="status">${notice}</div></div>`;
  }

  private dismissNotice(): void {
    this.session.store.dismissSignedOutReason();
    this.renderRoot.querySelector<HTMLElement>('.sign-in')?.focus();
  }

  private renderSignIn(): TemplateResult {
    const t = this.t;
    return this.signInUrl
      ? html`<a part="sign-in" class="button primary sign-in" href=${this.signInUrl}>${t.userButton.signIn}</a>`
      : html`<button part="sign-in" class="primary sign-in" type="button" @click=${this.requestSignIn}>${t.userButton.signIn}</button>`;
  }

  private renderMenuButton(user: User): TemplateResult {
    const t = this.t;
    const name = user.displayName || user.email;
    const avatar =
      user.avatarUrl && !this.avatarFailed
        ? html`<img part="avatar" class="avatar" src=${user.avatarUrl} alt="" @error=${this.onAvatarError} />`
        : html`<span part="avatar" class="avatar initials" aria-hidden="true">${initials(user)}</span>`;
    return html`
      <button
        part="button"
        class="trigger"
        id="trigger"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="menu"
        @click=${this.toggle}
        @keydown=${this.onTriggerKeydown}
      >
        ${avatar}
        <!-- The name in text rather than aria-label: the visible initials are decoration, and an
             aria-label would hide the text that voice control users read off the button. -->
        <span class="visually-hidden">${t.userButton.menu(name)}</span>
      </button>
      <div part="menu" class="panel ${this.fromStart ? 's' : ''}" ?hidden=${!this.open} @keydown=${this.onMenuKeydown} @focusout=${this.onFocusOut}>
        <div class="identity">
          ${user.displayName ? html`<p part="name" class="name">${user.displayName}</p>` : nothing}
          <p part="email" class="email">${leftToRight(user.email)}</p>
        </div>
        <ul role="menu" id="menu" aria-labelledby="trigger">
          ${
            this.accountUrl
              ? html`<li role="none">
                <a part="item account-link" role="menuitem" tabindex="-1" href=${this.accountUrl}>${t.userButton.account}</a>
              </li>`
              : nothing
          }
          <li role="none">
            <button part="item" role="menuitem" tabindex="-1" type="button" aria-disabled=${this.busy ? 'true' : 'false'}
              @click=${this.signOut}>${t.userButton.signOut}</button>
          </li>
        </ul>
        ${this.signOutError ? html`<p part="error" class="error" role="alert">${this.signOutError}</p>` : nothing}
      </div>
    `;
  }

  private get items(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  private get trigger(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.trigger');
  }

  private async openMenu(focus: 'first' | 'last'): Promise<void> {
    this.place();
    this.open = true;
    this.signOutError = '';
    await this.updateComplete;
    const items = this.items;
    (focus === 'first' ? items[0] : items.at(-1))?.focus();
  }

  /**
   * Hangs the menu towards the side of the screen with more room (the button's centre left or right
   * of the screen's), on opening and when the window is resized: always hung from the button's
   * inline end, it went off the screen from a button at the start of a header. Kept as start or
   * end, so that it mirrors with the direction. An arrow function: the window's listener.
   */
  private readonly place = (): void => {
    const { left, right } = this.getBoundingClientRect();
    this.fromStart = left + right < innerWidth !== (getComputedStyle(this).direction === 'rtl');
  };

  private closeMenu({ restoreFocus }: { restoreFocus: boolean }): void {
    if (!this.open) return;
    this.open = false;
    if (restoreFocus) this.trigger?.focus();
  }

  private toggle(): void {
    if (this.open) this.closeMenu({ restoreFocus: true });
    else void this.openMenu('first');
  }

  private onTriggerKeydown(event: KeyboardEvent): void {
    // Enter and Space arrive as a click on the button (toggle); the arrows open on an end of the menu.
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  }

  private onMenuKeydown(event: KeyboardEvent): void {
    const items = this.items;
    const index = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    const moveTo = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(items.length - 1);
        break;
      case 'Escape':
        this.closeMenu({ restoreFocus: true });
        break;
      case 'Tab':
        // Focus moves on to the page's next control; the menu closes behind it.
        this.closeMenu({ restoreFocus: false });
        return;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  private onFocusOut(event: FocusEvent): void {
    // Focus moved to something else on the page (a screen reader's focus, a script): close. No
    // relatedTarget means focus went nowhere in particular — a click on the page, which the
    // pointerdown listener handles, or the focused item being re-rendered away — so it is ignored.
    const next = event.relatedTarget as Node | null;
    if (!next || this.shadowRoot?.contains(next) || next === this) return;
    this.closeMenu({ restoreFocus: false });
  }

  // An arrow function: added to and removed from the document as the same listener.
  private readonly onDocumentPointerDown = (event: PointerEvent): void => {
    if (this.open && !event.composedPath().includes(this)) this.closeMenu({ restoreFocus: false });
  };

  private onAvatarError(): void {
    this.avatarFailed = true;
  }

  private requestSignIn(): void {
    this.emit('acct-sign-in-requested', {});
  }

  /** "Cancel deletion" in the note of a scheduled deletion. */
  private async cancelDeletion(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await cancelScheduledDeletion(this.session.store);
      this.emit('acct-deletion-cancelled', {});
      await this.updateComplete;
      this.trigger?.focus();
    } catch (error) {
      this.emit('acct-error', errorDetail(this.t, error));
    } finally {
      this.busy = false;
    }
  }

  private async signOut(): Promise<void> {
    if (this.busy) return;
    const store = this.session.store;
    const user = store.user;
    this.busy = true;
    this.signOutError = '';
    try {
      await store.signOut();
      this.open = false;
      this.emit('acct-signed-out', { user });
      await this.updateComplete;
      // The menu button is gone; keep keyboard users here, on "Sign in", not at the top of the page.
      this.renderRoot.querySelector<HTMLElement>('.sign-in')?.focus();
    } catch (error) {
      this.signOutError = errorMessage(this.t, error);
      this.emit('acct-error', errorDetail(this.t, error));
    } finally {
      this.busy = false;
    }
  }
}
