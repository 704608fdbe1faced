/**
 * Which onboarding path a user gets: the matching table of role × use case × active × default
 * (no database needed: `bestPath` is the whole rule), and step validation.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StepsSchema } from '../../../contract/onboarding';
import { bestPath, choicesOf, type PathRow } from './paths';

let clock = 0;
const path = (name: string, fields: Partial<PathRow> = {}): PathRow => ({
  id: name,
  name,
  description: null,
  target_role: null,
  target_use_case: null,
  steps: [{ key: 'welcome', title: 'Welcome', required: true }],
  is_default: false,
  is_active: true,
  created_at: new Date(++clock * 1000),
  ...fields,
});

const PATHS = [
  path('default', { is_default: true }),
  path('producer', { target_role: 'producer' }),
  path('producer-touring', { target_role: 'producer', target_use_case: 'touring' }),
  path('touring', { target_use_case: 'touring' }),
  path('venue-festivals', { target_role: 'venue', target_use_case: 'festivals' }),
  path('retired-crew', { target_role: 'crew', is_active: false }),
];

describe('bestPath', () => {
  for (const [role, useCase, expected] of [
    ['producer', 'touring', 'producer-touring'], // both match
    ['producer', 'festivals', 'producer'], // role only (the path targets every use case)
    ['producer', null, 'producer'],
    ['venue', 'touring', 'touring'], // use case only
    [null, 'touring', 'touring'],
    ['venue', 'festivals', 'venue-festivals'],
    ['venue', null, 'default'], // venue-festivals needs the use case too
    ['crew', null, 'default'], // inactive paths never
    [null, null, 'default'],
    ['stranger', 'weddings', 'default'],
  ] as const) {
    it(`gives role ${role} and use case ${useCase} the ${expected} path`, () => {
      assert.equal(bestPath(PATHS, role, useCase)?.name, expected);
    });
  }

  it('finds nothing when no active path fits and there is no default', () => {
    assert.equal(
      bestPath(
        PATHS.filter((p) => !p.is_default),
        'stranger',
        null,
      ),
      undefined,
    );
    assert.equal(bestPath([path('old-default', { is_default: true, is_active: false })], null, null), undefined);
  });

  it('breaks ties in favour of the oldest path', () => {
    const older = path('older', { target_role: 'x' });
    const newer = path('newer', { target_role: 'x' });
    assert.equal(bestPath([newer, older], 'x', null)?.name, 'older');
  });

  it('offers the roles and use cases the active paths target', () => {
    assert.deepEqual(choicesOf(PATHS.filter((p) => p.is_active)), {
      roles: ['producer', 'venue'],
      useCases: ['festivals', 'touring'],
    });
  });
});

describe('steps', () => {
  it('accepts the seed default path', () => {
    assert.ok(
      StepsSchema.safeParse([
        { key: 'welcome', title: 'Welcome', required: true },
        { key: 'tour', title: 'Tour', required: false },
      ]).success,
    );
  });
  for (const [name, steps] of [
    ['no steps', []],
    [
      'a duplicate key',
      [
        { key: 'a', title: 'A' },
        { key: 'a', title: 'Again' },
      ],
    ],
    ['a key with spaces', [{ key: 'my step', title: 'A' }]],
    ['an unknown field', [{ key: 'a', title: 'A', colour: 'red' }]],
    ['an empty title', [{ key: 'a', title: ' ' }]],
  ] as const) {
    it(`refuses ${name}`, () => assert.equal(StepsSchema.safeParse(steps).success, false));
  }
});
