/**
 * The built bundle as a site uses it: acct.js loaded from the server by URL (cross-origin, as on a
 * real site), `<acct-login>` without a `server` attribute finding the server from the script's own
 * URL. Needs `npm run build` first; without a build the server answers 503 and this is skipped.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import { signOutEverywhere } from './testing/helpers.js';

describe('acct.js, the bundle', () => {
  before(async function () {
    // Signed out, so that <acct-login> shows its form (the cookie servers share one cookie).
    await signOutEverywhere();
    const probe = await fetch(`${testServers.main}/acct.js`, { method: 'HEAD' });
    if (probe.status === 503) this.skip();
    expect(probe.ok, `GET /acct.js answered ${probe.status}`).to.equal(true);
    await import(/* @vite-ignore */ `${testServers.main}/acct.js`);
  });

  it('registers the elements and finds the server from its own URL', async () => {
    for (const tag of ['acct-login', 'acct-passkeys', 'acct-sessions', 'acct-login-history', 'acct-user-button']) {
      expect(customElements.get(tag), tag).to.exist;
    }
    const el = await fixture(html`<acct-login></acct-login>`);
    await waitUntil(() => el.shadowRoot?.querySelector('h2'), 'the bundled <acct-login> did not load its form');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Sign in to Acct Test');
  });
});
