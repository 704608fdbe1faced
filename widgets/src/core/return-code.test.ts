/**
 * Answers carried back to the page in its address's fragment (an emailed link's code, a linked
 * account's, a connected app's) are taken out of it once, without a history entry, leaving the
 * host page's own fragment as it was.
 */
import { expect } from '@open-wc/testing';
import { takeFromFragment, takeReturnCode } from './return-code.js';

describe('takeFromFragment', () => {
  const start = location.href;
  afterEach(() => history.replaceState(null, '', start));

  const at = (fragment: string) => history.replaceState(null, '', `${location.pathname}${location.search}#${fragment}`);

  it('takes the named parameters and leaves the page’s own', () => {
    at('section=2&acct_link=abc');
    const entries = history.length;
    expect(takeFromFragment('acct_link', 'acct_link_error')).to.deep.equal({ acct_link: 'abc', acct_link_error: null });
    expect(location.hash).to.equal('#section=2');
    expect(history.length, 'no history entry to go back to the code').to.equal(entries);
    expect(takeFromFragment('acct_link', 'acct_link_error'), 'once per page').to.equal(null);
  });

  it('leaves the address alone when none of them is there', () => {
    at('acct_linked=1');
    expect(takeFromFragment('acct_link')).to.equal(null);
    expect(location.hash).to.equal('#acct_linked=1');
  });

  it('drops the fragment altogether when nothing else was in it', () => {
    at('acct_code=xyz&acct_flow=magic_link');
    expect(takeReturnCode()).to.deep.equal({ code: 'xyz', flow: 'magic_link' });
    expect(location.href).to.equal(`${location.origin}${location.pathname}${location.search}`);
  });

  it('is no return code without its code', () => {
    at('acct_flow=magic_link');
    expect(takeReturnCode()).to.equal(null);
  });
});
