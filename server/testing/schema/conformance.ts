/**
 * The conformance check in one call, for the tests that need it (schema conformance, and
 * migrations up → down → up): read the live schema, compare it with the expected one, and fail
 * with every difference listed, so that one run shows all that is wrong.
 */
import assert from 'node:assert/strict';
import type { Knex } from 'knex';
import { readSchema } from './catalog';
import { compareSchema } from './compare';
import { expectedSchema } from './expected-schema';

/** Every way the database (or open transaction) `knex` differs from the expected schema. */
export async function schemaDrift(knex: Knex): Promise<string[]> {
  return compareSchema(expectedSchema, await readSchema(knex));
}

/** Throws an AssertionError naming each difference unless the database conforms. */
export async function assertSchemaConforms(knex: Knex): Promise<void> {
  const diffs = await schemaDrift(knex);
  assert.deepEqual(
    diffs,
    [],
    `the schema differs from server/testing/schema/expected-schema.ts:\n  ${diffs.join('\n  ')}`,
  );
}
