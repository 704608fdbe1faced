/**
 * How a translation tree (the elements' widgets/src/core/i18n/en.ts, the server's
 * server/i18n/en.ts) is compared with another language's, for both sides' completeness tests:
 * its leaves by dotted path, and a sample of each message with stand-ins for the values it is
 * given, so that placeholders can be matched. Shared here because the contract is the one place
 * both sides import; only tests import this file, so it never reaches the bundle.
 */

/** Every leaf of a message tree: its dotted path and its value (a string, a function, a flag). */
export function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [p, v] of leaves(value, path)) found.set(p, v);
    else found.set(path, value);
  }
  return found;
}

/** The stand-in for a message's `i`th value: text no translation contains by itself. */
const marker = (i: number) => `⟦${i}⟧`;

/** A message as text: a string as it is, a function called with a stand-in for each of its values. */
export function sample(value: unknown): string {
  if (typeof value !== 'function') return String(value ?? '');
  const fn = value as (...args: unknown[]) => unknown;
  return String(fn(...Array.from({ length: fn.length }, (_, i) => marker(i))));
}

/** Which of its values a message shows (their stand-ins, sorted): a translation must show the same ones. */
export function placeholders(value: unknown): string[] {
  return [...new Set(sample(value).match(/⟦\d+⟧/g) ?? [])].sort();
}
