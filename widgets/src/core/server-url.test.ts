/**
 * How the elements find the server: the folder acct.js was loaded from, or the `server` attribute.
 */
import { expect } from '@open-wc/testing';
import { resolveServerUrl, scriptBaseUrl } from './server-url.js';

describe('scriptBaseUrl', () => {
  it('is the folder the script was loaded from, without query or trailing slash', () => {
    expect(scriptBaseUrl('https://auth.example.com/acct.js')).to.equal('https://auth.example.com');
    expect(scriptBaseUrl('https://auth.example.com/acct.js?v=2#x')).to.equal('https://auth.example.com');
    expect(scriptBaseUrl('https://example.com/auth/acct.js')).to.equal('https://example.com/auth');
    expect(scriptBaseUrl('http://localhost:3000/acct.js')).to.equal('http://localhost:3000');
  });

  it('is the server above a pinned build’s folder, /acct/<hash>/', () => {
    const hash = '0123456789abcdef';
    expect(scriptBaseUrl(`https://auth.example.com/acct/${hash}/acct.js`)).to.equal('https://auth.example.com');
    expect(scriptBaseUrl(`https://example.com/auth/acct/${hash}/acct.js`)).to.equal('https://example.com/auth');
    // Only a build's name is taken for one: a folder of a site's own stays.
    expect(scriptBaseUrl('https://example.com/acct/v2/acct.js')).to.equal('https://example.com/acct/v2');
  });

  it('is the server above the shared chunks the loader imports, pinned or not', () => {
    const hash = '0123456789abcdef';
    expect(scriptBaseUrl('https://auth.example.com/acct/chunks/core-AbC_12.js')).to.equal('https://auth.example.com');
    expect(scriptBaseUrl(`https://auth.example.com/acct/${hash}/acct/chunks/core-x.js`)).to.equal(
      'https://auth.example.com',
    );
    expect(scriptBaseUrl('https://example.com/auth/acct/chunks/core-x.js')).to.equal('https://example.com/auth');
    // acct mounted under /acct: the kit at /acct/acct-all.js is still in the server's own folder.
    expect(scriptBaseUrl('https://example.com/acct/acct-all.js')).to.equal('https://example.com/acct');
  });
});

describe('resolveServerUrl', () => {
  it('uses the `server` attribute when set, without a trailing slash', () => {
    expect(resolveServerUrl('https://auth.example.com/')).to.equal('https://auth.example.com');
    expect(resolveServerUrl(' https://example.com/auth/ ')).to.equal('https://example.com/auth');
  });

  it('resolves a relative `server` against the page', () => {
    expect(resolveServerUrl('/auth')).to.equal(`${location.origin}/auth`);
  });

  it('falls back to where the script came from', () => {
    // Unbundled, as here, that is this module's own folder; in acct.js it is acct.js's.
    const here = scriptBaseUrl(new URL('./server-url.ts', import.meta.url).href);
    expect(resolveServerUrl('')).to.equal(here);
    expect(resolveServerUrl(null)).to.equal(here);
  });
});
