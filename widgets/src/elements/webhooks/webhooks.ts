/**
 * `<acct-webhooks organization-id="…">`: an organization's webhook endpoints, for its owners and
 * admins (the server answers 403 to anyone else, which the element says). Adding one picks its
 * events from the server's catalogue, grouped by category, and opens a modal dialog with the
 * signing secret, the only time it is shown (rotating shows the new one the same way); each
 * endpoint can be disabled and enabled, sent a test event, deleted after an inline confirmation,
 * and opened to its delivery log — status, time, duration, the request and response bodies — where
 * any delivery can be replayed. This module only declares the class; `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type {
  Webhook,
  WebhookDelivery,
  WebhookEventCatalogue,
  WebhookEventType,
} from '../../../../contract/webhooks.js';
import { AccountElement } from '../../core/account-element.js';
import { errorDetail } from '../../core/events.js';
import { errorMessage, fieldErrors } from '../../core/i18n/index.js';
import { InlineConfirmation } from '../../core/inline-confirmation.js';
import type { ChangeCause } from '../../core/session-store.js';
import { renderSecret } from '../api-tokens/secret-view.js';
import { apiTokensStyles } from '../api-tokens/api-tokens.styles.js';
import { renderCreateForm, renderLog, renderWebhookRow } from './webhooks-views.js';
import { webhooksStyles } from './webhooks.styles.js';
import { copyOrSelect } from '../../core/clipboard.js';

/** Deliveries shown per page of a log. */
const LOG_PAGE = 20;

interface Loaded {
  webhooks: Webhook[];
  catalogue: WebhookEventCatalogue;
}

interface Log {
  deliveries: WebhookDelivery[];
  nextCursor: string | null;
}

/**
 * Lists, adds, changes and deletes an organization's webhook endpoints, with their delivery logs.
 *
 * @summary Webhooks of an organization: endpoints, events picker, copy-once secret, rotation, delivery log, replay, test event.
 *
 * @tag acct-webhooks
 *
 * @slot signed-out - Shown instead of the webhooks while nobody is signed in; defaults to a short message.
 *
 * @fires {CustomEvent<AcctWebhookDetail>} acct-webhook-created - An endpoint was added; `detail` is `{ organizationId, webhook }` (never the secret).
 * @fires {CustomEvent<AcctWebhookDetail>} acct-webhook-updated - An endpoint was enabled, disabled or its secret rotated.
 * @fires {CustomEvent<AcctWebhookDetail>} acct-webhook-deleted - An endpoint was deleted.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - An action failed; `detail` is `{ code, status, message }`.
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart description - The introduction.
 * @csspart form - The creation form.
 * @csspart create-form - The creation form (with `form`).
 * @csspart section-title - The "New endpoint" and "Endpoints" headings.
 * @csspart field - A field: label, control, error.
 * @csspart label - A field's label (and the dialog's secret label).
 * @csspart input - A text field (and the dialog's secret).
 * @csspart hint - A field's hint.
 * @csspart field-error - A field's error.
 * @csspart events - The events picker.
 * @csspart event - One event's checkbox and name.
 * @csspart button - Every button.
 * @csspart create-button - "Add endpoint".
 * @csspart list - The endpoints.
 * @csspart item - An endpoint's row (`disabled-item` too when it is disabled).
 * @csspart name - An endpoint's URL.
 * @csspart details - An endpoint's description, events, state and last delivery lines.
 * @csspart status - An endpoint's state line (with `details`), a loading message, the copy result.
 * @csspart toggle-button - "Disable" / "Enable".
 * @csspart test-button - "Send test event".
 * @csspart rotate-button - "Rotate secret".
 * @csspart log-button - "Delivery log" / "Hide log".
 * @csspart delete-button - "Delete".
 * @csspart confirm - The inline confirmation of a deletion.
 * @csspart confirm-button - The button that confirms.
 * @csspart cancel-button - The button that leaves the confirmation (also Escape).
 * @csspart log - An endpoint's delivery log.
 * @csspart delivery - One delivery attempt.
 * @csspart badge - A delivery's status.
 * @csspart replay-button - A delivery's "Replay".
 * @csspart more-button - "Older deliveries".
 * @csspart dialog - The dialog showing a secret once.
 * @csspart dialog-title - Its heading.
 * @csspart secret - The secret (with `input`).
 * @csspart copy-button - "Copy".
 * @csspart done-button - "I have stored it", which closes the dialog.
 * @csspart empty - The message when there is no endpoint, or no delivery.
 * @csspart notice - An announcement.
 * @csspart action-error - Why the last action failed.
 * @csspart signed-out - The default content of the `signed-out` slot.
 * @csspart error - The message when the webhooks could not be loaded.
 * @csspart retry-button - The button that loads them again.
 *
 * @cssproperty [--acct-webhooks-max-width=52rem] - The widest the card grows.
 */
export class AcctWebhooks extends AccountElement {
  static override stringAreas = ['webhooks'] as const;

  static override styles = [AccountElement.styles, apiTokensStyles, webhooksStyles];

  /** The organization whose webhooks to show (its id, as `GET /api/organizations` answers it). */
  @property({ attribute: 'organization-id' }) organizationId = '';

  @state() private busy = false;
  @state() private formErrors: Record<string, string> = {};
  @state() private actionError = '';
  @state() private announcement = '';
  /** The newest list after an action (newer than the task's). */
  @state() private latest: Webhook[] | undefined;
  /** Open delivery logs, by endpoint. */
  @state() private logs = new Map<string, Log>();
  /** The secret just shown, while its dialog is open; forgotten when it closes. */
  @state() private secret = '';
  @state() private copyStatus = '';

  @query('dialog') private dialog!: HTMLDialogElement;

  /** The endpoint whose deletion is being confirmed. */
  private readonly confirmation = new InlineConfirmation(this, {
    opener: (id) => `[part~="delete-button"][data-id="${id}"]`,
    opening: () => {
      this.announcement = '';
      this.actionError = '';
    },
  });

  private readonly load = new Task(this, {
    task: async ([store, key, id], { signal }): Promise<Loaded | undefined> => {
      if (!key || !id) return undefined;
      const params = { params: { id } };
      const [{ webhooks }, catalogue] = await Promise.all([
        store.api.call('GET /api/organizations/:id/webhooks', params, { signal }),
        store.api.call('GET /api/organizations/:id/webhooks/events', params, { signal }),
      ]);
      this.latest = undefined;
      this.logs = new Map();
      return { webhooks, catalogue };
    },
    args: () => [this.session.store, this.sessionKey, this.organizationId] as const,
  });

  protected override sessionChanged(cause: ChangeCause): void {
    if (cause !== 'refresh') this.confirmation.close();
  }

  private get webhooks(): Webhook[] {
    return this.latest ?? this.load.value?.webhooks ?? [];
  }

  override render(): TemplateResult {
    const t = this.t;
    return html`
      <section part="base" class="base ${this.secret ? 'covered' : ''}" lang=${t.$lang} aria-labelledby="title">
        <h2 part="title" id="title" tabindex="-1">${t.webhooks.title}</h2>
        ${
          this.organizationId || this.sessionKey === null
            ? this.renderForSession(this.load, t.webhooks, (loaded) => this.renderContent(loaded))
            : html`<p part="status" class="status">${t.webhooks.noOrganization}</p>`
        }
        ${this.actionError ? html`<p part="action-error" class="error" role="alert">${this.actionError}</p>` : nothing}
        <div class="live" role="status">${this.announcement ? html`<p part="notice" class="notice">${this.announcement}</p>` : nothing}</div>
      </section>
      <dialog part="dialog" aria-labelledby="secret-title" aria-describedby="secret-text" lang=${t.$lang} @close=${this.forgetSecret}>
        ${
          this.secret
            ? renderSecret({
                secret: this.secret,
                copyStatus: this.copyStatus,
                copy: this.copy,
                done: this.closeDialog,
                texts: t.webhooks,
              })
            : nothing
        }
      </dialog>
    `;
  }

  private renderContent({ catalogue }: Loaded): TemplateResult {
    const t = this.t;
    const now = new Date();
    const hooks = this.webhooks;
    const { cancel, keydown } = this.confirmation;
    return html`
      <p part="description">${t.webhooks.intro}</p>
      ${renderCreateForm({ t, catalogue, busy: this.busy, errors: this.formErrors, submit: this.create })}
      <h3 part="section-title">${t.webhooks.listTitle}</h3>
      ${
        hooks.length
          ? html`<ul part="list">
            ${hooks.map((hook) => {
              const log = this.logs.get(hook.id);
              return renderWebhookRow(hook, {
                t,
                now,
                busy: this.busy,
                confirming: this.confirmation.open === hook.id,
                logOpen: Boolean(log),
                log: log
                  ? renderLog({
                      t,
                      busy: this.busy,
                      deliveries: log.deliveries,
                      hasMore: Boolean(log.nextCursor),
                      replay: this.replay,
                      more: this.more,
                      webhookId: hook.id,
                    })
                  : nothing,
                act: this.act,
                on: { confirm: this.confirmDelete, cancel, keydown },
              });
            })}
          </ul>`
          : html`<p part="empty" class="status">${t.webhooks.empty}</p>`
      }
    `;
  }

  /** Runs an action with the busy flag, reporting its failure. */
  private async run(work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.actionError = '';
    this.announcement = '';
    try {
      await work();
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy = false;
    }
  }

  private readonly create = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const body = {
      url: String(data.get('url') ?? '').trim(),
      description: String(data.get('description') ?? ''),
      events: data.getAll('events').map(String) as WebhookEventType[],
    };
    const errors: Record<string, string> = {};
    if (!body.url) errors.url = this.t.fields.required!;
    if (!body.events.length) errors.events = this.t.webhooks.eventsRequired;
    this.formErrors = errors;
    // Focus on the first thing to fix (the address, else the first event), as the onboarding
    // elements do: left on "Add endpoint", a keyboard user had to look for it.
    if (Object.keys(errors).length)
      return this.focusAfterUpdate('[aria-invalid=true],fieldset[aria-describedby] input');
    await this.run(async () => {
      const created = await this.session.store.api.call('POST /api/organizations/:id/webhooks', {
        params: { id: this.organizationId },
        body,
      });
      this.latest = [created.webhook, ...this.webhooks];
      form.reset();
      await this.showSecret(created.secret);
      this.emit('acct-webhook-created', { organizationId: this.organizationId, webhook: created.webhook });
    });
  };

  private async showSecret(secret: string): Promise<void> {
    this.secret = secret;
    this.copyStatus = '';
    await this.updateComplete;
    this.dialog.showModal();
  }

  private replace(webhook: Webhook): void {
    this.latest = this.webhooks.map((h) => (h.id === webhook.id ? webhook : h));
  }

  /** The row buttons: `data-action` says which. */
  private readonly act = async (event: Event): Promise<void> => {
    const { action, id } = (event.currentTarget as HTMLElement).dataset;
    const hook = this.webhooks.find((h) => h.id === id);
    if (!hook || !id) return;
    const params = { id: this.organizationId, webhookId: id };
    const api = this.session.store.api;
    if (action === 'delete') await this.confirmation.show(id);
    else if (action === 'log') await this.toggleLog(id);
    else if (action === 'toggle')
      await this.run(async () => {
        const { webhook } = await api.call('PATCH /api/organizations/:id/webhooks/:webhookId', {
          params,
          body: { active: !hook.active },
        });
        this.replace(webhook);
        this.emit('acct-webhook-updated', { organizationId: this.organizationId, webhook });
      });
    else if (action === 'rotate')
      await this.run(async () => {
        const rotated = await api.call('POST /api/organizations/:id/webhooks/:webhookId/rotate-secret', {
          params,
          body: {},
        });
        this.replace(rotated.webhook);
        await this.showSecret(rotated.secret);
        this.emit('acct-webhook-updated', { organizationId: this.organizationId, webhook: rotated.webhook });
      });
    else if (action === 'test')
      await this.run(async () => {
        await api.call('POST /api/organizations/:id/webhooks/:webhookId/test', { params, body: {} });
        this.announcement = this.t.webhooks.testQueued;
        if (this.logs.has(id)) await this.loadLog(id);
      });
  };

  /** The deletion's confirmation's "Delete". */
  private readonly confirmDelete = async (event: Event): Promise<void> => {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    const hook = this.webhooks.find((h) => h.id === id);
    if (!hook) return;
    await this.run(async () => {
      await this.session.store.api.call('DELETE /api/organizations/:id/webhooks/:webhookId', {
        params: { id: this.organizationId, webhookId: hook.id },
      });
      this.latest = this.webhooks.filter((h) => h.id !== hook.id);
      this.confirmation.close();
      this.announcement = this.t.webhooks.removed(hook.url);
      this.emit('acct-webhook-deleted', { organizationId: this.organizationId, webhook: hook });
      // The row is gone: focus goes to the card's heading.
      await this.focusAfterUpdate('h2');
    });
  };

  private async loadLog(id: string, before?: string): Promise<void> {
    const page = await this.session.store.api.call('GET /api/organizations/:id/webhooks/:webhookId/deliveries', {
      params: { id: this.organizationId, webhookId: id },
      query: { limit: LOG_PAGE, ...(before ? { before } : {}) },
    });
    const shown = before ? (this.logs.get(id)?.deliveries ?? []) : [];
    this.logs = new Map(this.logs).set(id, {
      deliveries: [...shown, ...page.deliveries],
      nextCursor: page.nextCursor,
    });
  }

  private async toggleLog(id: string): Promise<void> {
    if (this.logs.has(id)) {
      const logs = new Map(this.logs);
      logs.delete(id);
      this.logs = logs;
      return;
    }
    await this.run(() => this.loadLog(id));
  }

  private readonly more = async (event: Event): Promise<void> => {
    const id = (event.currentTarget as HTMLElement).dataset.webhook!;
    const cursor = this.logs.get(id)?.nextCursor;
    if (cursor) await this.run(() => this.loadLog(id, cursor));
  };

  private readonly replay = async (event: Event): Promise<void> => {
    const { id, webhook } = (event.currentTarget as HTMLElement).dataset;
    if (!id || !webhook) return;
    await this.run(async () => {
      await this.session.store.api.call(
        'POST /api/organizations/:id/webhooks/:webhookId/deliveries/:deliveryId/replay',
        {
          params: { id: this.organizationId, webhookId: webhook, deliveryId: id },
          body: {},
        },
      );
      this.announcement = this.t.webhooks.replayed;
      await this.loadLog(webhook);
    });
  };

  private readonly copy = async (): Promise<void> => {
    const copied = await copyOrSelect(this.secret, this.renderRoot.querySelector<HTMLInputElement>('#secret'));
    this.copyStatus = copied ? this.t.webhooks.copied : this.t.webhooks.copyFailed;
  };

  private readonly closeDialog = (): void => this.dialog.close();

  private readonly forgetSecret = (): Promise<void> => {
    this.secret = '';
    this.copyStatus = '';
    // After the render that uncovers the card: until then "Create" is hidden and takes no focus.
    return this.focusAfterUpdate('[part~="create-button"]');
  };

  private failed(error: unknown): void {
    const fields = fieldErrors(this.t, error);
    this.formErrors = fields;
    if (!Object.keys(fields).length) this.actionError = errorMessage(this.t, error);
    this.emit('acct-error', errorDetail(this.t, error));
  }
}
