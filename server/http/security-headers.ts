/**
 * The security headers of every answer (helmet), in one place for the two ways an answer leaves
 * the server: the Express middleware, and the session check answered ahead of Express
 * (modules/sessions/direct-session-check.ts), which needs them as a fixed list.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export function securityHeaders({ publicUrl }: { publicUrl: string }): RequestHandler {
  return helmet({
    // JSON answers and the bundle need nothing from a CSP; hosted pages set their own policy.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only means something over HTTPS; on http://localhost it would only confuse.
    strictTransportSecurity: publicUrl.startsWith('https:'),
    // Headers for documents or for retired browsers and plug-ins (IE downloads, Flash, the XSS
    // auditor, DNS prefetch, agent clusters) mean nothing on JSON answers, and every header is
    // written on every answer. The hosted pages, which are documents, add what they need.
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
}

/**
 * What `middleware` sets, as `[name, value, name, value, …]` (the raw form `writeHead` takes).
 * Read once, by running it on a real but unsent response: the headers depend on the settings,
 * never on the request, so this list is exactly what the middleware would set on any answer.
 */
export function fixedHeaders(middleware: RequestHandler): string[] {
  const request = new IncomingMessage(new Socket());
  const response = new ServerResponse(request);
  let called = false;
  middleware(request as never, response as never, () => (called = true));
  if (!called) throw new Error('fixedHeaders: the middleware did not pass the request on');
  return Object.entries(response.getHeaders()).flatMap(([name, value]) => [name, String(value)]);
}
