/**
 * docs/security.md I4, property-based: every API route — read from the router, so a new one is
 * fuzzed too — is fed requests generated with fast-check from the JSON Schema of the zod schema
 * its handler validates with (server/http/route-list.ts), and mutated: fields dropped, of the
 * wrong type, tricky strings, unknown and prototype-polluting keys, deep nesting, bodies that are
 * not objects; path parameters and query strings likewise. Signed in as an administrator, so the
 * routes validate rather than refuse. Every answer must be below 500 and every error of the one
 * shape (testing/hostile-input.ts); nothing may reach Object.prototype.
 *
 * A fixed seed in CI (`FUZZ_SEED`, default 20261204) and a few runs per route (`FUZZ_RUNS`,
 * default 8); for a longer hunt: `FUZZ_RUNS=500 FUZZ_SEED=$RANDOM npx tsx scripts/run-node-tests.ts server/http/fuzz.test.ts`.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import type { RunningServer } from '../start';
import { signedUpClient } from '../testing/accounts';
import { describeOnEachDatabase } from '../testing/databases';
import { drainMailQueue } from '../testing/mail';
import type { TestClient } from '../testing/http-client';
import {
  assertErrorAnswer,
  headersFor,
  SITE_SECRET,
  TRICKY_STRINGS,
  UNLIMITED_RATE_LIMITS,
  WRONG_TYPES,
} from '../testing/hostile-input';
import { fillPath, listApiRoutes, STATE_CHANGING_METHODS, type RouteInfo } from '../testing/routes';
import { startTestServer } from '../testing/test-server';

const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

const tricky = fc.constantFrom(...Object.values(TRICKY_STRINGS));
/** The same, short enough for an address: a URL over 16 kB is refused by Node's HTTP parser (431) before acct sees it. */
const encodable = (s: string) => {
  try {
    return encodeURIComponent(s).length > 0 || s === '';
  } catch {
    return false; // a lone surrogate has no URL encoding: no client can send it in an address
  }
};
const trickyInUrl = fc.constantFrom(...Object.values(TRICKY_STRINGS).filter((s) => s.length < 1000 && encodable(s)));

/** Values a JSON Schema allows (roughly: bounds kept small), as a client that follows it sends them. */
function valid(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valid(s, depth)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'uri') return fc.webUrl();
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 80) });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: schema.minimum ?? -1e6,
        max: schema.maximum ?? 1e6,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(valid(schema.items ?? {}, depth + 1), { maxLength: 4 });
    case 'object': {
      if (depth > 3) return fc.constant({});
      const properties = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, s]) => [key, valid(s, depth + 1)]),
      );
      return fc.record(properties, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A JSON object, as a string, whose own `__proto__` / `constructor` keys would pollute a careless merge. */
const POLLUTING = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"__proto__":{"isAdmin":true},"email":"a@b.test"}',
];

/** Nested `levels` deep: over the JSON depth limit. */
const deeplyNested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

/** A body made wrong: one change to something valid, or something that is not a body at all. */
function mutated(schema: JsonSchema): fc.Arbitrary<unknown> {
  const base = valid(schema) as fc.Arbitrary<Record<string, unknown>>;
  const keys = Object.keys(schema.properties ?? {});
  const someKey = keys.length ? fc.constantFrom(...keys) : fc.string({ maxLength: 8 });
  const withKey = (value: fc.Arbitrary<unknown>) =>
    fc.tuple(base, someKey, value).map(([body, key, v]) => ({ ...(body as object), [key]: v }));
  return fc.oneof(
    fc.tuple(base, someKey).map(([body, key]) => {
      const copy = { ...(body as object) } as Record<string, unknown>;
      delete copy[key];
      return copy;
    }),
    withKey(fc.constantFrom(...WRONG_TYPES)),
    withKey(tricky),
    withKey(fc.jsonValue({ maxDepth: 3 })),
    fc
      .tuple(base, fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue())
      .map(([body, key, v]) => ({ ...(body as object), [key]: v })),
    fc.constantFrom(...POLLUTING, deeplyNested(40), '[]', '"text"', '12', 'null', '{', '{"a":1,}'),
    fc.jsonValue({ maxDepth: 4 }),
  );
}

const pathParam = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 30 }),
  trickyInUrl,
  fc.constantFrom('..', 'null', '0', '-1', "' or 1=1 --", '00000000-0000-0000-0000-000000000000'),
);

const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('limit', 'cursor', '__proto__')),
      fc.oneof(fc.string(), trickyInUrl),
    ),
    {
      maxLength: 4,
    },
  )
  .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs)}` : ''));

/** The JSON Schema of a zod schema, as a client sends it. */
const jsonSchemaOf = (schema: z.ZodType | undefined): JsonSchema =>
  schema ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : { type: 'object' };

describeOnEachDatabase('fuzzing every API route (I4)', (getDb) => {
  let server: RunningServer;
  let routes: RouteInfo[];
  let account: TestClient | undefined;
  let requests = 0;

  before(async () => {
    server = await startTestServer(getDb(), {
      env: { ACCT_RATE_LIMITS: UNLIMITED_RATE_LIMITS, ACCT_SITE_SECRET: SITE_SECRET },
    });
    routes = listApiRoutes(server.services);
  });
  after(() => server.close());

  /** A signed-in administrator; a fresh one after a request that may have ended the session. */
  async function signedIn(): Promise<TestClient> {
    if (!account) {
      await drainMailQueue(server.services);
      const signedUp = await signedUpClient(server.services, server.url);
      await server.db.knex('auth.users').where({ email: signedUp.email }).update({ app_role: 'admin' });
      account = signedUp.client;
    }
    return account;
  }

  it('answers every generated request below 500, with errors of the one shape', async () => {
    assert.ok(routes.length > 50);
    for (const route of routes) {
      const schema = route.schemas?.body ? jsonSchemaOf(route.schemas.body) : { type: 'object' };
      const body = STATE_CHANGING_METHODS.has(route.method)
        ? fc.oneof(valid(schema), mutated(schema))
        : fc.constant(undefined);
      const request = fc.record({ body, param: pathParam, query: queryString });
      await fc.assert(
        fc.asyncProperty(request, async ({ body: sent, param, query }) => {
          const path = fillPath(route.path, {}, () => param) + query;
          const label = `${route.method} ${path.slice(0, 160)} ${typeof sent === 'string' ? sent.slice(0, 80) : JSON.stringify(sent)?.slice(0, 120)}`;
          const res = await (await signedIn()).request(route.method, path, sent, headersFor(route.path));
          requests++;
          if (res.status < 300 && STATE_CHANGING_METHODS.has(route.method)) account = undefined;
          assert.ok(res.status < 500, `${label} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`);
          if (res.status >= 400) assertErrorAnswer(res, label);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched');
    assert.ok(requests >= routes.length * RUNS);
  });
});
