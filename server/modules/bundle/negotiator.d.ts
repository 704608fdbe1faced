/**
 * The part of negotiator 1.x acct uses (its DefinitelyTyped types describe 0.6, without the
 * server's preference order that breaks ties between encodings a client accepts equally).
 */
declare module 'negotiator' {
  import type { IncomingMessage } from 'node:http';

  export default class Negotiator {
    constructor(request: Pick<IncomingMessage, 'headers'>);
    /** The best of `available` for the request's Accept-Encoding; ties go to the first of `preferred`. */
    encoding(available: readonly string[], options?: { preferred?: readonly string[] }): string | undefined;
    /** The acceptable ones of `available`, best first, ties in the order of `preferred`. */
    encodings(available: readonly string[], options?: { preferred?: readonly string[] }): string[];
  }
}
