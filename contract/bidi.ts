/**
 * Values in right-to-left sentences, for both sides' messages (the elements' strings, the
 * server's emails and hosted pages): each text value a message puts in its sentence is isolated
 * (U+2068 first strong isolate … U+2069 pop), so that an email address, an IP address or a name
 * keeps its characters in their own order. Without it, in an Arabic sentence, the bidirectional
 * algorithm orders the runs of `1234@example.com` as words of the sentence: `example.com@1234`.
 * Numbers are left to the message, which formats them itself; left-to-right languages are left as
 * they are.
 */

type Messages = Record<string, unknown>;

const isTree = (value: unknown): value is Messages =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `messages` with every message (a function, at any depth) isolating the text values it is given.
 * A message keeps its arity (the number of values it takes), which the completeness tests compare.
 */
export function isolateValues<T extends object>(messages: T): T {
  const isolated: Messages = {};
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'function') {
      const message = value as (...values: unknown[]) => string;
      const wrapped = (...values: unknown[]) =>
        message(...values.map((v) => (typeof v === 'string' ? `\u2068${v}\u2069` : v)));
      isolated[key] = Object.defineProperty(wrapped, 'length', { value: message.length });
    } else isolated[key] = isTree(value) ? isolateValues(value) : value;
  }
  return isolated as T;
}
