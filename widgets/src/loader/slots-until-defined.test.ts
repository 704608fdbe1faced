/**
 * The rule the loader and `register()` add (slots-until-defined.ts): the slotted content of an acct
 * element not yet defined is not shown; an element of another library, and an acct element's
 * content outside a slot, are left alone; adding it twice adds one sheet. What it prevents on a
 * page (a sign-up form in a slot showing, then vanishing) is checked in e2e/on-demand-loading.test.ts.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { hideSlotsUntilDefined } from './slots-until-defined.js';

const shown = (element: Element | null) => !!element && getComputedStyle(element).display !== 'none';

describe('slotted content until its element is defined', () => {
  it('hides what is slotted in an undefined acct element, and nothing else', async () => {
    const page = await fixture(html`<div>
      <!-- Never defined in this page: only this module is imported. -->
      <acct-onboarding><p slot="signed-out" id="acct-slotted">Sign in</p><p id="acct-unslotted">Text</p></acct-onboarding>
      <other-library-card><p slot="title" id="other-slotted">Title</p></other-library-card>
    </div>`);
    // Before: the browser shows all of it, as plain content.
    expect(shown(page.querySelector('#acct-slotted'))).to.equal(true);
    hideSlotsUntilDefined();
    hideSlotsUntilDefined();
    expect(document.adoptedStyleSheets.filter((sheet) => sheet.cssRules[0]?.cssText.includes('acct-')).length).to.equal(
      1,
    );
    expect(shown(page.querySelector('#acct-slotted'))).to.equal(false);
    expect(shown(page.querySelector('#acct-unslotted'))).to.equal(true);
    expect(shown(page.querySelector('#other-slotted'))).to.equal(true);
  });
});
