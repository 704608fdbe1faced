/**
 * The one place where modules announce what happened — an invitation sent, a profile filled in,
 * an onboarding step completed — and where other modules react. Handlers run inside the
 * publisher's transaction, so a reaction (the setup checklist ticking an item) commits or rolls
 * back with its cause. Webhooks subscribe here and queue their deliveries the same way, without
 * touching the modules that publish (server/modules/webhooks/webhook-events.ts).
 */
import type { Knex } from 'knex';

export type DomainEvent =
  | {
      type: 'user.profile_updated';
      userId: string;
      profile: { displayName: string | null; avatarUrl: string | null; bio: string | null };
    }
  /** The account's address changed (`undo`: given back through the undo link); email-change module. */
  | { type: 'user.email_changed'; userId: string; from: string; to: string; undo: boolean }
  /** A new account (password sign-up, social sign-in, an accepted invitation). */
  | { type: 'user.created'; userId: string; email: string }
  /** A sign-in opened a session. */
  | { type: 'session.created'; userId: string; sessionId: string; method: string }
  | { type: 'organization.created'; userId: string; organizationId: string }
  /** Someone became a member: the creator as owner, or an invitee accepting. */
  | { type: 'organization.member_added'; userId: string; organizationId: string; role: string }
  | { type: 'organization.invitation_sent'; userId: string; organizationId: string; email: string }
  | { type: 'connected_app.connected'; userId: string; organizationId: string; provider: string }
  | { type: 'onboarding.started'; userId: string; pathId: string }
  | { type: 'onboarding.step_completed'; userId: string; pathId: string; step: string }
  | { type: 'onboarding.step_skipped'; userId: string; pathId: string; step: string }
  | { type: 'onboarding.completed'; userId: string; pathId: string }
  | { type: 'checklist.item_completed'; userId: string; item: string; source: 'user' | 'event' | 'site' }
  | { type: 'template.used'; userId: string; templateId: string }
  /** The account is being deleted, in the deleting transaction (the user row still exists while handlers run). */
  | { type: 'user.deleted'; userId: string };

export type DomainEventType = DomainEvent['type'];
type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
type Handler<T extends DomainEventType> = (trx: Knex.Transaction, event: EventOf<T>) => Promise<void>;

export class DomainEvents {
  private readonly handlers = new Map<
    DomainEventType,
    ((trx: Knex.Transaction, event: DomainEvent) => Promise<void>)[]
  >();

  subscribe<T extends DomainEventType>(type: T, handler: Handler<T>): void {
    const list = this.handlers.get(type) ?? [];
    // Stored untyped; publish only hands each handler events of the type it subscribed to.
    list.push(handler as unknown as (trx: Knex.Transaction, event: DomainEvent) => Promise<void>);
    this.handlers.set(type, list);
  }

  /** Runs every handler of the event's type, in order, inside `trx`. */
  async publish(trx: Knex.Transaction, event: DomainEvent): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) await handler(trx, event);
  }
}
