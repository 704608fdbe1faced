/**
 * What the organizations module tells the rest of acct, as callbacks run inside the transaction
 * of the change they report, so a reaction (the setup checklist ticking `invite_team`) commits or
 * rolls back with its cause. By default they publish the matching domain events
 * (server/events/domain-events.ts); a caller may pass its own, and every hook is optional.
 */
import type { Knex } from 'knex';
import type { DomainEvents } from '../../events/domain-events';

export interface OrganizationHooks {
  /** An invitation mail was queued by `POST /api/organizations/:id/invitations` (a new invitation or a re-sent open one). */
  onInvitationSent?: (trx: Knex.Transaction, event: { organizationId: string; invitedBy: string; email: string }) => Promise<void>;
  /** An organization was created, with `createdBy` as its first owner. */
  onOrganizationCreated?: (trx: Knex.Transaction, event: { organizationId: string; createdBy: string }) => Promise<void>;
}

/** The hooks as domain events: `organization.invitation_sent` and `organization.created`, the acting user as `userId`. */
export function domainEventHooks(events: DomainEvents): OrganizationHooks {
  return {
    onInvitationSent: (trx, e) =>
      events.publish(trx, { type: 'organization.invitation_sent', userId: e.invitedBy, organizationId: e.organizationId, email: e.email }),
    onOrganizationCreated: (trx, e) => events.publish(trx, { type: 'organization.created', userId: e.createdBy, organizationId: e.organizationId }),
  };
}
