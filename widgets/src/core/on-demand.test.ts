/**
 * OnDemand (on-demand.ts): a module fetched once however many ask; a failure kept, so that renders
 * asking again do not fetch again, and said once in the console; `again()` fetching anew only
 * after a failure.
 */
import { expect } from '@open-wc/testing';
import { OnDemand } from './on-demand.js';

describe('OnDemand', () => {
  it('fetches once however many ask, and keeps the module', async () => {
    let loads = 0;
    const part = new OnDemand(async () => ({ loads: ++loads }), 'a test part');
    const [a, b] = await Promise.all([part.fetch(), part.fetch()]);
    expect(a).to.equal(b);
    expect(part.value).to.deep.equal({ loads: 1 });
    await part.again();
    expect(loads).to.equal(1, 'again() keeps a module that came');
  });

  it('keeps a failure for fetch(), says it once, and tries again only on again()', async () => {
    let loads = 0;
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const part = new OnDemand(async () => {
        if (++loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
        return 'here';
      }, 'a test part');
      expect(await part.fetch()).to.equal(undefined);
      expect(await part.fetch()).to.equal(undefined);
      expect(loads).to.equal(1);
      expect(part.error).to.be.instanceOf(TypeError);
      expect(warnings.length).to.equal(1);
      expect(String(warnings[0]![0])).to.contain('a test part could not be loaded');
      expect(await part.again()).to.equal('here');
      expect(part.error).to.equal(undefined);
      expect(loads).to.equal(2);
    } finally {
      console.warn = warn;
    }
  });
});
