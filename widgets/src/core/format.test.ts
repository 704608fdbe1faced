/**
 * Formatting through Intl: relative times, waits, country names, and the fallbacks when the
 * server leaves a field empty.
 */
import { expect } from '@open-wc/testing';
import { relativeTime } from './time-format.js';
import { browserText, countryName, methodText, placeText } from './device-format.js';
import { inSeconds, localize, translations } from './i18n/index.js';

// French (core and areas) and English's devices and methods: chunks of their own (i18n/chunks.ts).
await translations.load('fr');
await translations.load('en', ['security']);

describe('relativeTime', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it('says "now" under a minute, then the largest whole unit', () => {
    expect(relativeTime('en', ago(20), now)).to.equal('now');
    expect(relativeTime('en', ago(5 * 60), now)).to.equal('5 minutes ago');
    expect(relativeTime('en', ago(3 * 3600), now)).to.equal('3 hours ago');
    expect(relativeTime('en', ago(86_400), now)).to.equal('yesterday');
    expect(relativeTime('fr', ago(5 * 60), now)).to.equal('il y a 5 minutes');
    expect(relativeTime('fr', ago(2 * 86_400), now)).to.equal('avant-hier');
  });
});

describe('inSeconds', () => {
  it('rounds a wait up, in the largest unit', () => {
    expect(inSeconds('en', 30)).to.equal('in 30 seconds');
    expect(inSeconds('en', 61)).to.equal('in 2 minutes');
    expect(inSeconds('en', 1800)).to.equal('in 30 minutes');
    expect(inSeconds('fr', 7200)).to.equal('dans 2 heures');
  });
});

describe('places, devices and methods', () => {
  const en = localize('en');
  const fr = localize('fr');

  it('names countries in the reader’s language, keeping names the server already spelled out', () => {
    expect(countryName('en', 'DE')).to.equal('Germany');
    expect(countryName('fr', 'de')).to.equal('Allemagne');
    expect(countryName('en', 'Atlantis')).to.equal('Atlantis');
    expect(placeText(fr, { city: 'Lyon', country: 'FR' })).to.equal('Lyon, France');
    expect(placeText(en, { city: null, country: null })).to.equal('Unknown location');
    expect(placeText(en, null)).to.equal('Unknown location');
  });

  it('describes browsers and methods, or says nothing', () => {
    expect(browserText(fr, 'Firefox 128', 'Linux')).to.equal('Firefox 128 sur Linux');
    expect(browserText(en, null, 'iOS 17')).to.equal('iOS 17');
    expect(browserText(en, null, null)).to.equal(null);
    expect(methodText(fr, 'magic_link')).to.equal('Lien par e-mail');
    expect(methodText(en, 'saml')).to.equal('saml');
    expect(methodText(en, null)).to.equal(null);
  });
});
