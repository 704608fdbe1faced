/**
 * What the organization and team steps ask of the organizations module, inside the onboarding
 * transaction. Thin on purpose: the rules (slugs, roles, invitation tokens and mail, the events
 * that tick the checklist) live in server/modules/organizations.
 */
import { joinTransaction } from '../../services';
import { inviteMember } from '../organizations/invitations.service';
import { createOrganization } from '../organizations/organizations.service';
import type { StepRun } from './steps.types';

export async function createOrganizationFor(
  run: StepRun,
  name: string,
): Promise<{ organizationId: string; name: string; slug: string }> {
  const services = joinTransaction(run.services, run.trx);
  const org = await createOrganization(services, run.userId, { name });
  return { organizationId: org.id, name: org.name, slug: org.slug };
}

export async function inviteToOrganization(
  run: StepRun,
  organizationId: string,
  email: string,
  role: 'admin' | 'member',
): Promise<void> {
  const services = joinTransaction(run.services, run.trx);
  const { config } = services;
  // The invitee comes back to the site's first allowed page; the team step has no page of its own to name.
  const redirectUrl = `${config.redirectAllowlist[0]}/`;
  await inviteMember(services, { userId: run.userId, organizationId }, { email, role, redirectUrl }, run.context);
}
