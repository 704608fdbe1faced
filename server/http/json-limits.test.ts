/**
 * The JSON shape limits on their own (the HTTP side is in bad-input.test.ts): depth is measured
 * as JSON counts it, and `jsonLength` agrees with `JSON.stringify` on what JSON can hold — at
 * nesting depths where `JSON.stringify` itself overflows the stack.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CustomStepData } from '../modules/onboarding/built-in-steps';
import { jsonLength, MAX_JSON_DEPTH, nestedDeeperThan } from './json-limits';

const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;

describe('JSON limits', () => {
  it('measures nesting depth: a bare object or array is 1, scalars 0', () => {
    for (const scalar of [null, 1, 'a', true]) assert.equal(nestedDeeperThan(scalar, 0), false);
    assert.equal(nestedDeeperThan({}, 0), true);
    assert.equal(nestedDeeperThan({}, 1), false);
    assert.equal(nestedDeeperThan({ a: [1, { b: 'x' }] }, 3), false);
    assert.equal(nestedDeeperThan({ a: [1, { b: 'x' }] }, 2), true);
    assert.equal(nestedDeeperThan([[], [[[]]], {}], 3), true);
    assert.equal(nestedDeeperThan(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH), false);
    assert.equal(nestedDeeperThan(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH), true);
  });

  it('measures 100,000 levels without exhausting the stack', () => {
    const deep = nested(100_000);
    assert.throws(() => JSON.stringify(deep), RangeError, 'the recursive way overflows');
    assert.equal(nestedDeeperThan(deep, MAX_JSON_DEPTH), true);
    assert.equal(jsonLength(deep), 200_000);
  });

  it('computes the length JSON.stringify gives', () => {
    const samples: unknown[] = [
      null,
      0,
      -1.5e-7,
      1e21,
      true,
      '',
      'quote " backslash \\ newline \n tab \t NUL \u0000 bell \u0007',
      'accents é, CJK 漢字, emoji 👩‍👩‍👧, lone surrogate \ud800',
      [],
      {},
      [1, 'two', [3, [4, {}]], null, false],
      { a: 1, 'key "quoted"': { b: [1, 2, { c: 'd' }] }, '': '', é: null },
      JSON.parse('{"__proto__": {"x": 1}, "constructor": [1]}'),
      { kept: 1, dropped: undefined },
      [undefined, 1],
    ];
    for (const sample of samples)
      assert.equal(jsonLength(sample), JSON.stringify(sample).length, JSON.stringify(sample));
  });

  it('lets the size checks of step data judge deep values instead of throwing', () => {
    // Deeper than the API lets through, as data could come from elsewhere: 5,000 levels, 10 kB.
    assert.equal(CustomStepData.safeParse({ a: nested(5_000) }).success, true);
    assert.equal(CustomStepData.safeParse({ a: nested(6_000) }).success, false);
  });
});
