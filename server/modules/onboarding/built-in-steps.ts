/**
 * The built-in onboarding steps, each a schema for its form data and the real work it does when
 * completed: `profile` edits the profile, `organization` creates one or picks one the user belongs
 * to, `team` sends invitations, `preferences` writes notification preferences and quiet hours.
 * `welcome`, `integrations`, `tour` and `complete` carry no data of their own (the host fills
 * `integrations` and `tour` through slots); connecting an app completes `integrations`, listing
 * the app in its `connected` (connected-apps/onboarding-step.ts). `mfa` is done once the user has
 * a second factor, turned on in the `<acct-mfa>` the element shows (policy-steps.ts makes it
 * required of members of an organization that requires one). Steps a site adds itself take any
 * small JSON object.
 */
import { z } from 'zod';
import { OnboardingErrors } from '../../../contract/onboarding';
import { ApiError, CommonErrors } from '../../http/errors';
import { jsonLength } from '../../http/json-limits';
import { nameField } from '../../http/validate';
import { profileFields } from '../../../contract/users';
import { hasSecondFactor } from '../mfa/mfa.service';
import { updateProfile } from '../users/users.service';
import { NOTIFICATION_EVENT_TYPES } from './notification-defaults';
import { isMember, saveNotificationPreferences } from './onboarding.queries';
import { createOrganizationFor, inviteToOrganization } from './organization-actions';
import type { BuiltInStep } from './steps.types';

/** Types `run`'s data from the schema, then forgets it: the registry holds steps of every shape. */
const defineStep = <S extends z.ZodType>(step: BuiltInStep<S>) => step as unknown as BuiltInStep;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_time');
const timeZone = z
  .string()
  .max(100)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'invalid_time_zone');
const noData = z.object({}).strict();

const profile = defineStep({
  schema: z
    .object({
      displayName: profileFields.displayName,
      avatarUrl: profileFields.avatarUrl.optional(),
      bio: profileFields.bio.optional(),
    })
    .strict(),
  async run({ services, trx, userId }, data) {
    await updateProfile(services, trx, userId, data);
    return data;
  },
});

const organization = defineStep({
  schema: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('create'), name: nameField(100) }).strict(),
    z.object({ mode: z.literal('existing'), organizationId: z.uuid() }).strict(),
  ]),
  async run(run, data) {
    if (data.mode === 'create') return { mode: 'create', ...(await createOrganizationFor(run, data.name)) };
    if (!(await isMember(run.trx, data.organizationId, run.userId))) throw ApiError.of(CommonErrors, 'not_found');
    return data;
  },
});

const team = defineStep({
  schema: z
    .object({
      invitations: z
        .array(
          z
            .object({
              email: z.string().trim().toLowerCase().pipe(z.email('invalid_email')),
              role: z.enum(['admin', 'member']).default('member'),
            })
            .strict(),
        )
        .max(20),
    })
    .strict(),
  async run(run, data) {
    const org = run.stepData.organization as { organizationId?: string } | undefined;
    if (!org?.organizationId) throw ApiError.of(OnboardingErrors, 'organization_required');
    for (const invite of data.invitations)
      await inviteToOrganization(run, org.organizationId, invite.email, invite.role);
    return data;
  },
});

const notificationChoice = z.object({ email: z.boolean(), push: z.boolean(), inApp: z.boolean() }).partial().strict();

const preferences = defineStep({
  schema: z
    .object({
      notifications: z.partialRecord(z.enum(NOTIFICATION_EVENT_TYPES), notificationChoice).optional(),
      frequency: z.enum(['instant', 'daily', 'weekly']).optional(),
      quietHours: z
        .object({
          enabled: z.boolean(),
          start: time,
          end: time,
          timeZone,
          days: z
            .array(z.number().int().min(0).max(6))
            .max(7)
            .refine((d) => new Set(d).size === d.length, 'duplicate_day'),
        })
        .strict()
        .optional(),
    })
    .strict(),
  async run({ trx, userId }, data) {
    await saveNotificationPreferences(trx, userId, data);
    return data;
  },
});

/** Built-in steps by component name. */
/** Completed only by a user who has a second factor: the step asks for one, it cannot be claimed. */
const mfa = defineStep({
  schema: noData,
  async run({ trx, userId }) {
    if (!(await hasSecondFactor(trx, userId))) throw ApiError.of(OnboardingErrors, 'second_factor_not_set_up');
    return {};
  },
});

export const BUILT_IN_STEPS: Record<string, BuiltInStep> = {
  welcome: { schema: noData },
  profile,
  organization,
  team,
  preferences,
  integrations: { schema: z.object({ connected: z.array(z.string().max(100)).max(50).optional() }).strict() },
  tour: { schema: z.looseObject({}) },
  complete: { schema: noData },
  mfa,
};

/** A site's own step: any JSON object up to 10 kB. */
export const CustomStepData = z
  .record(z.string().max(100), z.unknown())
  .refine((data) => jsonLength(data) <= 10_240, 'too_large');
