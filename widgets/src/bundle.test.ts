/**
 * The whole kit as a site uses it, acct-all.js loaded from the server by URL (cross-origin, as on a
 * real site): it defines every element at once, and `<acct-login>` without a `server` attribute
 * finds the server from the kit's own URL. (The loader, acct.js, has its own test beside its
 * source, loader/loader.test.ts.) Needs `npm run build` first: without a build this is skipped on a developer's machine but
 * fails under CI (`CI` set), where a missing build is a broken pipeline. (Whether the build is there
 * comes from the test runner, not from the server's 503, which a cross-origin page cannot read.)
 * The tags checked are the ones the source registers (widgets/test-runner/element-tags.mjs), so a
 * new element is covered without touching this file.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { bundle, testServers } from 'acct-test-env';
import { signOutEverywhere } from './testing/helpers.js';

describe('acct.js, the bundle', () => {
  let source = '';

  before(async function () {
    // Signed out, so that <acct-login> shows its form (the cookie servers share one cookie).
    await signOutEverywhere();
    if (!bundle.built && !bundle.ci) this.skip();
    expect(bundle.built, 'widgets/dist/acct.js is missing: run `npm run build` first').to.equal(true);
    const answer = await fetch(`${testServers.main}/acct-all.js`);
    expect(answer.ok, `GET /acct-all.js answered ${answer.status}`).to.equal(true);
    source = await answer.text();
  });

  it('the kit registers every element the source defines', async () => {
    await import(/* @vite-ignore */ `${testServers.main}/acct-all.js`);
    expect(bundle.tags.length, 'no tags found in the source').to.be.greaterThan(0);
    const missing = bundle.tags.filter((tag) => !customElements.get(tag));
    expect(missing, 'tags the bundle does not register').to.deep.equal([]);
  });

  it('leaves zod out (the contract reaches the browser as types only)', () => {
    expect(source).not.to.include('ZodError');
  });

  it('finds the server from its own URL', async () => {
    const el = await fixture(html`<acct-login></acct-login>`);
    await waitUntil(() => el.shadowRoot?.querySelector('h2'), 'the bundled <acct-login> did not load its form');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Sign in to Acct Test');
  });
});
