/**
 * Passkey routes: the two ceremonies (options, then verify) for registering and for signing in,
 * and the signed-in user's list, rename and remove. WebAuthn responses are checked for shape here
 * (sizes bounded) and for meaning by SimpleWebAuthn in the service.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { ApiError } from '../../http/errors';
import { nameField, withBody } from '../../http/validate';
import type { Services } from '../../services';
import { requestContext } from '../sessions/request-context';
import { requireSession, sessionOf } from '../sessions/require-session';
import { issueSession } from '../sessions/session-transport';
import {
  authenticationOptions,
  listPasskeys,
  PasskeyErrors,
  registrationOptions,
  removePasskey,
  renamePasskey,
  verifyAuthentication,
  verifyRegistration,
} from './passkeys.service';

const b64url = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9_-]*$/, 'invalid_passkey_response');

const credentialBase = {
  id: b64url(1024),
  rawId: b64url(1024),
  type: z.literal('public-key'),
  clientExtensionResults: z.looseObject({}).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
};

const RegistrationResponse = z.looseObject({
  ...credentialBase,
  response: z.looseObject({
    clientDataJSON: b64url(8192),
    attestationObject: b64url(65_536),
    transports: z.array(z.string().max(20)).max(10).optional(),
  }),
});

const AuthenticationResponse = z.looseObject({
  ...credentialBase,
  response: z.looseObject({
    clientDataJSON: b64url(8192),
    authenticatorData: b64url(8192),
    signature: b64url(2048),
    userHandle: b64url(1024).optional(),
  }),
});

const Empty = z.object({}).strict();
const RegisterBody = z.object({ response: RegistrationResponse, name: nameField(100).optional() }).strict();
const AuthenticateBody = z.object({ response: AuthenticationResponse }).strict();
const RenameBody = z.object({ name: nameField(100) }).strict();
const PasskeyId = z.uuid();

export function passkeyRoutes(services: Services): Router {
  const { config } = services;
  const transport = { transport: config.session.transport, publicUrl: config.publicUrl };
  const signedIn = requireSession(services);
  const router = Router();

  const idParam = (raw: string | string[] | undefined) => {
    const id = PasskeyId.safeParse(raw);
    if (!id.success) throw ApiError.of(PasskeyErrors, 'not_found');
    return id.data;
  };

  router.post('/passkeys/register/options', signedIn, withBody(Empty, async (_b, req, res) => {
    res.json(await registrationOptions(services, sessionOf(req)));
  }));

  router.post('/passkeys/register/verify', signedIn, withBody(RegisterBody, async (body, req, res) => {
    const passkey = await verifyRegistration(services, sessionOf(req), { response: body.response as unknown as RegistrationResponseJSON, name: body.name }, requestContext(req));
    res.status(201).json({ passkey });
  }));

  router.post('/passkeys/authenticate/options', withBody(Empty, async (_b, req, res) => {
    res.json(await authenticationOptions(services, requestContext(req)));
  }));

  router.post('/passkeys/authenticate/verify', withBody(AuthenticateBody, async (body, req, res) => {
    const { user, session } = await verifyAuthentication(services, body.response as unknown as AuthenticationResponseJSON, requestContext(req));
    res.json({ user, session: issueSession(res, transport, session), method: 'passkey' });
  }));

  router.get('/passkeys', signedIn, async (req, res) => {
    res.json({ passkeys: await listPasskeys(services, sessionOf(req).userId) });
  });

  router.patch('/passkeys/:id', signedIn, withBody(RenameBody, async (body, req, res) => {
    res.json({ passkey: await renamePasskey(services, sessionOf(req).userId, idParam(req.params.id), body.name) });
  }));

  router.delete('/passkeys/:id', signedIn, async (req, res) => {
    const { sessionsEnded } = await removePasskey(services, sessionOf(req), idParam(req.params.id));
    res.json({ removed: true, sessionsEnded });
  });

  return router;
}
