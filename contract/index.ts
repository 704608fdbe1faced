/**
 * The wire contract between the acct server and its elements (docs/architecture.md, "The wire
 * contract"): request schemas, answer types, error codes and event names, written once.
 */
import { AccountDeletionErrors } from './account-deletion.js';
import { AdminErrors } from './admin.js';
import { ApiTokenErrors } from './api-tokens.js';
import { AuthErrors } from './auth.js';
import { ChecklistErrors } from './checklist.js';
import { ClientConfigErrors } from './client-config.js';
import { ConnectedAccountErrors } from './connected-accounts.js';
import { ConnectedAppErrors } from './connected-apps.js';
import { DataExportErrors } from './data-export.js';
import { CommonErrors, CsrfErrors, RateLimitErrors } from './errors.js';
import { LoginHistoryErrors } from './login-history.js';
import { MfaErrors } from './mfa.js';
import { NotificationErrors } from './notifications.js';
import { OAuthErrors } from './oauth.js';
import { OnboardingErrors } from './onboarding.js';
import { OrganizationErrors } from './organizations.js';
import { PasskeyErrors } from './passkeys.js';
import { ProviderTokenErrors } from './provider-tokens.js';
import { PushErrors } from './push.js';
import { ReauthErrors } from './reauthentication.js';
import { SessionErrors } from './sessions.js';
import { TemplateErrors } from './templates.js';
import { UserErrors } from './users.js';
import { WebhookErrors } from './webhooks.js';

export * from './constants.js';
export * from './events.js';
export * from './routes.js';
export * from './wire.js';

/** Every error code the API answers with, and its status and default message. */
export const ERROR_CATALOGUE = {
  ...CommonErrors,
  ...CsrfErrors,
  ...RateLimitErrors,
  ...AuthErrors,
  ...SessionErrors,
  ...PasskeyErrors,
  ...ConnectedAccountErrors,
  ...UserErrors,
  ...LoginHistoryErrors,
  ...ClientConfigErrors,
  ...OnboardingErrors,
  ...OrganizationErrors,
  ...ChecklistErrors,
  ...ProviderTokenErrors,
  ...TemplateErrors,
  ...AdminErrors,
  ...OAuthErrors,
  ...DataExportErrors,
  ...PushErrors,
  ...NotificationErrors,
  ...AccountDeletionErrors,
  ...ApiTokenErrors,
  ...ConnectedAppErrors,
  ...ReauthErrors,
  ...WebhookErrors,
  ...MfaErrors,
} as const;
export type ErrorCode = keyof typeof ERROR_CATALOGUE;
