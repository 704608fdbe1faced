/**
 * The base of the elements that show the signed-in user's own data (`<acct-sessions>`,
 * `<acct-login-history>`): connected to the page's session store, they load their data with a
 * task keyed by who is signed in, show loading / could-not-load (with "Try again") / the
 * `signed-out` slot around it, and keep the rows already shown while reloading. While the store says
 * nobody is signed in, the host has the custom state `signed-out`, for the page's CSS
 * (`acct-passkeys:state(signed-out) { display: none }`, docs/elements/theming.md).
 */
import type { CSSResultGroup, PropertyValues, TemplateResult } from 'lit';
import { TaskStatus, type Task } from '@lit/task';
import { AcctElement } from './acct-element.js';
import { errorDetail } from './events.js';
import { SessionController } from './session-controller.js';
import { controlStyles } from './styles/controls.styles.js';
import { listStyles } from './styles/list.styles.js';
import type { ChangeCause } from './session-store.js';
import { renderLoadError, renderLoading, renderSignedOut } from './views.js';

export interface AccountTexts {
  /** "Your devices could not be loaded." */
  loadFailed: string;
  /** The `signed-out` slot's default message. */
  signedOut: string;
}

export class AccountElement extends AcctElement {
  static override styles: CSSResultGroup = [AcctElement.styles, controlStyles, listStyles];

  protected readonly session = new SessionController(
    this,
    () => this.serverUrl,
    (cause) => this.sessionChanged(cause),
  );

  /** Called on every change of the session store, before the element re-renders. */
  protected sessionChanged(_cause: ChangeCause): void {}

  // Every change of the store re-renders the element (SessionController), so the state follows it.
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.session.store.status === 'signed-out') this.internals.states.add('signed-out');
    else this.internals.states.delete('signed-out');
  }

  /**
   * "user-id session-id" while someone is signed in, else null: in a task's args, it reloads the
   * data when the user or the session changes (a sign-in here or in another tab) and only then.
   */
  protected get sessionKey(): string | null {
    const store = this.session.store;
    return store.status === 'signed-in' ? `${store.user?.id} ${store.session?.id}` : null;
  }

  /**
   * For a method the page calls (`refresh()`, `complete()`): whether nobody is signed in, once the
   * page's session is known. Then the method asks the server nothing, since the 401 it would get
   * shows in the browser's console as a failed request on a page whose visitor is simply signed out.
   */
  protected async nobodySignedIn(): Promise<boolean> {
    const store = this.session.store;
    await store.start();
    return store.status === 'signed-out';
  }

  /**
   * The task's data through `content`, or the state the page's session is in. The task answers
   * `undefined` while nobody is signed in, so that signing in shows "Loading…" rather than the
   * previous, empty answer.
   */
  protected renderForSession<R>(
    task: Task<readonly unknown[], R | undefined>,
    texts: AccountTexts,
    content: (value: R) => TemplateResult,
  ): TemplateResult {
    const t = this.t;
    const store = this.session.store;
    // A retry reports its own failure (acct-error); nothing is left for the click handler to await.
    const retry = () => void this.retry(task);
    if (store.status === 'loading') return renderLoading(t);
    if (store.status === 'error') return renderLoadError(t, texts.loadFailed, store.error, retry);
    if (store.status === 'signed-out') return renderSignedOut(texts.signedOut);
    return task.render({
      initial: () => renderLoading(t),
      // While reloading, what is already shown stays (no flash of "Loading…").
      pending: () => (task.value === undefined ? renderLoading(t) : content(task.value)),
      complete: (value) => (value === undefined ? renderLoading(t) : content(value)),
      error: (error) => renderLoadError(t, texts.loadFailed, error, retry),
    });
  }

  /**
   * Moves focus to the first match of `selector` once the render in flight is done: the card's
   * heading once a row is gone (so that focus is not lost on the page's body), an invalid field…
   */
  protected async focusAfterUpdate(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** "Try again": reads the session again if that is what failed, else reloads the data; fires `acct-error` when it fails again. */
  private async retry(task: Task<readonly unknown[], unknown>): Promise<void> {
    const store = this.session.store;
    if (store.status === 'error') await store.refresh();
    else await task.run();
    await this.updateComplete;
    let failed: unknown;
    if (store.status === 'error') failed = store.error;
    else if (task.status === TaskStatus.ERROR) failed = task.error;
    if (failed !== undefined) {
      this.emit('acct-error', errorDetail(this.t, failed));
      // The old button was replaced while loading; give focus back to the new one.
      this.renderRoot.querySelector<HTMLElement>('.retry')?.focus();
    }
  }
}
