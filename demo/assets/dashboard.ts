/**
 * The dashboard: opening it ticks "Explore the dashboard" in the setup checklist (the site's own
 * event, through the element's `complete()`), and choosing a template in the gallery opens the
 * event form with it filled in.
 */
import { tickChecklist } from './checklist';
import { rememberTemplate, type TemplateSelected } from './template-handoff';

void tickChecklist('explore_dashboard');

document.querySelector('acct-templates')?.addEventListener('acct-template-selected', (event) => {
  rememberTemplate((event as CustomEvent<TemplateSelected>).detail);
  location.assign('/productions/events/new/');
});
