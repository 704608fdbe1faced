/**
 * The base class through a minimal element: language resolution (own `lang`, then `<html lang>`,
 * then English, live), the `lang` attribute staying in step with the property, the writing
 * direction (page, own language, own `dir`), the site's strings taking effect at once, and the theme.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { AcctElement } from './acct-element.js';
import { translations } from './i18n/index.js';

class ProbeElement extends AcctElement {
  override render() {
    return html`<p part="text">${this.t.loading}</p>`;
  }
}
ProbeElement.define('acct-probe');

const shown = (el: ProbeElement) => el.shadowRoot!.querySelector('p')!.textContent;

/** Records every text it renders. */
class RecordingProbe extends ProbeElement {
  rendered: string[] = [];
  override render() {
    this.rendered.push(this.t.loading);
    return super.render();
  }
}
RecordingProbe.define('acct-recording-probe');

/** Reads an area's section (the webhooks'), which no other test of this file fetches. */
class AreaProbe extends AcctElement {
  static override stringAreas = ['webhooks'] as const;
  rendered: string[] = [];
  override render() {
    this.rendered.push(this.t.webhooks.title);
    return html`<p part="text">${this.t.webhooks.title}</p>`;
  }
}
AreaProbe.define('acct-area-probe');

/** Switches to a view whose module comes later (holdRendersFor). */
class HoldingProbe extends AcctElement {
  view = 'first';
  rendered: string[] = [];
  static override properties = { view: { state: true } };
  override render() {
    this.rendered.push(this.view);
    return html`<p part="text">${this.view}</p>`;
  }
  switchWhen(work: Promise<unknown>) {
    this.holdRendersFor(work);
    this.view = 'second';
  }
}
HoldingProbe.define('acct-holding-probe');

describe('AcctElement', () => {
  const page = document.documentElement;
  let pageLang = '';
  beforeEach(() => {
    pageLang = page.lang;
  });
  afterEach(async () => {
    page.lang = pageLang;
    await emulateMedia({ colorScheme: 'light' });
  });

  it('holds its renders until the work a view waits for settles, failed or not', async () => {
    const el = await fixture<HoldingProbe>(html`<acct-holding-probe></acct-holding-probe>`);
    let arrive!: () => void;
    el.switchWhen(new Promise<void>((resolve) => (arrive = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.rendered).to.deep.equal(['first'], 'nothing rendered while the work runs');
    arrive();
    await el.updateComplete;
    expect(el.rendered).to.deep.equal(['first', 'second']);

    let fail!: (error: Error) => void;
    el.switchWhen(new Promise<void>((_resolve, reject) => (fail = reject)));
    el.view = 'third';
    fail(new Error('the chunk could not be fetched'));
    await el.updateComplete;
    expect(el.rendered.at(-1)).to.equal('third', 'a failure releases the render too');
  });

  it('renders anyway once the work it waits for has hung for three seconds', async () => {
    const el = await fixture<HoldingProbe>(html`<acct-holding-probe></acct-holding-probe>`);
    el.switchWhen(new Promise<void>(() => {}));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(el.rendered).to.deep.equal(['first']);
    await waitUntil(() => el.rendered.length === 2, 'rendered after the limit', { timeout: 2000 });
    expect(el.rendered).to.deep.equal(['first', 'second']);
  });

  it('speaks its own lang, else the page’s, else English, and follows <html lang> changes', async () => {
    page.lang = '';
    const el = await fixture<ProbeElement>(html`<acct-probe></acct-probe>`);
    expect(shown(el)).to.equal('Loading…');

    page.lang = 'fr';
    await new Promise((resolve) => setTimeout(resolve)); // the MutationObserver's callback
    await el.updateComplete;
    expect(shown(el)).to.equal('Chargement…');

    el.lang = 'en';
    await el.updateComplete;
    expect(shown(el)).to.equal('Loading…');
  });

  it('keeps the lang attribute in step with the property, and never writes lang=""', async () => {
    const el = await fixture<ProbeElement>(html`<acct-probe></acct-probe>`);
    expect(el.hasAttribute('lang')).to.equal(false);
    el.lang = 'fr';
    await el.updateComplete;
    expect(el.getAttribute('lang')).to.equal('fr');
    el.lang = '';
    await el.updateComplete;
    expect(el.hasAttribute('lang')).to.equal(false);
  });

  describe('direction', () => {
    const direction = (el: Element) => getComputedStyle(el).direction;
    let pageDir = '';
    beforeEach(() => {
      pageDir = page.dir;
    });
    afterEach(() => {
      page.dir = pageDir;
    });

    it('follows the page’s dir, else its own lang’s direction; its own dir wins over both', async () => {
      page.dir = 'rtl';
      const inherited = await fixture<ProbeElement>(html`<acct-probe></acct-probe>`);
      expect(direction(inherited), 'the page’s dir').to.equal('rtl');

      page.dir = '';
      const arabic = await fixture<ProbeElement>(html`<acct-probe lang="ar"></acct-probe>`);
      expect(direction(arabic), 'lang="ar" on a left-to-right page').to.equal('rtl');
      expect(shown(arabic)).to.equal('جارٍ التحميل…');

      arabic.dir = 'ltr';
      await arabic.updateComplete;
      expect(direction(arabic), 'its own dir').to.equal('ltr');

      page.dir = 'rtl';
      const english = await fixture<ProbeElement>(html`<acct-probe lang="en"></acct-probe>`);
      expect(direction(english), 'lang="en" on a right-to-left page').to.equal('ltr');
    });
  });

  it('renders a language fetched on first use only once it is here, never English first', async () => {
    // Spanish and German are chunks of their own (i18n/registry.ts), not fetched by this page yet.
    const el = await fixture<RecordingProbe>(html`<acct-recording-probe lang="es"></acct-recording-probe>`);
    expect(el.rendered).to.deep.equal(['Cargando…']);
    // A site's override of a language not fetched yet waits for it, rather than replacing it.
    translations.override('de', { loading: 'Lädt gleich…' });
    try {
      el.lang = 'de';
      await el.updateComplete;
      await waitUntil(() => shown(el) === 'Lädt gleich…', 'the override of German applies once it is here');
      expect(translations.lookup('de').signIn).to.equal('Anmelden');
      expect(el.rendered).not.to.include('Loading…');
    } finally {
      translations.reset();
    }
  });

  it('renders only once the areas it reads are here, in its language, with the site’s overrides of them', async () => {
    const areaChunks = () =>
      performance.getEntriesByType('resource').filter((entry) => /\/i18n\/(en|es)-webhooks\./.test(entry.name));
    expect(areaChunks(), 'no area fetched before an element reads it').to.deep.equal([]);
    // Set before the area is here: kept, and laid over it when it comes.
    translations.override('en', { webhooks: { title: 'Endpoints' } });
    try {
      const english = await fixture<AreaProbe>(html`<acct-area-probe lang="en"></acct-area-probe>`);
      expect(english.rendered, 'its first render already had the area').to.deep.equal(['Endpoints']);
      const spanish = await fixture<AreaProbe>(html`<acct-area-probe lang="es"></acct-area-probe>`);
      expect(spanish.rendered).to.deep.equal(['Webhooks']);
      expect(translations.lookup('es').signIn, 'the core came with it').to.equal('Iniciar sesión');
      expect(
        areaChunks()
          .map((entry) => entry.name.match(/(en|es)-webhooks/)![0])
          .sort(),
      ).to.deep.equal(['en-webhooks', 'es-webhooks']);
    } finally {
      translations.reset();
    }
  });

  it('re-renders when the site overrides a string or registers a language (window.acct.translations)', async () => {
    const el = await fixture<ProbeElement>(html`<acct-probe lang="en"></acct-probe>`);
    try {
      translations.override('en', { loading: 'Fetching…' });
      await el.updateComplete;
      expect(shown(el)).to.equal('Fetching…');

      translations.register('pt', { loading: 'Carregando…' });
      el.lang = 'pt-BR';
      await el.updateComplete;
      expect(shown(el)).to.equal('Carregando…');
    } finally {
      translations.reset();
    }
    await el.updateComplete;
    expect(shown(el), 'the built-in strings again').to.equal('Loading…');
  });

  describe('theme', () => {
    const surface = (el: Element) => getComputedStyle(el).getPropertyValue('--_surface').trim();
    const isDark = (el: Element) => surface(el) === '#16181d';
    /** Changes of the page reach the elements within a few animation frames. */
    const becomes = (el: Element, dark: boolean, what: string) =>
      waitUntil(() => isDark(el) === dark, what, { timeout: 3000 });
    /** For "nothing changes": long enough for a change to have arrived. */
    const frames = async (n = 6) => {
      for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    };
    afterEach(() => {
      page.style.removeProperty('color-scheme');
      page.removeAttribute('class');
    });

    it('forces light or dark, and by default (auto) follows the page rather than the system', async () => {
      const auto = await fixture<ProbeElement>(html`<acct-probe></acct-probe>`);
      const light = await fixture<ProbeElement>(html`<acct-probe theme="light"></acct-probe>`);
      const dark = await fixture<ProbeElement>(html`<acct-probe theme="dark"></acct-probe>`);
      expect(auto.theme).to.equal('auto');
      expect(isDark(auto)).to.equal(false);
      expect(isDark(light)).to.equal(false);
      expect(isDark(dark)).to.equal(true);
      // This page declares no colour scheme, so the browser draws it light whatever the system says.
      await emulateMedia({ colorScheme: 'dark' });
      await frames();
      expect(isDark(auto), 'a page without color-scheme stays light').to.equal(false);
      expect(auto.matches(':state(dark)')).to.equal(false);
    });

    it("follows the page's declared color-scheme: dark alone, or the system's choice with `light dark`", async () => {
      const auto = await fixture<ProbeElement>(html`<acct-probe></acct-probe>`);
      page.style.setProperty('color-scheme', 'dark');
      await becomes(auto, true, 'color-scheme: dark');
      page.style.setProperty('color-scheme', 'light dark');
      await becomes(auto, false, 'light dark, system light');
      await emulateMedia({ colorScheme: 'dark' });
      await becomes(auto, true, 'light dark, system dark');
    });

    it('is dark in front of a dark background: a dark section, or a page that switches with a class', async () => {
      const section = await fixture<HTMLElement>(
        html`<section style="background: oklch(0.2 0.02 260)"><acct-probe></acct-probe></section>`,
      );
      expect(isDark(section.querySelector('acct-probe')!), 'a dark section (an oklch colour)').to.equal(true);

      const style = document.createElement('style');
      style.textContent = 'html.night { background: #111; }';
      document.head.append(style);
      try {
        const auto = await fixture<ProbeElement>(html`<acct-probe></acct-probe>`);
        page.classList.add('night');
        await becomes(auto, true, 'the page turned dark');
        page.classList.remove('night');
        await becomes(auto, false, 'and light again');
      } finally {
        style.remove();
      }
    });

    it('applies a theme set after connecting, and links get their own colour', async () => {
      const el = await fixture<ProbeElement>(html`<acct-probe></acct-probe>`);
      el.style.setProperty('--acct-color-primary', '#f9a8d4');
      const link = () => getComputedStyle(el).getPropertyValue('--_link').trim();
      expect(link(), 'the primary colour does not become the link colour').to.equal('#1d4ed8');
      el.theme = 'dark';
      await el.updateComplete;
      expect(isDark(el)).to.equal(true);
      expect(link()).to.equal('#8fb3ff');
    });
  });

  it("lets the page's --acct-* tokens win over the defaults, even when set on :root", async () => {
    page.style.setProperty('--acct-color-surface', 'rgb(1, 2, 3)');
    try {
      const el = await fixture<ProbeElement>(html`<acct-probe theme="dark"></acct-probe>`);
      expect(getComputedStyle(el).getPropertyValue('--_surface').trim()).to.equal('rgb(1, 2, 3)');
    } finally {
      page.style.removeProperty('--acct-color-surface');
    }
  });
});
