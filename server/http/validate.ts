/**
 * Request validation with zod, one schema beside each route: `withBody(Schema, handler)` parses
 * the JSON body before the handler runs and hands it over typed; a body that does not fit answers
 * 400 `invalid_request` with one stable code per bad field (`fields: { email: "invalid_email" }`),
 * which the elements translate. Error codes come from the schemas' own messages where given.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
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
 * fail as a 500 in a query (SECURITY.md I4). Iterative, so no input can exhaust the stack.
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
    if (nulAt !== undefined) throw ApiError.of(CommonErrors, 'invalid_request', { fields: { [nulAt]: 'invalid_characters' } });
    return result.data;
  }
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? issue.keys.join(',') : 'body';
    fields[key] ??= issueCode(issue);
  }
  throw ApiError.of(CommonErrors, 'invalid_request', { fields });
}

/** Runs `handler` with the request body parsed by `schema`. */
export function withBody<S extends z.ZodType>(
  schema: S,
  handler: (body: z.infer<S>, req: Request, res: Response, next: NextFunction) => unknown,
): RequestHandler {
  return (req, res, next) => handler(parseOrThrow(schema, req.body), req, res, next);
}

/** Runs `handler` with the query string parsed by `schema`. */
export function withQuery<S extends z.ZodType>(
  schema: S,
  handler: (query: z.infer<S>, req: Request, res: Response, next: NextFunction) => unknown,
): RequestHandler {
  return (req, res, next) => handler(parseOrThrow(schema, req.query), req, res, next);
}

/** An email address as accounts use it: trimmed, at most 254 characters, one @ with text both sides. */
export const emailField = z
  .string('invalid_email')
  .trim()
  .max(254, 'invalid_email')
  .pipe(z.email('invalid_email'))
  .transform((email) => email.toLowerCase());

/**
 * What no name people see may hold: control characters (line breaks and tabs end up in mail
 * subjects and break lines; U+0000 cannot even be stored), line and paragraph separators,
 * bidirectional embeddings, overrides and isolates (which make a name read differently from what
 * it is: "Acme\u202Egnp.exe" shows as "Acmeexe.png"), and lone surrogates (no character at all).
 */
const UNSAFE_NAME_CHARACTERS = /[\p{Cc}\p{Cs}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/**
 * The one rule for every name a user or an administrator sets and others see — display names,
 * organization names, passkey names, the titles of onboarding paths, steps, checklist items and
 * templates: normalised to NFC (so that "é" typed two ways is one name), trimmed, 1 to `max`
 * characters, and `invalid_characters` for anything in UNSAFE_NAME_CHARACTERS. Letters of every
 * script, combining marks, emoji and zero-width joiners (which emoji and several scripts need)
 * are all fine.
 */
export const nameField = (max: number) =>
  z
    .string()
    .normalize('NFC')
    .trim()
    .min(1, 'required')
    .max(max, 'too_long')
    .refine((name) => !UNSAFE_NAME_CHARACTERS.test(name), 'invalid_characters');
