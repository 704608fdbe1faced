/**
 * The schema acct's migrations must produce, as data: the seed
 * (the project brief's seed/000_46e53613f523c4f5.txt, written down independently of the migrations in
 * expected-account/-auth/-onboarding/-security.ts) plus acct's own objects (expected-project.ts,
 * expected-sign-in.ts, expected-passwordless.ts, expected-onboarding-support.ts, expected-locales.ts,
 * expected-retired-secrets.ts, expected-service-role.ts, expected-oauth.ts, expected-data-export.ts,
 * expected-push.ts, expected-notifications.ts, expected-profile.ts, expected-account-deletion.ts,
 * expected-api-tokens.ts, expected-webhooks.ts, expected-cleanup-indexes.ts, expected-funnel-counts.ts).
 * schema-conformance.test.ts compares a freshly migrated database with it.
 */
import { accountIndexes, accountTables } from './expected-account';
import { apiTokenIndexes } from './expected-api-tokens';
import { webhookIndexes } from './expected-webhooks';
import { cleanupIndexes } from './expected-cleanup-indexes';
import { funnelCountFunctions, funnelCountTables, funnelCountTriggers } from './expected-funnel-counts';
import { authIndexes, authTables } from './expected-auth';
import { onboardingIndexes, onboardingTables, seedRows } from './expected-onboarding';
import {
  projectChangesToSeedTables,
  projectFunctions,
  projectIndexes,
  projectPolicies,
  projectTables,
  projectTriggers,
} from './expected-project';
import { seedFunctions, seedPolicies, seedTriggers } from './expected-security';
import { signInIndexes, signInTables } from './expected-sign-in';
import { passwordlessIndexes, passwordlessTables } from './expected-passwordless';
import { onboardingSupportPolicies, onboardingSupportTables } from './expected-onboarding-support';
import { retiredSecretIndexes, retiredSecretTables } from './expected-retired-secrets';
import { servicePolicies } from './expected-service-role';
import { oauthIndexes, oauthTables } from './expected-oauth';
import { dataExportIndexes, dataExportPolicies, dataExportTables } from './expected-data-export';
import { pushIndexes, pushPolicies, pushTables } from './expected-push';
import { connectedAppIndexes, connectedAppTables } from './expected-connected-apps';
import { mfaIndexes, mfaTables } from './expected-mfa';
import { notificationIndexes, notificationPolicies, notificationTables } from './expected-notifications';
import { profilePolicies, profileTables } from './expected-profile';
import { accountDeletionIndexes } from './expected-account-deletion';
import type { SchemaSpec, TableSpec } from './types';

/** Every table the seed defines, exactly as the seed defines it. */
export const seedTables: Record<string, TableSpec> = { ...accountTables, ...authTables, ...onboardingTables };

/** The seed's tables with acct's documented changes applied (new objects; the seed's stay as written). */
function withProjectChanges(tables: Record<string, TableSpec>): Record<string, TableSpec> {
  // A change aimed at a table the seed does not have would otherwise vanish without a trace.
  for (const name of Object.keys(projectChangesToSeedTables)) {
    if (!(name in tables)) throw new Error(`expected-project.ts changes ${name}, which is not a seed table`);
  }
  return Object.fromEntries(
    Object.entries(tables).map(([name, table]) => {
      const change = projectChangesToSeedTables[name];
      if (!change) return [name, table];
      return [
        name,
        {
          ...table,
          columns: { ...table.columns, ...change.addColumns },
          foreignKeys: [...table.foreignKeys, ...(change.addForeignKeys ?? [])],
          rowLevelSecurity: change.rowLevelSecurity ?? table.rowLevelSecurity,
        },
      ];
    }),
  );
}

const tables: Record<string, TableSpec> = {
  ...projectTables,
  ...signInTables,
  ...passwordlessTables,
  ...onboardingSupportTables,
  ...retiredSecretTables,
  ...oauthTables,
  ...dataExportTables,
  ...pushTables,
  ...notificationTables,
  ...profileTables,
  ...connectedAppTables,
  ...mfaTables,
  ...funnelCountTables,
  ...withProjectChanges(seedTables),
};

export const expectedSchema: SchemaSpec = {
  tables,
  indexes: {
    ...accountIndexes,
    ...authIndexes,
    ...onboardingIndexes,
    ...projectIndexes,
    ...signInIndexes,
    ...passwordlessIndexes,
    ...retiredSecretIndexes,
    ...oauthIndexes,
    ...dataExportIndexes,
    ...pushIndexes,
    ...notificationIndexes,
    ...accountDeletionIndexes,
    ...apiTokenIndexes,
    ...connectedAppIndexes,
    ...webhookIndexes,
    ...mfaIndexes,
    ...cleanupIndexes,
  },
  policies: {
    ...seedPolicies,
    ...projectPolicies,
    ...onboardingSupportPolicies,
    ...dataExportPolicies,
    ...pushPolicies,
    ...notificationPolicies,
    ...profilePolicies,
    ...servicePolicies(tables),
  },
  functions: { ...seedFunctions, ...projectFunctions, ...funnelCountFunctions },
  triggers: { ...seedTriggers, ...projectTriggers, ...funnelCountTriggers },
  seedRows,
};
