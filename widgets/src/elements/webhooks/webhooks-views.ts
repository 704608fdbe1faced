/**
 * Templates of `<acct-webhooks>`: the creation form with its events picker (one group of
 * checkboxes per catalogue category), an endpoint's row with its actions and inline delete
 * confirmation, and its delivery log with expandable bodies. Pure functions of what they are
 * given; the element holds the state and the handlers. The copy-once dialog is the API tokens'.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Webhook, WebhookDelivery, WebhookEventCatalogue } from '../../../../contract/webhooks.js';
import { textField } from '../../core/form-fields.js';
import { fullDateTime, relativeTime } from '../../core/time-format.js';
import type { Translation } from '../../core/i18n/index.js';
import { renderInlineConfirm, type ConfirmRowHandlers } from '../../core/views.js';

export interface FormView {
  t: Translation;
  catalogue: WebhookEventCatalogue;
  busy: boolean;
  errors: Record<string, string>;
  submit: (event: SubmitEvent) => unknown;
}

export function renderCreateForm({ t, catalogue, busy, errors, submit }: FormView): TemplateResult {
  const w = t.webhooks;
  return html`<form part="form create-form" @submit=${submit} novalidate>
    <h3 part="section-title">${w.createTitle}</h3>
    ${textField({ name: 'url', label: w.url, hint: w.urlHint, type: 'url', error: errors.url, required: true, maxlength: 2000 })}
    ${textField({ name: 'description', label: w.description, error: errors.description, maxlength: 500 })}
    <fieldset part="events" aria-describedby=${errors.events ? 'events-error' : nothing}>
      <legend>${w.events}</legend>
      ${catalogue.categories.map(
        ({ category, events }) => html`<fieldset class="category">
          <legend>${w.category[category] ?? category}</legend>
          ${events.map(
            (event) =>
              html`<label part="event"><input type="checkbox" name="events" value=${event} /><code>${event}</code></label>`,
          )}
        </fieldset>`,
      )}
      <p part="field-error" class="field-error" id="events-error">${errors.events ?? nothing}</p>
    </fieldset>
    <button part="button create-button" class="primary" type="submit" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>
      ${w.create}
    </button>
  </form>`;
}

export interface RowView {
  t: Translation;
  now: Date;
  busy: boolean;
  confirming: boolean;
  logOpen: boolean;
  log: TemplateResult | typeof nothing;
  /** The row's buttons but those of the deletion's confirmation, which are `on`'s. */
  act: (event: Event) => unknown;
  on: Pick<ConfirmRowHandlers, 'confirm' | 'cancel' | 'keydown'>;
}

function stateText(hook: Webhook, t: Translation): string {
  const w = t.webhooks;
  const parts = [hook.active ? w.active : (w.disabled[hook.disabledReason ?? 'manual'] ?? w.disabled.manual!)];
  if (hook.failureCount) parts.push(w.failures(hook.failureCount));
  return parts.join(' · ');
}

/** A button of a row: `data-action` names what the element does, `data-id` the endpoint. */
function action(hook: Webhook, name: string, label: string, view: RowView, extra = ''): TemplateResult {
  return html`<button part="button ${name}-button" class="small ${extra}" type="button" data-action=${name} data-id=${hook.id}
    ?disabled=${view.busy} @click=${view.act}>${label}</button>`;
}

export function renderWebhookRow(hook: Webhook, view: RowView): TemplateResult {
  const { t, now } = view;
  const w = t.webhooks;
  const last = hook.lastTriggeredAt
    ? w.lastTriggered(relativeTime(t.$lang, new Date(hook.lastTriggeredAt), now))
    : w.neverTriggered;
  return html`<li part="item${hook.active ? '' : ' disabled-item'}" data-id=${hook.id}>
    <div class="summary">
      <p part="name" class="name"><code>${hook.url}</code></p>
      ${hook.description ? html`<p part="details" class="details">${hook.description}</p>` : nothing}
      <p part="details" class="details">${hook.events.map((e) => html`<code>${e}</code> `)}</p>
      <p part="details status" class="details">${stateText(hook, t)} · ${last}</p>
      ${
        hook.previousSecretExpiresAt
          ? html`<p part="details" class="details">${w.overlap(fullDateTime(t.$lang, new Date(hook.previousSecretExpiresAt)))}</p>`
          : nothing
      }
    </div>
    <div class="actions">
      ${action(hook, 'toggle', hook.active ? w.disable : w.enable, view)} ${action(hook, 'test', w.sendTest, view)}
      ${action(hook, 'rotate', w.rotate, view)}
      <button part="button log-button" class="small" type="button" data-action="log" data-id=${hook.id}
        aria-expanded=${view.logOpen ? 'true' : 'false'} @click=${view.act}>${view.logOpen ? w.hideLog : w.showLog}</button>
      ${view.confirming ? nothing : action(hook, 'delete', w.remove, view, 'danger')}
    </div>
    ${
      view.confirming
        ? renderInlineConfirm({
            id: hook.id,
            question: w.confirmRemove(hook.url),
            confirmLabel: w.confirm,
            cancelLabel: w.cancel,
            busy: view.busy,
            ...view.on,
          })
        : nothing
    }
    ${view.logOpen ? view.log : nothing}
  </li>`;
}

export interface LogView {
  t: Translation;
  busy: boolean;
  deliveries: WebhookDelivery[];
  hasMore: boolean;
  replay: (event: Event) => unknown;
  more: (event: Event) => unknown;
  webhookId: string;
}

/** "HTTP 200", "No answer (timeout)", or nothing yet. */
function answerText(d: WebhookDelivery, t: Translation): string {
  if (d.responseStatus !== null) return `HTTP ${d.responseStatus}`;
  return d.error ? t.webhooks.noResponse(d.error) : '';
}

function renderDelivery(d: WebhookDelivery, view: LogView): TemplateResult {
  const w = view.t.webhooks;
  const when = d.attemptedAt ?? d.dueAt ?? d.createdAt;
  const answer = answerText(d, view.t);
  return html`<li part="delivery" class="delivery ${d.status}" data-id=${d.id}>
    <p class="line">
      <span part="badge" class="badge">${w.status[d.status] ?? d.status}</span>
      <code>${d.eventType}</code> · ${fullDateTime(view.t.$lang, new Date(when))} · ${w.attempt(d.attempt)}
      ${answer ? html` · ${answer}` : nothing} ${d.durationMs !== null ? html` · ${w.duration(d.durationMs)}` : nothing}
    </p>
    <details>
      <summary>${w.request}</summary>
      <pre>${d.requestBody}</pre>
    </details>
    ${
      d.responseBody
        ? html`<details>
          <summary>${w.response}</summary>
          <pre>${d.responseBody}</pre>
        </details>`
        : nothing
    }
    <button part="button replay-button" class="small" type="button" data-id=${d.id} data-webhook=${view.webhookId}
      ?disabled=${view.busy} @click=${view.replay}>${w.replay}</button>
  </li>`;
}

export function renderLog(view: LogView): TemplateResult {
  const w = view.t.webhooks;
  return html`<div part="log" class="log">
    ${
      view.deliveries.length
        ? html`<ul class="deliveries">
          ${view.deliveries.map((d) => renderDelivery(d, view))}
        </ul>`
        : html`<p part="empty" class="status">${w.logEmpty}</p>`
    }
    ${
      view.hasMore
        ? html`<button part="button more-button" class="small" type="button" data-webhook=${view.webhookId} @click=${view.more}>
          ${w.more}
        </button>`
        : nothing
    }
  </div>`;
}
