/**
 * What the organization and team steps ask of the organizations module, inside the onboarding
 * transaction. Thin on purpose: the rules (slugs, roles, invitation tokens and mail) live in
 * server/modules/organizations.
 */
import type { Knex } from 'knex';
import type { StepRun } from './built-in-steps';

export async function isMember(trx: Knex.Transaction, organizationId: string, userId: string): Promise<boolean> {
  return (await trx('organization_members').where({ organization_id: organizationId, user_id: userId }).first('id')) !== undefined;
}

export async function createOrganizationFor(_run: StepRun, _name: string): Promise<{ organizationId: string; name: string; slug: string }> {
  throw new Error('organizations module not wired yet');
}

export async function inviteToOrganization(_run: StepRun, _organizationId: string, _email: string, _role: 'admin' | 'member'): Promise<void> {
  throw new Error('organizations module not wired yet');
}
