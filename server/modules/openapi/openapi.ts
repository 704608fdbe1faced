/**
 * The OpenAPI 3.1 description of the JSON API, generated — never written by hand — from what the
 * app really runs: every route read from Express's router (server/http/route-list.ts), so none can
 * be missing, with the JSON Schema of the zod schema its handler parses the body or query with
 * (zod's own `toJSONSchema`, on the input side: what a client sends). Every error answer has one
 * shape, `{ error: { code, message, fields? } }`, whose codes are the contract's catalogue.
 * Answers are described by status only: their types live in TypeScript (contract/), not in zod.
 */
import type { Express } from 'express';
import { z } from 'zod';
import { ERROR_CATALOGUE } from '../../../contract';
import type { Config } from '../../config';
import { listRoutes, type RouteInfo } from '../../http/route-list';
import { SESSION_COOKIE } from '../sessions/session-transport';

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, unknown>;
}

const VERSION = '0.1.0';

/** A zod schema as JSON Schema, as a client must send it; parts JSON Schema cannot say are left open. */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return rest;
}

/** `/api/sessions/:id` → `/sessions/{id}` (paths are relative to the server URL `…/api`). */
const openApiPath = (path: string) => path.replace(/^\/api/, '').replace(/:(\w+)/g, '{$1}') || '/';

/** The first segment after /api (`me`, `auth`, `organizations`…), which groups the operations. */
const tagOf = (path: string) => path.split('/')[2] ?? 'api';

function parameters(route: RouteInfo): unknown[] {
  const inPath = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = route.schemas?.query ? jsonSchema(route.schemas.query) : undefined;
  const properties = (query?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((query?.required ?? []) as string[]);
  const inQuery = Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema,
  }));
  return [...inPath, ...inQuery];
}

function operation(route: RouteInfo): Record<string, unknown> {
  const params = parameters(route);
  return {
    operationId: `${route.method.toLowerCase()}${openApiPath(route.path).replace(/[^A-Za-z0-9]+(\w?)/g, (_m, c: string) => c.toUpperCase())}`,
    summary: `${route.method} ${route.path}`,
    tags: [tagOf(route.path)],
    ...(params.length ? { parameters: params } : {}),
    ...(route.schemas?.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.schemas.body) } } } }
      : {}),
    responses: {
      '2XX': { description: 'Done: the answer for this route (contract/ types it).' },
      '4XX': { $ref: '#/components/responses/Error' },
      '503': { $ref: '#/components/responses/Error' },
    },
  };
}

/** The description of `app`'s JSON API (routes under /api), for the server at `config.publicUrl`. */
export function buildOpenApi(app: Express, config: Config): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of listRoutes(app).filter((r) => r.path.startsWith('/api/'))) {
    (paths[openApiPath(route.path)] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `${config.productName} accounts API (acct)`,
      version: VERSION,
      description:
        'Sign-in, sessions, accounts, organizations and onboarding. Browsers call it with a session cookie ' +
        'or a bearer session token; state-changing requests need a JSON body from an allowed origin.',
    },
    servers: [{ url: `${config.publicUrl}/api` }],
    paths,
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', enum: Object.keys(ERROR_CATALOGUE).sort() },
                message: { type: 'string' },
                fields: { type: 'object', additionalProperties: { type: 'string' } },
              },
            },
          },
        },
      },
      responses: {
        Error: {
          description: 'Refused: a stable code (the elements translate it) and an English message.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
  };
}
