/**
 * The API description (`GET /api/openapi.json`): valid OpenAPI 3.1 (checked by an independent
 * validator), public to any origin, and exactly the routes the app answers — every route of the
 * router is in it with its method, and nothing else — with the request schemas the handlers
 * validate with. A route added later is in it without anyone writing a line.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { RunningServer } from '../../start';
import { describeOnEachDatabase } from '../../testing/databases';
import { TestClient } from '../../testing/http-client';
import { listApiRoutes } from '../../testing/routes';
import { startTestServer } from '../../testing/test-server';
import type { OpenApiDocument } from './openapi';

interface Operation {
  requestBody?: {
    content: { 'application/json': { schema: { properties?: Record<string, unknown>; required?: string[] } } };
  };
  parameters?: { name: string; in: string; required: boolean }[];
}

describeOnEachDatabase('the OpenAPI description', (getDb) => {
  let server: RunningServer;
  let doc: OpenApiDocument;

  before(async () => {
    server = await startTestServer(getDb());
    const res = await new TestClient(server.url, { origin: 'https://any-site.example' }).get('/api/openapi.json');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*', 'any origin may read it');
    doc = res.body as OpenApiDocument;
  });
  after(async () => {
    await server.close();
  });

  const operation = (method: string, path: string) =>
    doc.paths[path.replace(/^\/api/, '').replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()] as Operation | undefined;

  it('is valid OpenAPI 3.1', async () => {
    type Spec = Parameters<Validator['validate']>[0];
    const result = await new Validator().validate(doc as unknown as Spec);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));
    // The validator does refuse what is not OpenAPI (a path must start with "/").
    const broken = { ...doc, paths: { 'no-slash': {} } };
    assert.equal((await new Validator().validate(broken as unknown as Spec)).valid, false);
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.servers[0]!.url, `${server.url}/api`);
  });

  it('describes exactly the routes the router answers', () => {
    const routes = listApiRoutes(server.services);
    assert.ok(routes.length > 50);
    for (const { method, path } of routes) assert.ok(operation(method, path), `${method} ${path} is missing`);
    const described = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    assert.equal(described, routes.length, 'no operation the router does not have');
  });

  it('gives each operation the schema its handler validates with, and its path parameters', () => {
    const signUp = operation('POST', '/api/auth/sign-up')!;
    const body = signUp.requestBody!.content['application/json'].schema;
    assert.ok(body.properties?.email && body.properties.password, JSON.stringify(body));
    assert.ok(body.required?.includes('email'));
    const revoke = operation('DELETE', '/api/sessions/:id')!;
    assert.deepEqual(
      revoke.parameters?.map((p) => [p.name, p.in, p.required]),
      [['id', 'path', true]],
    );
    // Every route that takes a JSON body through withBody says what it takes.
    const withBodies = listApiRoutes(server.services).filter((r) => r.schemas?.body);
    assert.ok(withBodies.length > 20);
    for (const r of withBodies) assert.ok(operation(r.method, r.path)?.requestBody, `${r.method} ${r.path}`);
  });
});
