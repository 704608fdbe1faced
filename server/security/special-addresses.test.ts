/**
 * The loopback rules of security/special-addresses.ts, which the dev outbox, push in development,
 * OAuth issuers and connected apps share: what counts as this machine, in every spelling a URL
 * parser or a Host header gives, and what only looks like it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLoopbackAddress, isLoopbackHost } from './special-addresses';

const hostOf = (authority: string) => new URL(`http://${authority}/`).hostname;

describe('isLoopbackAddress', () => {
  it('is 127.0.0.0/8 and ::1, bracketed or IPv4-mapped', () => {
    for (const address of ['127.0.0.1', '127.255.255.254', '::1', '[::1]', '::ffff:127.0.0.1'])
      assert.equal(isLoopbackAddress(address), true, address);
  });

  it('is no other address, and no name', () => {
    for (const address of ['10.0.0.1', '0.0.0.0', '::', '::ffff:10.0.0.1', '128.0.0.1', 'localhost', ''])
      assert.equal(isLoopbackAddress(address), false, address);
  });
});

describe('isLoopbackHost', () => {
  it('is localhost, a *.localhost name and a loopback address in any spelling a URL parses to', () => {
    for (const authority of [
      'localhost',
      'LOCALHOST:3000',
      'localhost.',
      'app.localhost',
      '127.0.0.1',
      '127.1',
      '2130706433',
      '[::1]',
      '[0:0:0:0:0:0:0:1]:8080',
      '[::ffff:127.0.0.1]',
    ])
      assert.equal(isLoopbackHost(hostOf(authority)), true, authority);
  });

  it('is not a name that only begins or ends like one', () => {
    for (const authority of [
      'localhost.example.com',
      'notlocalhost',
      'example.com',
      '127.0.0.1.nip.io',
      '10.0.0.1',
      '[fe80::1]',
      '0.0.0.0',
    ])
      assert.equal(isLoopbackHost(hostOf(authority)), false, authority);
  });
});
