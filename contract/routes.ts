/**
 * Every route of the JSON API in one map, keyed `METHOD /api/path` exactly as the elements call
 * it (`:name` marks a path parameter). The server checks each answer against `ResponseOf<K>`
 * (server/http/reply.ts) and the elements' `ApiClient.call(K, …)` is typed from the same entry.
 */
import type { AccountDeletionRoutes } from './account-deletion.js';
import type { AdminRoutes } from './admin.js';
import type { ApiTokenRoutes } from './api-tokens.js';
import type { ReauthRoutes } from './reauthentication.js';
import type { AuthRoutes } from './auth.js';
import type { ChecklistRoutes } from './checklist.js';
import type { ClientConfigRoutes } from './client-config.js';
import type { ConnectedAccountRoutes } from './connected-accounts.js';
import type { ConnectedAppRoutes } from './connected-apps.js';
import type { DataExportRoutes } from './data-export.js';
import type { LoginHistoryRoutes } from './login-history.js';
import type { MailRoutes } from './mail.js';
import type { MfaRoutes } from './mfa.js';
import type { NotificationRoutes } from './notifications.js';
import type { OnboardingRoutes } from './onboarding.js';
import type { OrganizationRoutes } from './organizations.js';
import type { PasskeyRoutes } from './passkeys.js';
import type { ProviderTokenRoutes } from './provider-tokens.js';
import type { PushRoutes } from './push.js';
import type { SessionRoutes } from './sessions.js';
import type { TemplateRoutes } from './templates.js';
import type { UserRoutes } from './users.js';
import type { WebhookRoutes } from './webhooks.js';

export type ApiRoutes = AuthRoutes &
  SessionRoutes &
  PasskeyRoutes &
  ConnectedAccountRoutes &
  MailRoutes &
  UserRoutes &
  LoginHistoryRoutes &
  ClientConfigRoutes &
  OnboardingRoutes &
  OrganizationRoutes &
  ChecklistRoutes &
  ProviderTokenRoutes &
  TemplateRoutes &
  AdminRoutes &
  DataExportRoutes &
  PushRoutes &
  NotificationRoutes &
  AccountDeletionRoutes &
  ApiTokenRoutes &
  ConnectedAppRoutes &
  ReauthRoutes &
  WebhookRoutes &
  MfaRoutes;

export type RouteKey = keyof ApiRoutes & string;
export type BodyOf<K extends RouteKey> = ApiRoutes[K]['body'];
export type QueryOf<K extends RouteKey> = ApiRoutes[K]['query'];
export type ResponseOf<K extends RouteKey> = ApiRoutes[K]['response'];
export type MethodOf<K extends string> = K extends `${infer Method} ${string}` ? Method : never;
export type PathOf<K extends string> = K extends `${string} ${infer Path}` ? Path : never;
