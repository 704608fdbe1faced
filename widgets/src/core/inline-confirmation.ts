/**
 * Which inline confirmation of an element is open (`renderInlineConfirm` in views.ts draws it), and
 * the keyboard behaviour every list shares, as in an alert dialog (WAI-ARIA APG): focus starts on
 * Cancel, the choice that destroys nothing; Cancel or Escape closes it and puts focus back on the
 * button that opened it. One controller, so that every list behaves alike (the API tokens' and
 * webhooks' lists once left focus on the page's body).
 */
import type { ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & { readonly renderRoot: ParentNode };

export interface InlineConfirmationOptions<Id extends string> {
  /** The selector of the button that opens `id`'s confirmation, where focus returns on Cancel. */
  opener(id: Id): string;
  /** Runs as a confirmation opens: clears what the previous action left (its announcement, its error). */
  opening?(): void;
}

export class InlineConfirmation<Id extends string = string> {
  private current: Id | null = null;

  constructor(
    private readonly host: Host,
    private readonly options: InlineConfirmationOptions<Id>,
  ) {}

  /** What is being confirmed (a row's id, or a name such as `disable`), or null. */
  get open(): Id | null {
    return this.current;
  }

  /** Opens the confirmation for the row whose button was pressed: its `data-id`. */
  readonly ask = (event: Event): void => void this.show((event.currentTarget as HTMLElement).dataset.id as Id);

  /** Opens `id`'s confirmation and puts focus on its Cancel. */
  async show(id: Id): Promise<void> {
    this.options.opening?.();
    this.set(id);
    await this.focusAfterUpdate('.confirm .cancel');
  }

  /** Closes it where focus is the caller's to place (the action was done, or failed in its row). */
  close(): void {
    this.set(null);
  }

  /** Closes it and puts focus back on the button that opened it. */
  readonly cancel = (): void => {
    const id = this.current;
    this.set(null);
    if (id !== null) void this.focusOpener(id);
  };

  /** Escape in the confirmation cancels it, and goes no further (a dialog around the element stays open). */
  readonly keydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.cancel();
  };

  /** Puts focus on the button that opens `id`'s confirmation, once the element has rendered. */
  focusOpener(id: Id): Promise<void> {
    return this.focusAfterUpdate(this.options.opener(id));
  }

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private set(id: Id | null): void {
    if (this.current === id) return;
    this.current = id;
    this.host.requestUpdate();
  }
}
