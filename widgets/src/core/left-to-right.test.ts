/**
 * Values that read left to right — email addresses, IP addresses, tokens — drawn
 * in their own order inside right-to-left text, in Chromium: shown by a template
 * (`leftToRight`), as code (the host styles), and put in a sentence by an Arabic message (the
 * registry isolates the values of a right-to-left language's messages). Each check first shows
 * the value bare, drawn out of order, so that it is known to catch the fault it guards against.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { AcctElement } from './acct-element.js';
import { localize, translations } from './i18n/index.js';
import { leftToRight } from './views.js';
import { drawnLeftToRight } from '../testing/rtl.js';

const IPV6 = '2001:db8::1';
const EMAIL = '1234@example.com';
/** An API token's prefix as `<acct-api-tokens>` shows it: bare, the ellipsis moves to its start. */
const TOKEN_PREFIX = 'acct_1a2b…';

class CodeProbe extends AcctElement {
  override render() {
    return html`<p>${this.t.loading} <code>${TOKEN_PREFIX}</code></p>
      <input type="email" value=${EMAIL} /><input type="url" /><input type="text" />`;
  }
}
CodeProbe.define('acct-code-probe');

/** How the probe's fields lay their text out: [email, url, text] as `direction text-align`. */
const fieldsLayout = (element: CodeProbe) =>
  [...element.shadowRoot!.querySelectorAll('input')].map((input) => {
    const style = getComputedStyle(input);
    return `${style.direction} ${style.textAlign}`;
  });

/** A right-to-left paragraph of Arabic around `content`. */
const arabicParagraph = (content: unknown) =>
  fixture<HTMLParagraphElement>(
    html`<p dir="rtl" lang="ar" style="width: 30rem">موقع غير معروف · ${content} · الآن</p>`,
  );

describe('values that read left to right, in right-to-left text', () => {
  it('are drawn out of order when left bare: the check catches it', async () => {
    for (const value of [IPV6, EMAIL, TOKEN_PREFIX]) {
      expect(drawnLeftToRight(await arabicParagraph(value), value), value).to.equal(false);
    }
  });

  it('are drawn in order when a template shows them with leftToRight', async () => {
    for (const value of [IPV6, EMAIL, TOKEN_PREFIX]) {
      expect(drawnLeftToRight(await arabicParagraph(leftToRight(value)), value), value).to.equal(true);
    }
  });

  it('are drawn in order as code, in an element laid out right to left', async () => {
    const element = await fixture<CodeProbe>(html`<acct-code-probe lang="ar"></acct-code-probe>`);
    await element.updateComplete;
    expect(getComputedStyle(element).direction).to.equal('rtl');
    expect(drawnLeftToRight(element, TOKEN_PREFIX)).to.equal(true);
  });

  it('are typed left to right in email and web address fields, on the side where the text starts', async () => {
    const arabic = await fixture<CodeProbe>(html`<acct-code-probe lang="ar"></acct-code-probe>`);
    expect(fieldsLayout(arabic)).to.deep.equal(['ltr right', 'ltr right', 'rtl start']);
    const page = await fixture<HTMLDivElement>(html`<div dir="rtl"><acct-code-probe></acct-code-probe></div>`);
    expect(fieldsLayout(page.querySelector('acct-code-probe')!)).to.deep.equal(['ltr right', 'ltr right', 'rtl start']);
    // An element told to speak English on a right-to-left page is laid out left to right.
    const english = await fixture<HTMLDivElement>(
      html`<div dir="rtl"><acct-code-probe lang="en"></acct-code-probe></div>`,
    );
    expect(fieldsLayout(english.querySelector('acct-code-probe')!)).to.deep.equal([
      'ltr start',
      'ltr start',
      'ltr start',
    ]);
  });

  it("are drawn in order in an Arabic message's sentence, and in a site's right-to-left language", async () => {
    await translations.load('ar', []);
    const sentence = localize('ar').linkSent(EMAIL);
    expect(drawnLeftToRight(await arabicParagraph(sentence), EMAIL)).to.equal(true);
    try {
      translations.register('he', { $dir: 'rtl', linkSent: (email: string) => `שלחנו קישור אל ${email}. פתחו אותו.` });
      const hebrew = localize('he').linkSent(EMAIL);
      const paragraph = await fixture(html`<p dir="rtl" lang="he" style="width: 30rem">${hebrew}</p>`);
      expect(drawnLeftToRight(paragraph, EMAIL)).to.equal(true);
    } finally {
      translations.reset();
    }
  });
});
