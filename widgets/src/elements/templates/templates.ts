/**
 * `<acct-templates>`: the gallery of the site's templates (`GET /api/templates`, public): a row of
 * category buttons ("All", "Events", "Tours"…), then a card per template, featured ones first, each
 * with its preview, description and "Use". Using one counts it on the server (for a signed-in
 * user) and hands its data to the page in `acct-template-selected`, which is how a site starts a
 * new project from it. This module only declares the class; `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { ApiError } from '../../core/api-client.js';
import { errorDetail } from '../../core/events.js';
import { labelFor } from '../../core/i18n/index.js';
import { OnboardingElement } from '../../core/onboarding-element.js';
import type { Template, TemplateGallery } from '../../../../contract/templates.js';
import { renderLoadError, renderLoading } from '../../core/views.js';
import { renderCard } from './template-card.js';
import { templatesStyles } from './templates.styles.js';

/** Featured first, keeping the server's order (most used, then by name) within each group. */
export const featuredFirst = (templates: Template[]) => [
  ...templates.filter((t) => t.featured),
  ...templates.filter((t) => !t.featured),
];

/**
 * A gallery of templates to start from.
 *
 * @summary Template gallery by category, featured first, with previews; "Use" hands the template's data to the page.
 *
 * @tag acct-templates
 *
 * @fires {CustomEvent<AcctTemplateSelectedDetail>} acct-template-selected - The user chose "Use" on a template (its use
 * is counted); `detail` is `{ template, templateData }`.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - Using a template failed (e.g. nobody is signed in), or loading the
 * gallery again after "Try again" failed; `detail` is `{ code, status, message }`.
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart filter - A category button (`aria-pressed` tells the chosen one).
 * @csspart list - The grid of templates.
 * @csspart card - A template's card.
 * @csspart featured-card - The card of a featured template (with `card`).
 * @csspart name - A template's name.
 * @csspart badge - The "Featured" badge.
 * @csspart description - A template's description.
 * @csspart details - Its category, industry and how often it was used.
 * @csspart button - Every button.
 * @csspart use-button - A template's "Use" button.
 * @csspart empty - The message when no template is in the chosen category.
 * @csspart action-error - Why using a template failed.
 * @csspart status - The loading message.
 * @csspart error - The message when the gallery could not be loaded.
 * @csspart retry-button - The button that loads it again.
 *
 * @cssproperty [--acct-templates-max-width=60rem] - The widest the gallery grows.
 * @cssproperty [--acct-templates-card-width=14rem] - The narrowest a card gets before the grid wraps.
 */
export class AcctTemplates extends OnboardingElement {
  static override stringAreas = ['onboarding'] as const;

  static override styles = [OnboardingElement.styles, templatesStyles];

  /** The category shown (e.g. `events`); empty: all. The user's choice sets it. */
  @property({ reflect: true }) category = '';

  /** Only templates of this industry (e.g. `music`); empty: every industry. */
  @property() industry = '';

  // One request per industry; categories are filtered here, so switching is instant.
  private readonly gallery = new Task(this, {
    task: ([store, industry], { signal }) => store.api.call('GET /api/templates', { query: { industry } }, { signal }),
    args: () => [this.session.store, this.industry] as const,
  });

  override render(): TemplateResult {
    const t = this.t;
    return html`
      <section part="base" class="base" lang=${t.$lang} aria-labelledby="title">
        <h2 part="title" id="title">${t.templates.title}</h2>
        ${this.gallery.render({
          initial: () => renderLoading(t),
          // While reloading, the cards already shown stay.
          pending: () => (this.gallery.value ? this.renderGallery(this.gallery.value) : renderLoading(t)),
          complete: (gallery) => this.renderGallery(gallery),
          // A retry reports its own failure (acct-error): nothing is left for the click to await.
          error: (error) => renderLoadError(t, t.templates.loadFailed, error, () => void this.reload()),
        })}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </section>
    `;
  }

  private renderGallery(gallery: TemplateGallery): TemplateResult {
    const t = this.t;
    const categories = [
      ...new Set(gallery.templates.map((template) => template.category).filter((c): c is string => Boolean(c))),
    ].sort();
    const shown = featuredFirst(
      gallery.templates.filter((template) => !this.category || template.category === this.category),
    );
    const filter = (value: string, label: string) =>
      html`<button part="filter" class="filter" type="button" data-category=${value} aria-pressed=${this.category === value ? 'true' : 'false'}
        @click=${this.choose}>${label}</button>`;
    return html`
      ${
        categories.length > 1
          ? html`<div class="filters" role="group" aria-label=${t.templates.category}>
            ${filter('', t.templates.all)} ${categories.map((c) => filter(c, labelFor(c, t.templates.categories)))}
          </div>`
          : nothing
      }
      ${this.actionError ? html`<p part="action-error" class="error" role="alert">${this.actionError}</p>` : nothing}
      ${
        shown.length
          ? html`<ul part="list" class="grid">
            ${shown.map((template) => renderCard(t, template, { busy: this.busy, use: this.use }))}
          </ul>`
          : html`<p part="empty" class="status">${t.templates.empty}</p>`
      }
    `;
  }

  private readonly choose = (event: Event): void => {
    this.category = (event.currentTarget as HTMLElement).dataset.category ?? '';
  };

  private readonly reload = async (): Promise<void> => {
    await this.gallery.run();
    if (this.gallery.error !== undefined) this.emit('acct-error', errorDetail(this.t, this.gallery.error));
    await this.focusAfterUpdate('.retry');
  };

  private readonly use = async (event: Event): Promise<void> => {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    if (!id) return;
    const signedOut = (error: unknown) =>
      error instanceof ApiError && error.code === 'not_signed_in' ? this.t.templates.signInToUse : undefined;
    await this.attempt(
      async () => {
        const answer = await this.session.store.api.call('POST /api/templates/:id/use', { params: { id } });
        const { templateData, ...template } = answer.template;
        this.emit('acct-template-selected', { template, templateData });
        this.announcement = this.t.templates.selected(template.name);
      },
      { message: signedOut },
    );
  };
}
