/**
 * An organization's webhooks (server/modules/webhooks, docs/webhooks.md): endpoints subscribed to
 * event types from `WEBHOOK_EVENT_TYPES`, signed the Standard Webhooks way with a secret answered
 * once (at creation and at rotation), and a delivery log of every attempt that can be replayed.
 * Managed by the organization's owners and admins, or by an API token with `webhooks:manage`.
 */
import { z } from 'zod';
import type { EmptyBody } from './onboarding.js';
import { OrganizationErrors } from './organizations.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

/**
 * The event catalogue, grouped by category (the element's picker shows one group per category).
 * Each type is documented with an example in docs/webhooks.md.
 */
export const WEBHOOK_EVENT_CATALOGUE = {
  user: ['user.created', 'user.profile_updated', 'user.deleted'],
  session: ['session.created'],
  organization: ['organization.member_added', 'organization.invitation_sent', 'connected_app.connected'],
  onboarding: ['onboarding.completed', 'checklist.item_completed'],
} as const;

export type WebhookEventCategory = keyof typeof WEBHOOK_EVENT_CATALOGUE;
export type WebhookEventType = (typeof WEBHOOK_EVENT_CATALOGUE)[WebhookEventCategory][number];
export const WEBHOOK_EVENT_TYPES = Object.values(WEBHOOK_EVENT_CATALOGUE).flat() as WebhookEventType[];

/** The event "send test event" delivers; no endpoint subscribes to it, every endpoint can receive it. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** The most endpoints an organization may have. */
export const MAX_WEBHOOKS_PER_ORGANIZATION = 20;

/** The longest URL an endpoint may have. */
export const MAX_WEBHOOK_URL_LENGTH = 2000;

/**
 * An endpoint URL: http(s) only, no credentials, no fragment. Where it may point (not loopback,
 * private networks…) is checked again on every connection (docs/security.md H2).
 */
export const webhookUrlField = z
  .string('invalid_url')
  .trim()
  .max(MAX_WEBHOOK_URL_LENGTH, 'too_long')
  // The authority holds no `@` (no credentials), nothing holds spaces, and there is no fragment.
  .regex(/^https?:\/\/[^\s/?#@\\]+(?:[/?][^\s#]*)?$/i, 'invalid_url');

const eventsField = z
  .array(z.enum(WEBHOOK_EVENT_TYPES as [WebhookEventType, ...WebhookEventType[]], 'invalid_event'))
  .min(1, 'required')
  .max(WEBHOOK_EVENT_TYPES.length, 'too_long')
  .refine((events) => new Set(events).size === events.length, 'duplicate_event');

const descriptionField = z.string('invalid_type').trim().max(500, 'too_long');

/** `POST /api/organizations/:id/webhooks`. */
export const CreateWebhookBody = z
  .object({ url: webhookUrlField, events: eventsField, description: descriptionField.optional() })
  .strict();

/** `PATCH /api/organizations/:id/webhooks/:webhookId`: any of these; `active: true` re-enables a disabled endpoint. */
export const UpdateWebhookBody = z
  .object({
    url: webhookUrlField.optional(),
    events: eventsField.optional(),
    description: descriptionField.optional(),
    active: z.boolean('invalid_type').optional(),
  })
  .strict();

/** `GET …/deliveries`: newest first, `before` the `cursor` of the previous page. */
export const ListDeliveriesQuery = z
  .object({
    limit: z.coerce.number('invalid_type').int('invalid_type').min(1, 'too_small').max(100, 'too_long').optional(),
    before: z.uuid('invalid_cursor').optional(),
  })
  .strict();

/** Why an endpoint stopped receiving: turned off by an admin, answered 410 Gone, or failed too often. */
export type WebhookDisabledReason = 'manual' | 'gone' | 'failing';

/** An endpoint as its organization's admins see it; never its secret. */
export interface Webhook {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  active: boolean;
  disabledReason: WebhookDisabledReason | null;
  /** Failed attempts in a row since the last success. */
  failureCount: number;
  lastTriggeredAt: Timestamp | null;
  createdAt: Timestamp;
  /** Until then, a rotated-out secret still signs deliveries beside the new one. */
  previousSecretExpiresAt: Timestamp | null;
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** One attempt at delivering one message (`messageId`, the `webhook-id` header, shared by its retries). */
export interface WebhookDelivery {
  id: string;
  messageId: string;
  eventType: string;
  attempt: number;
  status: DeliveryStatus;
  /** The HTTP status answered, null when none was (timeout, refused address, network error). */
  responseStatus: number | null;
  /** The answer's body, cut at 4 KiB. */
  responseBody: string | null;
  /** Why an attempt failed without an answer, e.g. `timeout`, `blocked_address`, `redirect`. */
  error: string | null;
  durationMs: number | null;
  /** The exact JSON body sent (or to be sent). */
  requestBody: string;
  createdAt: Timestamp;
  /** When the attempt was made; for a pending one, when it is due. */
  attemptedAt: Timestamp | null;
  dueAt: Timestamp | null;
}

export interface WebhookEventCatalogue {
  categories: { category: WebhookEventCategory; events: WebhookEventType[] }[];
}

export const WebhookErrors = {
  not_found: OrganizationErrors.not_found,
  forbidden_role: OrganizationErrors.forbidden_role,
  too_many_webhooks: {
    status: 409,
    message: `An organization can have at most ${MAX_WEBHOOKS_PER_ORGANIZATION} webhook endpoints. Delete one first.`,
  },
  webhook_url_blocked: {
    status: 400,
    message: 'This URL points to a private, loopback or otherwise reserved address, which webhooks cannot reach.',
  },
} as const satisfies ErrorCatalogue;

/** This area's routes (owners and admins, or an API token with `webhooks:manage`). */
export interface WebhookRoutes {
  'GET /api/organizations/:id/webhooks/events': Route<never, WebhookEventCatalogue>;
  'GET /api/organizations/:id/webhooks': Route<never, { webhooks: Webhook[] }>;
  /** 201 with the endpoint and, this once only, its secret (`whsec_…`). */
  'POST /api/organizations/:id/webhooks': Route<
    z.input<typeof CreateWebhookBody>,
    { webhook: Webhook; secret: string }
  >;
  'PATCH /api/organizations/:id/webhooks/:webhookId': Route<z.input<typeof UpdateWebhookBody>, { webhook: Webhook }>;
  'DELETE /api/organizations/:id/webhooks/:webhookId': Route<never, { deleted: true }>;
  /** A new secret, answered once; the old one keeps signing beside it for 24 hours. */
  'POST /api/organizations/:id/webhooks/:webhookId/rotate-secret': Route<
    z.input<typeof EmptyBody>,
    { webhook: Webhook; secret: string }
  >;
  /** Queues a `webhook.test` event to this endpoint. */
  'POST /api/organizations/:id/webhooks/:webhookId/test': Route<
    z.input<typeof EmptyBody>,
    { delivery: WebhookDelivery }
  >;
  'GET /api/organizations/:id/webhooks/:webhookId/deliveries': Route<
    never,
    { deliveries: WebhookDelivery[]; nextCursor: string | null },
    z.input<typeof ListDeliveriesQuery>
  >;
  'GET /api/organizations/:id/webhooks/:webhookId/deliveries/:deliveryId': Route<never, { delivery: WebhookDelivery }>;
  /** Sends the delivery's message again (same `webhook-id`), as a new attempt chain. */
  'POST /api/organizations/:id/webhooks/:webhookId/deliveries/:deliveryId/replay': Route<
    z.input<typeof EmptyBody>,
    { delivery: WebhookDelivery }
  >;
}
