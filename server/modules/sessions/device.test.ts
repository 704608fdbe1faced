/**
 * What the sessions list and login history learn from a User-Agent: the device's type, browser
 * and OS, and a name only when the User-Agent gives a real one (a model, the same in every
 * language); never a made-up English name such as "Windows computer", which the elements compose
 * in the reader's language instead.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseUserAgent } from './device';

const UA = {
  windowsChrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  macChrome:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  linuxFirefox: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
  pixel:
    'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.230 Mobile Safari/537.36',
  // Chrome's reduced User-Agent: every Android model is "K".
  androidReduced:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
  samsungTablet:
    'Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
};

describe('parseUserAgent', () => {
  it('names a device only after what the User-Agent says it is', () => {
    assert.deepEqual(parseUserAgent(UA.iphone), {
      type: 'mobile',
      name: 'iPhone',
      browser: 'Mobile Safari 17',
      os: 'iOS 17',
    });
    assert.deepEqual(parseUserAgent(UA.pixel), {
      type: 'mobile',
      name: 'Google Pixel 7',
      browser: 'Chrome 120',
      os: 'Android 14',
    });
    assert.deepEqual(parseUserAgent(UA.samsungTablet), {
      type: 'tablet',
      name: 'Samsung SM-X700',
      browser: 'Chrome 120',
      os: 'Android 13',
    });
    // A desktop on macOS can only be a Mac, though Chrome there names no model.
    assert.deepEqual(parseUserAgent(UA.macChrome), {
      type: 'desktop',
      name: 'Mac',
      browser: 'Chrome 120',
      os: 'Mac OS 10.15.7',
    });
  });

  it('leaves the name empty rather than making one up in English', () => {
    assert.deepEqual(parseUserAgent(UA.windowsChrome), {
      type: 'desktop',
      name: null,
      browser: 'Chrome 120',
      os: 'Windows 10',
    });
    assert.deepEqual(parseUserAgent(UA.linuxFirefox), {
      type: 'desktop',
      name: null,
      browser: 'Firefox 121',
      os: 'Ubuntu',
    });
    assert.deepEqual(parseUserAgent(UA.androidReduced), {
      type: 'mobile',
      name: null,
      browser: 'Chrome 120',
      os: 'Android 10',
    });
    assert.deepEqual(parseUserAgent(undefined), { type: 'desktop', name: null, browser: null, os: null });
  });
});
