/**
 * Test fixtures for data export: a user with a row in every table the export reads, each carrying
 * a marker unique to that user (so a test can prove that no other user's row got into an
 * archive) and secrets that must never leave (`SECRET-<marker>`), and the archive read back
 * (JSON, or the zip unpacked).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import yauzl from 'yauzl';
import type { Services } from '../../services';
import type { TestUser } from '../../testing/organizations';

/** Writes a row about `user` into every table the export reads; the marker is in each of them. */
export async function fillEverything(knex: Knex, services: Services, user: TestUser, marker: string): Promise<void> {
  const secret = `SECRET-${marker}`;
  await knex('auth.users').where({ id: user.userId }).update({ display_name: marker, password_hash: secret });
  await knex('login_history').insert({
    user_id: user.userId,
    event_type: 'login_success',
    success: true,
    failure_reason: marker,
  });
  await knex.raw(`insert into notification_preferences (user_id, category, event_type) values (?, 'security', ?)`, [
    user.userId,
    marker,
  ]);
  await knex.raw(`insert into notification_quiet_hours (user_id, enabled, timezone) values (?, true, ?)`, [
    user.userId,
    marker,
  ]);
  await knex('passkeys').insert({
    user_id: user.userId,
    credential_id: Buffer.from(`${secret}-credential`),
    public_key: Buffer.from(`${secret}-public-key`),
    device_name: marker,
  });
  await knex('oauth_accounts').insert({
    user_id: user.userId,
    provider: 'github',
    provider_user_id: marker,
    access_token_encrypted: secret,
    refresh_token_encrypted: secret,
  });
  const [org] = await knex('organizations')
    .insert({ name: marker, slug: `org-${marker}`.toLowerCase(), created_by: user.userId })
    .returning('id');
  await knex('organization_members').insert({ organization_id: org!.id, user_id: user.userId, role: 'owner' });
  await knex('organization_invitations').insert({
    organization_id: org!.id,
    email: `invitee-${marker}@example.test`.toLowerCase(),
    role: 'member',
    token_hash: `${secret}-${randomUUID()}`,
    invited_by: user.userId,
    expires_at: new Date(Date.now() + 86_400_000),
  });
  await knex('user_onboarding_progress').insert({ user_id: user.userId, current_step: marker });
  const item = await knex('setup_checklist_items').select('key').first();
  await knex('setup_checklist_progress').insert({ user_id: user.userId, item_key: item!.key, completed: true });
  await knex('setup_checklist_state').insert({ user_id: user.userId, dismissed_at: new Date() });
  await knex.raw(
    // token_prefix is unique (the token's lookup id): a fresh one per fixture.
    `insert into api_tokens (organization_id, user_id, name, token_hash, token_prefix) values (?, ?, ?, ?, ?)`,
    [org!.id, user.userId, marker, `${secret}-${randomBytes(8).toString('hex')}`, randomBytes(4).toString('hex')],
  );
  await knex.raw(
    `insert into connected_apps (organization_id, user_id, provider, provider_account_id, access_token_encrypted) values (?, ?, 'slack', ?, ?)`,
    [org!.id, user.userId, marker, secret],
  );
  await services.mail.enqueue(knex, {
    to: user.email,
    template: 'passwordChanged',
    content: { subject: marker, text: secret, html: secret },
  });
  await knex.raw(
    `insert into account_deletion_requests (user_id, reason, scheduled_for) values (?, ?, now() + interval '30 days')`,
    [user.userId, marker],
  );
  await knex('notifications').insert({ user_id: user.userId, event_type: marker, category: 'activity', title: marker });
  await knex('notification_outbox').insert({
    user_id: user.userId,
    event_type: marker,
    category: 'activity',
    title: marker,
    channels: JSON.stringify(['email']),
    deliver_after: new Date(Date.now() + 3600_000),
  });
  await knex('user_avatars').insert({
    user_id: user.userId,
    content_type: 'image/png',
    sha256: marker.toLowerCase().padEnd(64, '0').slice(0, 64),
    bytes: Buffer.from(secret),
  });
  await knex('auth.mfa_totp').insert({
    user_id: user.userId,
    secret_sealed: secret,
    recovery_key_sealed: secret,
    confirmed_at: new Date(),
  });
  await knex('auth.mfa_recovery_codes').insert({ user_id: user.userId, code_hash: secret.slice(0, 64) });
  await knex('push_subscriptions').insert({
    user_id: user.userId,
    endpoint: `https://push.example/${marker}`,
    p256dh: secret.slice(0, 90),
    auth: secret.slice(0, 40),
  });
}

/** The text of every file of a zip, by name. */
export async function unzip(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, file) => (err ? reject(err) : resolve(file))),
  );
  const files = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const parts: Buffer[] = [];
        stream.on('data', (part: Buffer) => parts.push(part));
        stream.on('error', reject);
        stream.on('end', () => {
          files.set(entry.fileName, Buffer.concat(parts).toString('utf8'));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return files;
}
