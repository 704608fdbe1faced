/**
 * Settings that are each valid but do not go together (server/config.ts checks each one alone):
 * one line per conflict, `VARIABLE: why`, so that the start-up message lists them all at once
 * beside the variables that are wrong on their own.
 */
import type { Environment } from './config';

export function settingConflicts(e: Environment, dev: boolean): string[] {
  const conflicts: string[] = [];
  if (e.ACCT_MIGRATION_DATABASE_URL && !e.DATABASE_URL) {
    conflicts.push(
      'ACCT_MIGRATION_DATABASE_URL: only means something with DATABASE_URL (the embedded database migrates itself)',
    );
  }
  if ((e.ACCT_SESSION_IDLE_TIMEOUT ?? 0) > (e.ACCT_SESSION_ABSOLUTE_TIMEOUT ?? Infinity)) {
    conflicts.push('ACCT_SESSION_IDLE_TIMEOUT: must not exceed ACCT_SESSION_ABSOLUTE_TIMEOUT');
  }
  if (e.ACCT_PROCESSES > 1 && dev) {
    conflicts.push(
      'ACCT_PROCESSES: npm start runs one process (its OAuth test provider lives in it); use npm run serve',
    );
  }
  if (e.ACCT_PROCESSES > 1 && !e.DATABASE_URL) {
    conflicts.push(
      'ACCT_PROCESSES: several processes need PostgreSQL (DATABASE_URL); the embedded database belongs to one process',
    );
  }
  if (e.ACCT_PROCESSES > 1 && !e.ACCT_ENCRYPTION_KEYS) {
    // Each process would otherwise use the key file of its own data folder: right only by luck.
    conflicts.push(
      'ACCT_ENCRYPTION_KEYS: must be set when ACCT_PROCESSES is more than 1, so that every process opens what another sealed (docs/deploying.md)',
    );
  }
  if (!e.ACCT_LANGUAGES.includes(e.ACCT_DEFAULT_LANGUAGE)) {
    conflicts.push(
      `ACCT_DEFAULT_LANGUAGE: ${e.ACCT_DEFAULT_LANGUAGE} is not in ACCT_LANGUAGES (${e.ACCT_LANGUAGES.join(' ')})`,
    );
  }
  if (e.ACCT_EXPORT_HOOK_URL && !e.ACCT_SITE_SECRET) {
    conflicts.push('ACCT_EXPORT_HOOK_URL: needs ACCT_SITE_SECRET, which signs the calls to the hook');
  }
  return conflicts;
}
