/**
 * The built loader as a site uses it, acct.js loaded from the server by URL (cross-origin, as on a
 * real site): `window.acct` holds the translations and `load()`, which defines every element the
 * source defines from its own module; an element put in the page is loaded by the observer and
 * finds the server from the URL of the chunks. What a page downloads is checked with a real page in
 * e2e/on-demand-loading.test.ts. Needs `npm run build`, like bundle.test.ts.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { bundle, testServers } from 'acct-test-env';
import { signOutEverywhere } from '../testing/helpers.js';

interface Loader {
  load: (...tags: string[]) => Promise<void>;
  translations: { languages: () => string[] };
}

describe('acct.js, the loader', () => {
  let loader: Loader;

  before(async function () {
    await signOutEverywhere();
    if (!bundle.built && !bundle.ci) this.skip();
    expect(bundle.built, 'widgets/dist/acct.js is missing: run `npm run build` first').to.equal(true);
    loader = (await import(/* @vite-ignore */ `${testServers.main}/acct.js`)) as Loader;
  });

  it('puts the translations and load() on window.acct', () => {
    const page = window as unknown as { acct: Loader };
    expect(page.acct.translations).to.equal(loader.translations);
    expect(page.acct.load).to.equal(loader.load);
    expect(loader.translations.languages()).to.include.members(['en', 'fr', 'de', 'es', 'ar']);
  });

  it('loads an element when its tag appears, which finds the server from the chunks’ URL', async () => {
    expect(customElements.get('acct-login')).to.equal(undefined);
    const el = await fixture(html`<acct-login></acct-login>`);
    await waitUntil(() => el.shadowRoot?.querySelector('h2'), 'the loader did not load <acct-login>', {
      timeout: 5000,
    });
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Sign in to Acct Test');
  });

  it('defines every element the source defines when asked, and warns of a tag it has not', async () => {
    const warn = console.warn;
    const warned: string[] = [];
    console.warn = (message: string) => warned.push(message);
    try {
      await loader.load('acct-nothing');
    } finally {
      console.warn = warn;
    }
    expect(warned).to.deep.equal(['acct: there is no <acct-nothing> to load.']);
    await loader.load();
    const missing = bundle.tags.filter((tag) => !customElements.get(tag));
    expect(missing, 'tags the loader did not define').to.deep.equal([]);
  });
});
