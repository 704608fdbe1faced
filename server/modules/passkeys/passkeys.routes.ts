/**
 * Passkey routes: the two ceremonies (options, then verify) for registering and for signing in,
 * and the signed-in user's list, rename and remove. WebAuthn responses are checked for shape here
 * (sizes bounded, by the contract's schemas) and for meaning by SimpleWebAuthn in the service.
 * The rate limits are the service's: the sign-in ceremony spends its tokens before its challenge.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import {
  AuthenticatePasskeyBody,
  PasskeyErrors,
  PasskeyOptionsBody,
  RegisterPasskeyBody,
  RenamePasskeyBody,
} from '../../../contract/passkeys';
import { ApiError } from '../../http/errors';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import type { Services } from '../../services';
import { requestContext } from '../sessions/request-context';
import { requireSession, sessionOf } from '../sessions/require-session';
import { issueSession } from '../sessions/session-transport';
import {
  authenticationOptions,
  listPasskeys,
  registrationOptions,
  removePasskey,
  renamePasskey,
  verifyAuthentication,
  verifyRegistration,
} from './passkeys.service';

const PasskeyId = z.uuid();

/** A passkey id from the path; anything that is not one names no passkey (404, like another user's). */
function idParam(raw: string | string[] | undefined): string {
  const id = PasskeyId.safeParse(raw);
  if (!id.success) throw ApiError.of(PasskeyErrors, 'not_found');
  return id.data;
}

export function passkeyRoutes(services: Services): Router {
  const { config } = services;
  const transport = { transport: config.session.transport, publicUrl: config.publicUrl };
  const signedIn = requireSession(services);
  const router = Router();

  router.post(
    '/passkeys/register/options',
    signedIn,
    withBody(PasskeyOptionsBody, async (_body, req, res) => {
      reply(res, 'POST /api/passkeys/register/options', await registrationOptions(services, sessionOf(req)));
    }),
  );

  router.post(
    '/passkeys/register/verify',
    signedIn,
    withBody(RegisterPasskeyBody, async (body, req, res) => {
      // The schema checked the shape; SimpleWebAuthn checks the rest, so its type is taken as given.
      const input = { response: body.response as unknown as RegistrationResponseJSON, name: body.name };
      const passkey = await verifyRegistration(services, sessionOf(req), input, requestContext(req));
      reply(res, 'POST /api/passkeys/register/verify', { passkey }, 201);
    }),
  );

  router.post(
    '/passkeys/authenticate/options',
    withBody(PasskeyOptionsBody, async (_body, req, res) => {
      reply(res, 'POST /api/passkeys/authenticate/options', await authenticationOptions(services, requestContext(req)));
    }),
  );

  router.post(
    '/passkeys/authenticate/verify',
    withBody(AuthenticatePasskeyBody, async (body, req, res) => {
      const response = body.response as unknown as AuthenticationResponseJSON;
      const result = await verifyAuthentication(services, response, requestContext(req));
      if (result.status === 'mfa_required') return reply(res, 'POST /api/passkeys/authenticate/verify', result);
      reply(res, 'POST /api/passkeys/authenticate/verify', {
        user: result.user,
        session: issueSession(res, transport, result.session),
        method: 'passkey',
      });
    }),
  );

  router.get('/passkeys', signedIn, async (req, res) => {
    reply(res, 'GET /api/passkeys', { passkeys: await listPasskeys(services, sessionOf(req).userId) });
  });

  router.patch(
    '/passkeys/:id',
    signedIn,
    withBody(RenamePasskeyBody, async (body, req, res) => {
      const passkey = await renamePasskey(services, sessionOf(req).userId, idParam(req.params.id), body.name);
      reply(res, 'PATCH /api/passkeys/:id', { passkey });
    }),
  );

  router.delete('/passkeys/:id', signedIn, async (req, res) => {
    const { sessionsEnded } = await removePasskey(
      services,
      sessionOf(req),
      idParam(req.params.id),
      requestContext(req),
    );
    reply(res, 'DELETE /api/passkeys/:id', { removed: true, sessionsEnded });
  });

  return router;
}
