/**
 * The event catalogue fed by the domain events (contract/webhooks.ts, docs/webhooks.md "Events"):
 * each catalogued domain event becomes a message `{ type, timestamp, data }` queued, in the
 * publisher's transaction, to every active endpoint subscribed to it in the organizations it
 * belongs to. Which organizations: an organization's event (it names one) goes to that
 * organization only; a user's event goes to every organization the user is a member of when it
 * happens (`user.deleted` is published while the memberships still exist).
 */
import type { Knex } from 'knex';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../contract/webhooks';
import type { DomainEvent } from '../../events/domain-events';
import type { Services } from '../../services';
import { queueAttempt } from './delivery';
import { organizationsOfUser, subscribers } from './webhooks.queries';

/** The body every delivery sends (Standard Webhooks' recommended shape). */
export function messageBody(type: string, data: Record<string, unknown>, at = new Date()): string {
  return JSON.stringify({ type, timestamp: at.toISOString(), data });
}

/** What a domain event's message carries: its fields but the type. */
function dataOf(event: DomainEvent): Record<string, unknown> {
  const { type: _type, ...data } = event;
  return data;
}

async function organizationsOf(trx: Knex.Transaction, event: DomainEvent): Promise<string[]> {
  if ('organizationId' in event) return [event.organizationId];
  return organizationsOfUser(trx, event.userId);
}

/** Subscribes webhooks to every catalogued domain event (start-up, once). */
export function subscribeWebhooks(services: Services): void {
  const { events } = services;
  for (const type of WEBHOOK_EVENT_TYPES) {
    events.subscribe(type, async (trx, event) => {
      const hooks = await subscribers(trx, await organizationsOf(trx, event), type);
      if (!hooks.length) return;
      const requestBody = messageBody(type satisfies WebhookEventType, dataOf(event));
      for (const hook of hooks) await queueAttempt(services, trx, { webhookId: hook.id, eventType: type, requestBody });
    });
  }
}
