/**
 * The "create an event" form of /productions/events/new/: it starts from a template chosen here
 * (in the page's `<acct-templates>`) or on the dashboard, checks the name, and on submit says the
 * event is created — this demo keeps nothing — and ticks "Create your first event" in the setup
 * checklist: `document.querySelector('acct-checklist').complete('create_event')`.
 */
import { tickChecklist } from './checklist';
import { eventFrom, takeTemplate, type EventDraft, type TemplateSelected } from './template-handoff';

const form = document.querySelector<HTMLFormElement>('.event-form');
const note = document.querySelector<HTMLElement>('.template-note');
const statusLine = document.querySelector<HTMLElement>('.event-status');
const nameError = document.querySelector<HTMLElement>('#event-name-error');

function field(name: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null {
  const element = form?.elements.namedItem(name);
  return element instanceof HTMLInputElement ||
    element instanceof HTMLSelectElement ||
    element instanceof HTMLTextAreaElement
    ? element
    : null;
}

function fill(templateName: string, event: EventDraft): void {
  for (const [key, value] of Object.entries(event)) {
    const target = field(key);
    if (target && value !== undefined) target.value = String(value);
  }
  if (note) note.textContent = `Filled in from the template “${templateName}”. Change anything you like.`;
}

const chosen = takeTemplate();
if (chosen) fill(chosen.name, chosen.event);

document.querySelector('acct-templates')?.addEventListener('acct-template-selected', (event) => {
  const { template, templateData } = (event as CustomEvent<TemplateSelected>).detail;
  fill(template.name, eventFrom(templateData));
  document.querySelector('details.template-picker')?.removeAttribute('open');
  field('name')?.focus();
});

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const name = field('name');
  if (!name?.value.trim()) {
    name?.setAttribute('aria-invalid', 'true');
    if (nameError) nameError.textContent = 'Give the event a name.';
    name?.focus();
    return;
  }
  name.removeAttribute('aria-invalid');
  if (nameError) nameError.textContent = '';
  if (statusLine) statusLine.textContent = `“${name.value.trim()}” is created. (A demo: nothing is stored.)`;
  // Signed out, nothing is ticked; the event is "created" all the same (tickChecklist never rejects).
  void tickChecklist('create_event');
});
