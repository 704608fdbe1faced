/**
 * Avatars: `PUT /api/me/avatar` uploads the signed-in user's picture, `DELETE /api/me/avatar`
 * removes it (both under /api), and `GET /avatars/:userId/:sha256` serves it to anyone — any
 * site may show a user's avatar — with headers that keep it an image: its sniffed type, `nosniff`,
 * a CSP that lets nothing run, and an immutable cache (the address changes with the bytes).
 */
import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { EmptyBody } from '../../../contract/sessions';
import { AvatarUpload } from '../../../contract/users';
import { reply } from '../../http/reply';
import { withBody } from '../../http/validate';
import type { Services } from '../../services';
import { requireSession, sessionOf } from '../sessions/require-session';
import { AVATAR_PATH, avatarBodyLimit, removeAvatar, servedAvatar, uploadAvatar } from './avatars.service';

const UPLOAD_PATH = '/me/avatar';

/**
 * The upload's own JSON parser (PUT only), mounted before the API's (whose 100 kB limit is for
 * forms): the API's parser then sees the body read and leaves it.
 */
export function avatarBodyParser(services: Services) {
  const parse = express.json({ limit: avatarBodyLimit(services.config.avatarMaxBytes), strict: true });
  const uploadOnly: RequestHandler = (req, res, next) => (req.method === 'PUT' ? parse(req, res, next) : next());
  return [UPLOAD_PATH, uploadOnly] as const;
}

/** API part, mounted under /api. */
export function avatarApiRoutes(services: Services): Router {
  const router = Router();
  const signedIn = requireSession(services);
  router.put(
    UPLOAD_PATH,
    signedIn,
    withBody(AvatarUpload, async ({ image }, req, res) => {
      reply(res, 'PUT /api/me/avatar', { user: await uploadAvatar(services, sessionOf(req).userId, image) });
    }),
  );
  router.delete(
    UPLOAD_PATH,
    signedIn,
    withBody(EmptyBody, async (_body, req, res) => {
      reply(res, 'DELETE /api/me/avatar', { user: await removeAvatar(services, sessionOf(req).userId) });
    }),
  );
  return router;
}

const AvatarParams = z.object({ userId: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** The public pictures, mounted at the root. */
export function avatarFiles(services: Services): Router {
  const router = Router();
  router.get(`${AVATAR_PATH}/:userId/:sha256`, async (req, res, next) => {
    const params = AvatarParams.safeParse(req.params);
    const avatar = params.success ? await servedAvatar(services, params.data.userId, params.data.sha256) : undefined;
    if (!avatar) return next(); // the 404 handler
    res.set({
      'Content-Type': avatar.contentType,
      'Content-Length': String(avatar.bytes.length),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      // Any site shows its users' avatars: helmet's same-origin default would block the <img>.
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
    res.end(avatar.bytes);
  });
  return router;
}
