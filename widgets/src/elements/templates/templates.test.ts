/**
 * `<acct-templates>` against the real servers, on templates this file creates through the admin
 * API in an industry of its own (so other tests' templates never show): featured first, previews
 * with alt text, filtering by category, and "Use" — counted on the server and handed to the page
 * in `acct-template-selected` with the template's data — which needs a signed-in user; and the
 * site's own texts in their own direction on a right-to-left page.
 */
import { expect } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import { runBaseSuite } from '../../testing/base-suite.js';
import { drawnLeftToRight } from '../../testing/rtl.js';
import type { AcctTemplateSelectedDetail } from '../../core/events.js';
import { $, element, nextEvent, signOutEverywhere, text } from '../../testing/helpers.js';
import { attach, createTemplate, eventually, signedInDevice } from '../../testing/onboarding.js';
import { AcctTemplates } from './define.js';

beforeEach(signOutEverywhere);

const industry = `test-${crypto.randomUUID().slice(0, 8)}`;
// Served by the test runner from the repository (the server accepts a path or an http(s) address).
const PREVIEW = '/demo/public/favicon.svg';

before(async () => {
  await createTemplate({ name: 'Club night', category: 'events', industry, description: 'One evening, one venue.' });
  await createTemplate({
    name: 'Arena tour',
    category: 'tours',
    industry,
    isFeatured: true,
    previewImageUrl: PREVIEW,
    templateData: { legs: 12 },
  });
  await createTemplate({
    name: 'Album launch',
    category: 'events',
    industry,
    isFeatured: true,
    templateData: { venue: 'Roundhouse', days: 1 },
  });
});

const create = (attributes: Record<string, string> = {}): AcctTemplates =>
  element('acct-templates', { server: testServers.instant, industry, ...attributes });
const names = (el: AcctTemplates) =>
  [...el.shadowRoot!.querySelectorAll('[part="name"]')].map((n) => text(n)!.replace(/ Featured$/, ''));
const loaded = (el: AcctTemplates) => eventually(() => names(el).length > 0, 'no templates listed');
const useButton = (el: AcctTemplates, name: string) =>
  $<HTMLButtonElement>(el, `[part~="use-button"][aria-label="Use the template ${name}"]`)!;

const mount = (attributes: Record<string, string> = {}) => attach(create(attributes));

runBaseSuite<AcctTemplates>({
  tag: 'acct-templates',
  elementClass: AcctTemplates,
  states: [
    { name: 'the gallery', create: () => create(), ready: loaded },
    { name: 'one category, dark', create: () => create({ category: 'tours', theme: 'dark' }), ready: loaded },
    {
      name: 'server unreachable',
      create: () => create({ server: testServers.unreachable }),
      ready: (el) => eventually(() => $(el, '[part~="retry-button"]'), 'no retry'),
    },
  ],
  events: [
    {
      name: 'using a template',
      event: 'acct-template-selected',
      create: () => create(),
      ready: async (el) => {
        await signedInDevice();
        await loaded(el);
      },
      trigger: async (el) => useButton(el, 'Club night').click(),
    },
    {
      name: 'using a template while signed out',
      event: 'acct-error',
      create: () => create(),
      ready: loaded,
      trigger: async (el) => useButton(el, 'Club night').click(),
    },
  ],
});

describe('<acct-templates>', () => {
  it('lists featured templates first, with previews named for screen readers', async () => {
    const el = await mount();
    await loaded(el);
    expect(names(el)).to.deep.equal(['Album launch', 'Arena tour', 'Club night']);
    const cards = [...el.shadowRoot!.querySelectorAll<HTMLElement>('li[part~="card"]')];
    expect(cards.map((c) => c.part.contains('featured-card'))).to.deep.equal([true, true, false]);
    expect(cards[1]!.querySelector('img')!.alt).to.equal('Preview of Arena tour');
    expect(text(cards[2]!.querySelector('[part="details"]'))).to.equal(
      `Events · Test ${industry.slice('test-'.length)} · Not used yet`,
    );
    expect(text(cards[2]!.querySelector('[part="description"]'))).to.equal('One evening, one venue.');
  });

  it("keeps a name and description in another language than the page's in their own direction", async () => {
    // English templates on an Arabic page: the full stop stays at the description's end, drawn
    // after its last word (right of it), not moved to the line's start by the page's direction.
    const el = await mount({ lang: 'ar' });
    await loaded(el);
    expect(getComputedStyle(el).direction).to.equal('rtl');
    expect(drawnLeftToRight(el.shadowRoot!, 'venue.'), 'description').to.equal(true);
  });

  it('filters by category with the category buttons', async () => {
    const el = await mount();
    await loaded(el);
    const filters = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="filter"]')];
    expect(filters.map((f) => text(f))).to.deep.equal(['All', 'Events', 'Tours']);
    expect(filters[0]!.getAttribute('aria-pressed')).to.equal('true');
    filters[2]!.click();
    await eventually(() => names(el).join() === 'Arena tour', 'the tours filter did not apply');
    expect(el.category, 'the choice is the property').to.equal('tours');
    expect(filters[2]!.getAttribute('aria-pressed')).to.equal('true');
    filters[1]!.click();
    await eventually(() => names(el).join() === 'Album launch,Club night', 'the events filter did not apply');
  });

  it('uses a template: counts it and fires acct-template-selected with its data', async () => {
    await signedInDevice();
    const el = await mount();
    await loaded(el);
    const selected = nextEvent<AcctTemplateSelectedDetail>(el, 'acct-template-selected');
    useButton(el, 'Album launch').click();
    const { template, templateData } = (await selected).detail;
    expect(template.name).to.equal('Album launch');
    expect(template.usageCount).to.equal(1);
    expect(templateData).to.deep.equal({ venue: 'Roundhouse', days: 1 });
    expect(template).not.to.have.property('templateData');
    await eventually(() => text($(el, '[role="status"]')) === '“Album launch” is selected.', 'not announced');
  });

  it('asks to sign in before a template can be used', async () => {
    const el = await mount();
    await loaded(el);
    useButton(el, 'Club night').click();
    await eventually(() => text($(el, '[part="action-error"]')) === 'Sign in to use a template.', 'no sign-in message');
  });
});
