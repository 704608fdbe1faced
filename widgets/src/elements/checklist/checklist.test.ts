/**
 * `<acct-checklist>` against the real servers: the seed's five items with icons, descriptions and
 * links, "n of m" and a progress bar; ticking, un-ticking, hiding an item and bringing it back,
 * hiding the whole checklist and restoring it; the page's `complete()` and `refresh()` (neither
 * asks the server anything while nobody is signed in); a change made by another client showing up
 * within the poll interval; hiding itself when everything is done (unless `keep-when-done`); and
 * the collapsed launcher.
 */
import { expect } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import { runBaseSuite } from '../../testing/base-suite.js';
import type { AcctChecklistDismissDetail, AcctChecklistItemCompleteDetail } from '../../core/events.js';
import { $, element, nextEvent, requestsDuring, signOutEverywhere, text } from '../../testing/helpers.js';
import { attach, eventually, signedInDevice, type Device } from '../../testing/onboarding.js';
import { AcctChecklist } from './define.js';

beforeEach(signOutEverywhere);

const KEYS = ['create_event', 'invite_team', 'connect_integration', 'customize_profile', 'explore_dashboard'];

const create = (attributes: Record<string, string> = {}): AcctChecklist =>
  element('acct-checklist', { server: testServers.instant, ...attributes });
const rows = (el: AcctChecklist) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li[part~="item"]')];
const row = (el: AcctChecklist, key: string) => $(el, `li[data-key="${key}"]`);
const box = (el: AcctChecklist, key: string) => $<HTMLInputElement>(el, `input[data-key="${key}"]`)!;
const count = (el: AcctChecklist) => text($(el, '[part="count"]'));
const listed = (n: number) => (el: AcctChecklist) =>
  eventually(() => rows(el).length === n, `the checklist did not list ${n} items`);
const counting = (el: AcctChecklist, expected: string, timeout?: number) =>
  eventually(() => count(el) === expected, `the count did not become "${expected}" (it is "${count(el)}")`, timeout);

const mount = (attributes: Record<string, string> = {}) => attach(create(attributes));

/** Completes items as another device would. */
const completeElsewhere = (device: Device, keys: string[]) =>
  Promise.all(keys.map((key) => device.call('POST', `/api/checklist/items/${key}/complete`)));

runBaseSuite<AcctChecklist>({
  tag: 'acct-checklist',
  elementClass: AcctChecklist,
  states: [
    {
      name: 'signed out',
      create: () => create(),
      ready: (el) => eventually(() => $(el, 'slot[name="signed-out"]'), 'no signed-out slot'),
    },
    {
      name: 'two of five done',
      create: () => create(),
      ready: async (el) => {
        await signedInDevice({ prepare: (d) => completeElsewhere(d, ['create_event', 'invite_team']) });
        await counting(el, '2 of 5 done');
      },
    },
    {
      name: 'collapsed and open, dark',
      create: () => create({ collapsed: '', theme: 'dark' }),
      ready: async (el) => {
        await signedInDevice();
        await eventually(() => $(el, '[part="launcher"]'), 'no launcher');
        $(el, '[part="launcher"]')!.click();
        await listed(5)(el);
      },
    },
    {
      name: 'hidden',
      create: () => create(),
      ready: async (el) => {
        await signedInDevice({ prepare: (d) => d.call('POST', '/api/checklist/dismiss') });
        await eventually(() => $(el, '[part~="restore-button"]'), 'no restore button');
      },
    },
  ],
  events: [
    {
      name: 'ticking an item',
      event: 'acct-checklist-item-complete',
      create: () => create(),
      ready: async (el) => {
        await signedInDevice();
        await listed(5)(el);
      },
      trigger: async (el) => box(el, 'create_event').click(),
    },
    {
      name: 'hiding an item',
      event: 'acct-checklist-dismiss',
      create: () => create(),
      ready: async (el) => {
        await signedInDevice();
        await listed(5)(el);
      },
      trigger: async (el) => $(el, '[part~="dismiss-button"]')!.click(),
    },
  ],
});

describe('<acct-checklist>', () => {
  it('lists the items with icons, descriptions and links, and the progress', async () => {
    await signedInDevice();
    const el = await mount();
    await listed(5)(el);
    expect(rows(el).map((r) => r.dataset.key)).to.deep.equal(KEYS);
    const first = row(el, 'create_event')!;
    expect(first.querySelector('.icon svg')).to.exist;
    expect(text(first.querySelector('[part="description"]'))).to.equal('Set up a production or event');
    expect(first.querySelector('a[part="action-link"]')!.getAttribute('href')).to.equal('/productions/events/new');
    expect(text(first.querySelector('a'))).to.equal('Create your first event');
    expect(box(el, 'create_event').getAttribute('aria-label')).to.equal('Done: Create your first event');
    expect(count(el)).to.equal('0 of 5 done');
    expect($(el, '[role="progressbar"]')!.getAttribute('aria-valuemax')).to.equal('5');
  });

  it('ticks and un-ticks an item, firing acct-checklist-item-complete on ticking', async () => {
    await signedInDevice();
    const el = await mount();
    await listed(5)(el);
    const ticked = nextEvent<AcctChecklistItemCompleteDetail>(el, 'acct-checklist-item-complete');
    box(el, 'invite_team').click();
    expect((await ticked).detail.key).to.equal('invite_team');
    await counting(el, '1 of 5 done');
    expect(row(el, 'invite_team')!.part.contains('completed-item')).to.equal(true);
    await eventually(() => text($(el, '[role="status"]')) === '“Invite a team member” is done.', 'not announced');

    box(el, 'invite_team').click();
    await counting(el, '0 of 5 done');
    expect(box(el, 'invite_team').checked).to.equal(false);
  });

  it('hides an item and brings it back', async () => {
    await signedInDevice();
    const el = await mount();
    await listed(5)(el);
    const dismissed = nextEvent<AcctChecklistDismissDetail>(el, 'acct-checklist-dismiss');
    $<HTMLButtonElement>(el, 'li[data-key="connect_integration"] [part~="dismiss-button"]')!.click();
    expect((await dismissed).detail).to.deep.equal({ key: 'connect_integration' });
    await listed(4)(el);
    expect(el.shadowRoot!.activeElement, 'focus on the next item').to.equal(box(el, 'customize_profile'));
    $(el, '[part~="restore-items-button"]')!.click();
    await listed(5)(el);
  });

  it('hides the whole checklist and restores it', async () => {
    await signedInDevice();
    const el = await mount();
    await listed(5)(el);
    const dismissed = nextEvent<AcctChecklistDismissDetail>(el, 'acct-checklist-dismiss');
    $(el, '[part~="dismiss-all-button"]')!.click();
    expect((await dismissed).detail).to.deep.equal({ key: null });
    await listed(0)(el);
    expect(text($(el, '[part="status"]'))).to.equal('The setup checklist is hidden.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="restore-button"]'));
    $(el, '[part~="restore-button"]')!.click();
    await listed(5)(el);
  });

  it('completes an item when the page calls complete(), without an event', async () => {
    await signedInDevice();
    const el = await mount();
    await listed(5)(el);
    let fired = false;
    el.addEventListener('acct-checklist-item-complete', () => (fired = true));
    await el.complete('create_event');
    await counting(el, '1 of 5 done');
    expect(box(el, 'create_event').checked).to.equal(true);
    expect(fired, 'the page asked: no event').to.equal(false);
    let refused: unknown;
    await el.complete('no_such_item').catch((error: unknown) => (refused = error));
    expect(refused).to.have.property('code', 'not_found');
  });

  it('refuses complete() and reads nothing on refresh() while nobody is signed in, asking the server nothing', async () => {
    let refused: unknown;
    const sent = await requestsDuring(async () => {
      // As a page does, at once: before the element has read who is signed in.
      const el = await mount();
      await el.complete('create_event').catch((error: unknown) => (refused = error));
      await el.refresh();
    });
    expect(refused).to.have.property('code', 'not_signed_in');
    expect(sent.filter((url) => url.includes('/api/checklist'))).to.deep.equal([]);
  });

  it('shows a change made by another client within the poll interval', async function () {
    this.timeout(15000);
    const device = await signedInDevice();
    const el = await mount();
    await listed(5)(el);
    await completeElsewhere(device, ['customize_profile']);
    // The default interval is 5 s: the change shows within it (plus the request's time).
    await counting(el, '1 of 5 done', 6500);
    expect(box(el, 'customize_profile').checked).to.equal(true);
  });

  it('stops polling while the page is hidden, and reads the checklist as soon as it is shown again', async function () {
    this.timeout(15000);
    const device = await signedInDevice();
    const el = await mount({ 'poll-interval': '1' });
    await listed(5)(el);
    // What a background tab reports; the element listens for the change like any page would.
    const setHidden = (hidden: boolean) => {
      if (hidden) Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      else delete (document as { hidden?: boolean }).hidden;
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      setHidden(true);
      await completeElsewhere(device, ['explore_dashboard']);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(count(el), 'no poll while hidden').to.equal('0 of 5 done');
    } finally {
      setHidden(false);
    }
    await counting(el, '1 of 5 done', 800);
  });

  it('hides itself when everything is done, unless keep-when-done', async () => {
    await signedInDevice({ prepare: (d) => completeElsewhere(d, KEYS.slice(1)) });
    const el = await mount();
    const kept = await mount({ 'keep-when-done': '' });
    await listed(5)(el);
    await listed(5)(kept);
    box(el, 'create_event').click();
    await eventually(() => !$(el, '.panel'), 'the finished checklist stayed');
    await kept.refresh();
    await counting(kept, '5 of 5 done');
    expect($(kept, '.panel')).to.exist;
  });

  it('collapsed: a launcher says what is left and opens the list; Escape closes it', async () => {
    await signedInDevice({ prepare: (d) => completeElsewhere(d, ['create_event', 'invite_team']) });
    const el = await mount({ collapsed: '' });
    await eventually(() => $(el, '[part="launcher"]'), 'no launcher');
    const launcher = $<HTMLButtonElement>(el, '[part="launcher"]')!;
    expect(text(launcher)).to.equal('Get set up 3 left');
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '.panel')!.hidden).to.equal(true);
    launcher.click();
    await eventually(() => !$(el, '.panel')!.hidden, 'the panel did not open');
    expect(launcher.getAttribute('aria-expanded')).to.equal('true');
    $(el, '.panel')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await eventually(() => $(el, '.panel')!.hidden, 'Escape did not close it');
    expect(el.shadowRoot!.activeElement).to.equal(launcher);
  });
});
