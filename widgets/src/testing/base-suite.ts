/**
 * The suite every acct element runs beside its own tests (docs/contributing.md, "Comments and tests"): it is
 * registered under its tag, registering it again (acct.js loaded twice) does not throw; in each of
 * its states axe finds no violations (shadow root included) in the light and in the dark theme,
 * and it fits a 375 px phone screen (testing/layout.ts), screenshots of both themes at that width
 * saved; laid out right to left (Arabic) it is the mirror image of its left-to-right layout
 * (testing/rtl.ts), still accessible and fitting, its screenshot saved; in German, whose words are
 * the longest, it reflows on a 320 px screen (WCAG 1.4.10); and every event it fires
 * bubbles and is composed, i.e. reaches the document even from inside another component's shadow
 * root.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { atPhoneWidth, fileName, layoutProblems, REFLOW_WIDTH, screenshot, settled } from './layout.js';
import { $ } from './helpers.js';
import { mirrorProblems } from './rtl.js';
import type { AcctEventName } from '../../../contract/events.js';
import type { AcctElement } from '../core/acct-element.js';

/** One state of the element: how to make it, and when it has settled into that state. */
export interface ElementState<E extends AcctElement> {
  name: string;
  /** A configured element, not yet in the document. */
  create(): E;
  /** Resolves once the element shows this state (data loaded, error shown…). */
  ready(element: E): Promise<void>;
}

export interface ElementEvent<E extends AcctElement> extends ElementState<E> {
  /** Its name: one of the event map's (contract/events.ts). */
  event: AcctEventName;
  /** The user action that fires the event. */
  trigger(element: E): Promise<void>;
}

export interface BaseSuiteOptions<E extends AcctElement> {
  tag: string;
  elementClass: typeof AcctElement;
  /** States to check with axe. */
  states: ElementState<E>[];
  /** Every event the element fires today. */
  events: ElementEvent<E>[];
}

/**
 * The `acct-error` an element that loads data fires when its "Try again" fails again: made by
 * `create` against a server that does not answer (`testServers.unreachable`).
 */
export function retryThatFails<E extends AcctElement>(create: () => E): ElementEvent<E> {
  return {
    name: 'a retry that fails',
    event: 'acct-error',
    create,
    ready: (el) => waitUntil(() => $(el, '[part~="retry-button"]'), 'no retry button'),
    trigger: async (el) => $(el, '[part~="retry-button"]')!.click(),
  };
}

/**
 * An inline element (the header's avatar button) is checked at the end of its line, where a
 * header puts it; its menu then opens towards the middle of the screen.
 */
function placeLikeAHeader(element: AcctElement, container: HTMLElement): void {
  if (!getComputedStyle(element).display.startsWith('inline')) return;
  container.style.setProperty('display', 'flex');
  container.style.setProperty('justify-content', 'flex-end');
}

/** Puts `element` into the document inside `container` and waits for `ready`. */
async function mount<E extends AcctElement>(state: ElementState<E>, container?: ParentNode): Promise<E> {
  const element = state.create();
  (container ?? (await fixture(html`<div></div>`))).append(element);
  await state.ready(element);
  return element;
}

export function runBaseSuite<E extends AcctElement>({ tag, elementClass, states, events }: BaseSuiteOptions<E>): void {
  describe(`<${tag}> (base suite)`, () => {
    it('is registered under its tag', () => {
      expect(customElements.get(tag)).to.equal(elementClass);
    });

    it('can be defined again without throwing, keeping the first definition', () => {
      const warn = console.warn;
      const warnings: unknown[] = [];
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        expect(() => elementClass.define(tag)).not.to.throw();
        // What a second copy of acct.js does: another class for the same tag.
        const SecondCopy = class extends elementClass {};
        expect(() => SecondCopy.define(tag)).not.to.throw();
      } finally {
        console.warn = warn;
      }
      expect(customElements.get(tag)).to.equal(elementClass);
      expect(warnings, 'the second copy is reported once').to.have.length(1);
    });

    for (const state of states) {
      it(`is accessible in the light and dark themes, and fits a 375 px screen: ${state.name}`, async () => {
        const container = await fixture<HTMLDivElement>(html`<div></div>`);
        const element = await mount(state, container);
        await expect(element, 'axe, as created').to.be.accessible();

        placeLikeAHeader(element, container);
        const problems = await atPhoneWidth(async () => {
          await screenshot(element, fileName(tag, state.name, element.theme === 'dark' ? 'dark' : 'light'));
          const found = layoutProblems(element);
          // The dark theme on a dark page, as a site in dark mode shows it.
          container.style.setProperty('background', '#0d1117');
          container.style.setProperty('color-scheme', 'dark');
          element.theme = 'dark';
          await element.updateComplete;
          await settled();
          await screenshot(element, fileName(tag, state.name, 'dark'));
          return found;
        });
        expect(problems, `layout at 375 px:\n  ${problems.join('\n  ')}`).to.deep.equal([]);
        await expect(element, 'axe, dark theme').to.be.accessible();
      });
    }

    for (const state of states) {
      it(`lays out right to left in Arabic as the mirror image of left to right, accessible and fitting 375 px: ${state.name}`, async () => {
        const element = await mount(state);
        const mirrored = await mirrorProblems(element, 'ar');
        expect(mirrored, `right to left:\n  ${mirrored.join('\n  ')}`).to.deep.equal([]);
        const problems = await atPhoneWidth(async () => {
          await screenshot(element, fileName(tag, state.name, 'rtl'));
          return layoutProblems(element);
        });
        expect(problems, `layout at 375 px, right to left:\n  ${problems.join('\n  ')}`).to.deep.equal([]);
        await expect(element, 'axe, right to left').to.be.accessible();
      });
    }

    for (const state of states) {
      it(`reflows on a ${REFLOW_WIDTH} px screen in German, the language with the longest words: ${state.name}`, async () => {
        const container = await fixture<HTMLDivElement>(html`<div></div>`);
        const element = await mount(state, container);
        placeLikeAHeader(element, container);
        element.lang = 'de';
        await element.updateComplete;
        const problems = await atPhoneWidth(async () => {
          await screenshot(element, fileName(tag, state.name, `de-${REFLOW_WIDTH}`));
          return layoutProblems(element);
        }, REFLOW_WIDTH);
        expect(problems, `layout at ${REFLOW_WIDTH} px in German:\n  ${problems.join('\n  ')}`).to.deep.equal([]);
      });
    }

    for (const event of events) {
      it(`fires ${event.event} bubbling and composed (${event.name})`, async () => {
        // Inside another shadow root: only a composed event gets out to the document.
        const host = await fixture(html`<div></div>`);
        const element = await mount(event, host.attachShadow({ mode: 'open' }));
        const heard = new Promise<{ event: Event; target: EventTarget | null }>((resolve) => {
          document.addEventListener(event.event, (e) => resolve({ event: e, target: e.target }), { once: true });
        });
        await event.trigger(element);
        const { event: fired, target } = await heard;
        expect(fired).to.be.instanceOf(CustomEvent);
        expect(fired.bubbles, 'bubbles').to.equal(true);
        expect(fired.composed, 'composed').to.equal(true);
        expect(target, 'retargeted to the shadow host it left').to.equal(host);
      });
    }
  });
}
