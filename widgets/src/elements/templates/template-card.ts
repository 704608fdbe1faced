/**
 * One card of `<acct-templates>`: the template's preview (with alt text naming it; a drawn
 * placeholder when it has none), its name with the "Featured" badge, its description, its
 * category, industry and how often it was used, and "Use". Lit calls `use` with the element as
 * `this`; the card carries the template's id in `data-id`. The name and description are the
 * site's own text, often in another language than the page's: each in a `<bdi>` is laid out in its
 * own direction, so an English description on an Arabic page keeps its full stop at its end,
 * while the card stays aligned as the page is.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { labelFor, type Translation } from '../../core/i18n/index.js';
import { onboardingIcon } from '../../core/onboarding-icons.js';
import type { Template } from '../../../../contract/templates.js';

export function renderCard(
  t: Translation,
  template: Template,
  { busy, use }: { busy: boolean; use: (event: Event) => unknown },
): TemplateResult {
  const s = t.templates;
  const details = [
    template.category ? labelFor(template.category, s.categories) : '',
    template.industry ? labelFor(template.industry) : '',
    s.used(template.usageCount),
  ].filter(Boolean);
  return html`<li part=${template.featured ? 'card featured-card' : 'card'} class="card" data-id=${template.id}>
    ${
      template.previewImageUrl
        ? html`<img class="preview" src=${template.previewImageUrl} alt=${s.preview(template.name)} loading="lazy" />`
        : html`<div class="preview placeholder">${onboardingIcon('template')}</div>`
    }
    <div class="body">
      <h3 part="name" class="name">
        <bdi>${template.name}</bdi> ${template.featured ? html`<span part="badge" class="badge">${onboardingIcon('star')}${s.featured}</span>` : nothing}
      </h3>
      ${template.description ? html`<p part="description" class="description"><bdi>${template.description}</bdi></p>` : nothing}
      <p part="details" class="meta">${details.join(' · ')}</p>
    </div>
    <div class="card-actions">
      <button part="button use-button" class="primary small" type="button" data-id=${template.id} aria-label=${s.useLabel(template.name)}
        aria-disabled=${busy ? 'true' : 'false'} @click=${use}>${s.use}</button>
    </div>
  </li>`;
}
