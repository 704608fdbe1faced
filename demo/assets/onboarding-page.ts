/**
 * The onboarding page's own step, "Your first production" (the producer path's site step, see
 * demo/seed-demo-data.ts): its slot holds an `<acct-templates>` gallery. Choosing a template hands
 * the step its data — an `acct-step-data` event from inside the slot, which `<acct-onboarding>`
 * sends with Continue — and keeps the template for the event form, which starts from it.
 */
import { rememberTemplate, type TemplateSelected } from './template-handoff';

const step = document.querySelector<HTMLElement>('[slot="step-first-production"]');
const picked = step?.querySelector<HTMLElement>('.picked');

step?.addEventListener('acct-template-selected', (event) => {
  const detail = (event as CustomEvent<TemplateSelected>).detail;
  rememberTemplate(detail);
  step.dispatchEvent(
    new CustomEvent('acct-step-data', {
      bubbles: true,
      detail: { data: { templateId: detail.template.id, templateName: detail.template.name } },
    }),
  );
  if (picked) picked.textContent = `Starting from “${detail.template.name}”. Continue when you are ready.`;
});
