/**
 * Limits on the shape of JSON the API reads, measured without recursion. JSON.parse copes with
 * any nesting, but recursive code after it does not: `JSON.stringify` of 5,000 nested arrays
 * (10 kB, far under the size limit) overflows the stack, which a size check in a schema turned
 * into a 500. So the API refuses bodies nested deeper than `MAX_JSON_DEPTH` right after parsing
 * (400 `too_deeply_nested`), and size checks use `jsonLength`, which walks a value with a stack
 * of its own (docs/security.md I4).
 */
import type { RequestHandler } from 'express';
import { ApiError, CommonErrors } from './errors';

/** The deepest nesting of objects and arrays a request body may have; acct's own bodies need 4. */
export const MAX_JSON_DEPTH = 32;

/** Whether `value` nests objects and arrays deeper than `maxDepth` (a bare object is depth 1). */
export function nestedDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth > maxDepth) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child !== null && typeof child === 'object') pending.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * The length of `JSON.stringify(value)` for a value parsed from JSON (strings, finite numbers,
 * booleans, null, arrays and plain objects), computed iteratively so that no input can exhaust
 * the stack.
 */
export function jsonLength(value: unknown): number {
  let length = 0;
  const pending: unknown[] = [value];
  while (pending.length) {
    const item = pending.pop();
    if (Array.isArray(item)) {
      length += 2 + Math.max(0, item.length - 1); // brackets and commas
      // JSON.stringify writes undefined array entries as null.
      for (const child of item) pending.push(child === undefined ? null : child);
    } else if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item).filter(([, child]) => child !== undefined);
      length += 2 + Math.max(0, entries.length - 1); // braces and commas
      for (const [key, child] of entries) {
        length += JSON.stringify(key).length + 1; // "key":
        pending.push(child);
      }
    } else if (item !== undefined) {
      length += JSON.stringify(item).length;
    }
  }
  return length;
}

/** After `express.json()`: 400 `too_deeply_nested` for a body nested deeper than MAX_JSON_DEPTH. */
export const rejectDeepJson: RequestHandler = (req, _res, next) => {
  if (req.body !== null && typeof req.body === 'object' && nestedDeeperThan(req.body, MAX_JSON_DEPTH)) {
    throw ApiError.of(CommonErrors, 'too_deeply_nested');
  }
  next();
};
