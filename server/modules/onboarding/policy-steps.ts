/**
 * Steps an organization's policy adds to a member's walk, whatever path they are on: a member of
 * an organization that requires MFA (docs/security.md M7) walks a required `mfa` step, first in
 * the path unless the path places one itself. The step is done exactly when the user has a second
 * factor, whatever was stored: without one the walk is open again even if it was finished (the
 * member is taken through enrolment at their next visit), and turning one on anywhere (the account
 * page) completes it. Decided on each request, so a policy turned on, a new membership or an
 * enrolment takes effect at once.
 */
import type { Knex } from 'knex';
import type { OnboardingProgressRow } from '../../db/tables';
import { hasSecondFactor } from '../mfa/mfa.service';
import { stepsOf, type PathRow, type Step } from './paths';

/** What the MFA policy asks of one user. */
export interface MfaPolicy {
  /** They belong to an organization that requires MFA. */
  required: boolean;
  /** They have a second factor. */
  enrolled: boolean;
}

export async function mfaPolicyOf(trx: Knex.Transaction, userId: string): Promise<MfaPolicy> {
  const requiring = await trx('organization_members as m')
    .join('organizations as o', 'o.id', 'm.organization_id')
    .where({ 'm.user_id': userId, 'o.require_mfa': true })
    .first('o.id');
  if (!requiring) return { required: false, enrolled: false };
  return { required: true, enrolled: await hasSecondFactor(trx, userId) };
}

const isMfaStep = (step: Step) => (step.component ?? step.key) === 'mfa';

/** The path's steps with what the policy adds: the `mfa` step, required, first unless the path places it. */
function stepsUnder(path: PathRow, { required }: MfaPolicy): Step[] {
  const steps = stepsOf(path);
  if (!required) return steps;
  if (steps.some(isMfaStep)) return steps.map((s) => (isMfaStep(s) ? { ...s, required: true } : s));
  // A site step may already be keyed `mfa`: the added one then takes another key.
  const key = steps.some((s) => s.key === 'mfa') ? 'acct-mfa' : 'mfa';
  return [{ key, title: 'Two-step verification', required: true, component: 'mfa', policy: 'mfa' }, ...steps];
}

/** A user's walk as the policy shapes it: the steps, and the progress row as the walk reads it. */
export interface PolicyWalk {
  steps: Step[];
  row: OnboardingProgressRow;
  /** The walk is open whatever `completed_at` says: the policy's step is left. */
  reopened: boolean;
}

export function policyWalk(path: PathRow, row: OnboardingProgressRow, policy: MfaPolicy): PolicyWalk {
  const steps = stepsUnder(path, policy);
  if (!policy.required) return { steps, row, reopened: false };
  const mfaKeys = steps.filter(isMfaStep).map((s) => s.key);
  const others = (row.completed_steps ?? []).filter((k) => !mfaKeys.includes(k));
  const skipped = (row.skipped_steps ?? []).filter((k) => !mfaKeys.includes(k));
  return {
    steps,
    row: { ...row, completed_steps: policy.enrolled ? [...mfaKeys, ...others] : others, skipped_steps: skipped },
    reopened: !policy.enrolled,
  };
}

/** The step a user starting `path` is on: the first that is not already done. */
export function firstStepKey(path: PathRow, policy: MfaPolicy): string | null {
  const steps = stepsUnder(path, policy);
  const first = steps.find((s) => !(policy.enrolled && isMfaStep(s))) ?? steps[0];
  return first?.key ?? null;
}
