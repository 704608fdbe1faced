/**
 * Builds the Express application from its parts; it never listens, so tests mount it on an
 * ephemeral port and `start.ts` on the configured one. The order is the request's path through
 * it: logging → compression → security headers → `/api` (CORS, CSRF, JSON body, routes) → public files and hosted pages → 404 → errors.
 */
import compression from 'compression';
import express, { type Express } from 'express';
import { apiCors } from './http/cors';
import { csrfGuard } from './http/csrf';
import { errorHandler, notFoundHandler } from './http/errors';
import { mountHostedAssets } from './http/hosted-assets';
import { rejectDeepJson } from './http/json-limits';
import { requestLogger } from './http/logging';
import { API_CACHE_CONTROL } from './http/reply';
import { securityHeaders } from './http/security-headers';
import { hostedLoginPage } from './modules/hosted-login/hosted-login.routes';
import { bundleRoutes, DEFAULT_BUNDLE_DIR, isBundlePath } from './modules/bundle/bundle.routes';
import { openApiRoutes } from './modules/openapi/openapi.routes';
import { clientConfigRoutes } from './modules/client-config/client-config.routes';
import { accountPage } from './modules/account-page/account-page.routes';
import { avatarApiRoutes, avatarBodyParser, avatarFiles } from './modules/avatars/avatars.routes';
import { emailChangeApiRoutes, emailChangePages } from './modules/email-change/email-change.routes';
import { accountDeletionRoutes, cancelDeletionPage } from './modules/account-deletion/account-deletion.routes';
import { connectedAccountRoutes } from './modules/connected-accounts/connected-accounts.routes';
import { connectedAppCallbackPage, connectedAppRoutes } from './modules/connected-apps/connected-apps.routes';
import { dataExportRoutes } from './modules/data-export/data-export.routes';
import { notificationRoutes } from './modules/notifications/notifications.routes';
import { emailVerificationApiRoutes, verifyEmailPage } from './modules/email-verification/email-verification.routes';
import { healthRoutes } from './modules/health/health.routes';
import { loginHistoryRoutes } from './modules/login-history/login-history.routes';
import { magicLinkApiRoutes, magicLinkPage } from './modules/magic-links/magic-links.routes';
import { oauthPages } from './modules/oauth/oauth.routes';
import { providerTokenRoutes } from './modules/provider-tokens/provider-tokens.routes';
import { pushRoutes } from './modules/push/push.routes';
import { passkeyRoutes } from './modules/passkeys/passkeys.routes';
import { outboxRoutes } from './modules/mail/outbox.routes';
import { passwordRoutes } from './modules/passwords/passwords.routes';
import { resetPasswordPage } from './modules/passwords/reset-password.page';
import { invitationPage } from './modules/organizations/invitation.page';
import { organizationRoutes } from './modules/organizations/organizations.routes';
import { sessionRoutes } from './modules/sessions/sessions.routes';
import { userRoutes } from './modules/users/users.routes';
import { jwksRoutes } from './modules/signing-keys/jwks.routes';
import { adminRoutes } from './modules/admin/admin.routes';
import { apiTokenRoutes } from './modules/api-tokens/api-tokens.routes';
import { reauthenticationRoutes } from './modules/reauthentication/reauthentication.routes';
import { webhookRoutes } from './modules/webhooks/webhooks.routes';
import { mfaRoutes } from './modules/mfa/mfa.routes';
import { checklistRoutes } from './modules/checklist/checklist.routes';
import { onboardingRoutes } from './modules/onboarding/onboarding.routes';
import { templateRoutes } from './modules/templates/templates.routes';
import type { Services } from './services';

/** Largest JSON body the API reads; larger ones get 413 `payload_too_large`. */
const JSON_LIMIT = '100kb';
/** Answers smaller than this go as they are: compressing them costs more than it saves. */
const COMPRESSION_THRESHOLD = 1024;
/**
 * Hot routes whose answers are always far below the threshold (a user and a session; a health
 * ping): the compression middleware is skipped for them altogether, since merely wrapping an
 * answer (which it does before it can know the size) measurably slows the session check — and
 * it would add `Vary: Accept-Encoding`, which the session check answered ahead of Express
 * (sessions/direct-session-check.ts) does not send.
 */
const UNCOMPRESSED_PATHS = new Set(['/api/me', '/api/session', '/healthz']);

export function createApp(services: Services, bundleDir = DEFAULT_BUNDLE_DIR): Express {
  const { config, db, logger } = services;
  const app = express();
  app.disable('x-powered-by');
  // API answers are `no-store`: an ETag (a hash of every body) would be work nobody uses, so the
  // generator makes none. The setting stays enabled because Express hands it to sendFile, whose
  // own ETag (from the file's size and time) revalidates the bundle.
  app.set('etag', () => undefined);
  // Client addresses come from X-Forwarded-For only through proxies named in ACCT_TRUST_PROXY.
  app.set('trust proxy', config.trustProxy);
  // The languages a request's Accept-Language may choose (sessions/request-context.ts).
  app.set('acct languages', config.languages);

  app.use(requestLogger(logger));
  // Brotli or gzip for API answers and hosted pages over the threshold; the bundle is compressed
  // at build time and sent by its own route.
  const compress = compression({
    threshold: COMPRESSION_THRESHOLD,
    filter: (req, res) => !isBundlePath(req.path) && compression.filter(req, res),
  });
  app.use((req, res, next) => (UNCOMPRESSED_PATHS.has(req.path) ? next() : compress(req, res, next)));
  app.use(securityHeaders(config));

  const api = express.Router();
  api.use(apiCors(config.allowedOrigins, { ownOrigin: new URL(config.publicUrl).origin }));
  api.use((_req, res, next) => {
    res.set('Cache-Control', API_CACHE_CONTROL);
    next();
  });
  api.use(csrfGuard(config.allowedOrigins, new URL(config.publicUrl).origin));
  api.use(...avatarBodyParser(services));
  api.use(express.json({ limit: JSON_LIMIT, strict: true }));
  api.use(rejectDeepJson);
  // The session routes first: `GET /api/me` is the hottest route, and every router before it
  // costs a look at its routes.
  api.use(sessionRoutes(services));
  api.use(clientConfigRoutes(config));
  api.use(openApiRoutes(config, app));
  api.use(passwordRoutes(services));
  api.use(reauthenticationRoutes(services));
  api.use(emailVerificationApiRoutes(services));
  api.use(userRoutes(services));
  api.use(avatarApiRoutes(services));
  api.use(emailChangeApiRoutes(services));
  api.use(organizationRoutes(services));
  if (config.signInMethods.includes('magic-link')) api.use(magicLinkApiRoutes(services));
  if (config.signInMethods.includes('passkey')) api.use(passkeyRoutes(services));
  api.use(connectedAccountRoutes(services));
  api.use(loginHistoryRoutes(services));
  api.use(onboardingRoutes(services));
  api.use(checklistRoutes(services));
  api.use(providerTokenRoutes(services));
  api.use(templateRoutes(services));
  api.use(dataExportRoutes(services));
  api.use(adminRoutes(services));
  api.use(pushRoutes(services));
  api.use(notificationRoutes(services));
  api.use(accountDeletionRoutes(services));
  api.use(apiTokenRoutes(services));
  api.use(connectedAppRoutes(services));
  api.use(webhookRoutes(services));
  api.use(mfaRoutes(services));
  if (config.mail.devOutbox) api.use(outboxRoutes(services.mail));
  // The API first (one prefix test for everything under /api), then the few public files and the
  // landing pages of emailed links.
  app.use('/api', api);
  app.use(healthRoutes(db.knex));
  app.use(bundleRoutes(bundleDir, config.bundleMaxAgeSeconds));
  app.use(jwksRoutes(services.signingKeys));
  app.use(avatarFiles(services));

  // The landing pages of emailed links, on the server's own origin.
  const hosted = express.Router();
  mountHostedAssets(hosted, config.brand);
  hosted.use(verifyEmailPage(services));
  hosted.use(emailChangePages(services));
  hosted.use(resetPasswordPage(services));
  if (config.signInMethods.includes('magic-link')) hosted.use(magicLinkPage(services));
  hosted.use(invitationPage(services));
  hosted.use(cancelDeletionPage(services));
  if (config.oauthProviders.length) hosted.use(oauthPages(services));
  if (config.connectedApps.length) hosted.use(connectedAppCallbackPage(services));
  hosted.use(hostedLoginPage(services));
  hosted.use(accountPage(services));
  app.use(hosted);

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
