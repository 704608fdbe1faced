/**
 * The base class through a minimal element: language resolution (own `lang`, then `<html lang>`,
 * then English, live), the `lang` attribute staying in step with the property, and the theme.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { AcctElement } from './acct-element.js';

class ProbeElement extends AcctElement {
  override render() {
    return html`<p part="text">${this.t.loading}</p>`;
  }
}
ProbeElement.define('acct-probe');

const shown = (el: ProbeElement) => el.shadowRoot!.querySelector('p')!.textContent;

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

  it('is light by default, dark with theme="dark", and follows the system with theme="auto"', async () => {
    const surface = (el: Element) => getComputedStyle(el).getPropertyValue('--_surface').trim();
    const light = await fixture<ProbeElement>(html`<acct-probe></acct-probe>`);
    const dark = await fixture<ProbeElement>(html`<acct-probe theme="dark"></acct-probe>`);
    const auto = await fixture<ProbeElement>(html`<acct-probe theme="auto"></acct-probe>`);
    expect(surface(light)).to.equal('#ffffff');
    expect(surface(dark)).to.equal('#16181d');
    expect(surface(auto)).to.equal('#ffffff');
    await emulateMedia({ colorScheme: 'dark' });
    expect(surface(auto)).to.equal('#16181d');
    expect(surface(light), 'light stays light').to.equal('#ffffff');
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
