/**
 * `GET /.well-known/jwks.json`: the public keys site backends verify acct's JWTs with. Public,
 * cacheable for five minutes, readable from any origin (it holds nothing secret). Its shape is
 * RFC 7517's, not acct's, so it has no contract entry.
 */
import { Router } from 'express';
import type { SigningKeys } from './signing-keys';

export function jwksRoutes(signingKeys: SigningKeys): Router {
  const router = Router();
  router.get('/.well-known/jwks.json', async (_req, res) => {
    res
      .set({ 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' })
      .type('application/jwk-set+json')
      .send(JSON.stringify(await signingKeys.jwks()));
  });
  return router;
}
