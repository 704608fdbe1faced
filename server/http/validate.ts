/**
 * Request validation with zod, one schema beside each route: `withBody(Schema, handler)` parses
 * the JSON body before the handler runs and hands it over typed; a body that does not fit answers
 * 400 `invalid_request` with one stable code per bad field (`fields: { email: "invalid_email" }`),
 * which the elements translate. Error codes come from the schemas' own messages where given.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { ApiError, CommonErrors, type FieldErrors } from './errors';

/** A stable code for a zod issue: the schema's message when it is a code, else one per kind. */
function issueCode(issue: z.core.$ZodIssue): string {
  if (/^[a-z_]+$/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 leaves the input out of issues; its message says what was received.
      return /received undefined/.test(issue.message) ? 'required' : 'invalid_type';
    case 'too_small':
      return 'too_short';
    case 'too_big':
      return 'too_long';
    case 'unrecognized_keys':
      return 'unknown_field';
    default:
      return 'invalid';
  }
}

/**
 * The path of the first string (or key) in `value` holding U+0000, if any. PostgreSQL text
 * cannot store that character (SQLSTATE 22021), so it must be refused here as a 400 rather than
 * fail as a 500 in a query (docs/security.md I4). Iterative, so no input can exhaust the stack.
 */
function findNulByte(value: unknown): string | undefined {
  const pending: [unknown, string][] = [[value, '']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return path || 'body';
    } else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) return childPath; // kept by loose schemas, and jsonb refuses it too
        pending.push([child, childPath]);
      }
    }
  }
  return undefined;
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) {
    const nulAt = findNulByte(result.data);
    if (nulAt !== undefined)
      throw ApiError.of(CommonErrors, 'invalid_request', { fields: { [nulAt]: 'invalid_characters' } });
    return result.data;
  }
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    // An unknown key has no path of its own: name the keys, so the client sees which were refused.
    let key = issue.path.join('.');
    if (!key) key = issue.code === 'unrecognized_keys' ? issue.keys.join(',') : 'body';
    fields[key] ??= issueCode(issue);
  }
  throw ApiError.of(CommonErrors, 'invalid_request', { fields });
}

/** What a route's handlers validate the request with; read back by the API description (modules/openapi). */
export interface RequestSchemas {
  body?: z.ZodType;
  query?: z.ZodType;
}

const REQUEST_SCHEMAS = Symbol('acct.requestSchemas');

/** Marks a handler with the schema it parses a part of the request with. */
function tagged(handler: RequestHandler, schemas: RequestSchemas): RequestHandler {
  return Object.assign(handler, { [REQUEST_SCHEMAS]: schemas });
}

/** The schemas `withBody` / `withQuery` marked a handler with (empty for any other handler). */
export function requestSchemasOf(handler: unknown): RequestSchemas {
  return (handler as { [REQUEST_SCHEMAS]?: RequestSchemas } | undefined)?.[REQUEST_SCHEMAS] ?? {};
}

/** Runs `handler` with the request body parsed by `schema`. */
export function withBody<S extends z.ZodType>(
  schema: S,
  handler: (body: z.infer<S>, req: Request, res: Response, next: NextFunction) => unknown,
): RequestHandler {
  return tagged((req, res, next) => handler(parseOrThrow(schema, req.body), req, res, next), { body: schema });
}

/** Runs `handler` with the query string parsed by `schema`. */
export function withQuery<S extends z.ZodType>(
  schema: S,
  handler: (query: z.infer<S>, req: Request, res: Response, next: NextFunction) => unknown,
): RequestHandler {
  return tagged((req, res, next) => handler(parseOrThrow(schema, req.query), req, res, next), { query: schema });
}

// The field rules shared with the elements live in the contract.
export { emailField, nameField } from '../../contract/fields';
