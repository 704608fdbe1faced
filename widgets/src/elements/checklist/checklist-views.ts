/**
 * The pieces `<acct-checklist>` renders, as templates: the launcher button of the collapsed mode,
 * the header with "2 of 5 done" and its progress bar, one item's row (check box, icon, title
 * linking to where the task is done, description, hide button), and the footer. They take what
 * they show and the handlers; Lit calls the handlers with the element as `this`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { progressBar } from '../../core/progress-bar.js';
import type { Translation } from '../../core/i18n/index.js';
import { itemIcon, onboardingIcon } from '../../core/onboarding-icons.js';
import type { Checklist, ChecklistItem } from '../../../../contract/checklist.js';

/** Items still to do: not completed and not hidden. */
export const remaining = (list: Checklist) => list.items.filter((item) => !item.completed && !item.dismissed).length;

export function renderLauncher(
  t: Translation,
  list: Checklist | undefined,
  expanded: boolean,
  toggle: () => void,
): TemplateResult {
  const left = list ? remaining(list) : 0;
  return html`<button part="launcher" class="launcher" type="button" aria-expanded=${expanded ? 'true' : 'false'} aria-controls="panel" @click=${toggle}>
    <span class="launcher-icon">${onboardingIcon('task')}</span>
    <span>${t.checklist.title}</span>
    ${list && !list.dismissed ? html`<span class="badge">${left ? t.checklist.left(left) : t.checklist.allDone}</span>` : nothing}
  </button>`;
}

export function renderHeader(t: Translation, list: Checklist): TemplateResult {
  const count = t.checklist.count(list.completedCount, list.total);
  return html`<div class="header">
    <p part="count" class="count">${count}</p>
    ${progressBar(list.completedCount, list.total, t.checklist.progress, count)}
  </div>`;
}

// Handlers are listeners: Lit ignores what they return, so an async one is fine (it handles its own errors).
export interface ItemHandlers {
  toggle(event: Event): unknown;
  dismiss(event: Event): unknown;
}

export function renderItem(t: Translation, item: ChecklistItem, busy: boolean, on: ItemHandlers): TemplateResult {
  const descriptionId = `desc-${item.key}`;
  return html`<li part=${item.completed ? 'item completed-item' : 'item'} data-key=${item.key}>
    <input part="checkbox" type="checkbox" .checked=${item.completed} data-key=${item.key} aria-label=${t.checklist.markDone(item.title)}
      aria-describedby=${item.description ? descriptionId : nothing} aria-disabled=${busy ? 'true' : 'false'} @change=${on.toggle} />
    <span class="icon">${onboardingIcon(item.completed ? 'done' : itemIcon(item.icon, item.key))}</span>
    <div class="main">
      <p class="title">${item.actionUrl ? html`<a part="action-link" href=${item.actionUrl}>${item.title}</a>` : item.title}</p>
      ${item.description ? html`<p part="description" class="meta" id=${descriptionId}>${item.description}</p>` : nothing}
    </div>
    <button part="button dismiss-button" class="small dismiss" type="button" data-key=${item.key} aria-label=${t.checklist.dismissLabel(item.title)}
      aria-disabled=${busy ? 'true' : 'false'} @click=${on.dismiss}>
      ${onboardingIcon('close')}
    </button>
  </li>`;
}

export interface FooterHandlers {
  restoreItems(): unknown;
  dismissAll(): unknown;
}

export function renderFooter(t: Translation, list: Checklist, busy: boolean, on: FooterHandlers): TemplateResult {
  const hidden = list.items.filter((item) => item.dismissed).length;
  const busyState = busy ? 'true' : 'false';
  return html`<div class="footer">
    ${
      hidden
        ? html`<button part="button restore-items-button" class="link" type="button" aria-disabled=${busyState} @click=${on.restoreItems}>
          ${t.checklist.hiddenItems(hidden)}
        </button>`
        : nothing
    }
    <button part="button dismiss-all-button" class="link" type="button" aria-disabled=${busyState} @click=${on.dismissAll}>${t.checklist.dismissAll}</button>
  </div>`;
}

/** The whole checklist is hidden: say so, and offer it back. */
export function renderDismissed(t: Translation, busy: boolean, restore: () => unknown): TemplateResult {
  return html`<p part="status" class="status">${t.checklist.hiddenAll}</p>
    <div><button part="button restore-button" class="small" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${restore}>${t.checklist.restore}</button></div>`;
}
