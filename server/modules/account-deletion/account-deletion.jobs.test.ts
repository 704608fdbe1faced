/**
 * The deletion once the grace period is over, on each database, with the clock injected: nothing
 * is due before `scheduled_for`, a cancelled request never is; the periodic job queues one
 * deletion per due request; deleting leaves no row that references the user in any table (every
 * column that points at `auth.users`, found from the catalogue, and every other user-id-like
 * column), applies the organizations rule, sends the final mail, publishes `user.deleted`, and
 * running it again does nothing.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Knex } from 'knex';
import type { RunningServer } from '../../start';
import { latestMail } from '../../testing/accounts';
import { describeOnEachDatabase } from '../../testing/databases';
import { addToOrganization, openInvitation, roleIn, signedInUser, type TestUser } from '../../testing/organizations';
import { startTestServer } from '../../testing/test-server';
import { deleteAccount, queueDueDeletions } from './account-deletion.jobs';

/**
 * Every column that may hold a user's id: those with a foreign key to `auth.users`, and any other
 * uuid column named like one (`user_id`, `…_user_id`, `…_by`, `owner_id`), so that a reference
 * without a foreign key is found too.
 */
async function userColumns(knex: Knex): Promise<{ table: string; column: string }[]> {
  const result = await knex.raw<{ rows: { table: string; column: string }[] }>(`
    select distinct format('%I.%I', c.table_schema, c.table_name) as "table", c.column_name as "column"
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema not in ('pg_catalog', 'information_schema')
      and c.data_type = 'uuid'
      and (c.column_name ~ '(^|_)user_id$' or c.column_name ~ '_by$' or c.column_name = 'owner_id'
        or exists (
          select 1 from pg_constraint k
          join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
          where k.contype = 'f' and k.confrelid = 'auth.users'::regclass
            and k.conrelid = format('%I.%I', c.table_schema, c.table_name)::regclass and a.attname = c.column_name))
    order by 1, 2`);
  return result.rows;
}

describeOnEachDatabase('account deletion: the deletion', (getDb) => {
  let server: RunningServer;
  const knex = () => server.db.knex;
  const deletedEvents: string[] = [];

  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_RATE_LIMITS: 'mail:ip=1000/60 mail:address=1000/60' } });
    server.services.events.subscribe('user.deleted', async (trx, event) => {
      // Published inside the deleting transaction, while the user still exists.
      assert.ok(await trx('auth.users').where({ id: event.userId }).first('id'));
      deletedEvents.push(event.userId);
    });
  });
  after(() => server.close());

  /** Asks for the deletion through the API; the request's id and date. */
  async function ask(user: TestUser): Promise<{ id: string; scheduledFor: Date }> {
    const res = await user.client.call('POST /api/me/deletion', { body: { confirmEmail: user.email } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const row = await knex()('account_deletion_requests').where({ user_id: user.userId }).first('id');
    return { id: row!.id, scheduledFor: new Date(res.body.deletion.scheduledFor) };
  }

  async function organization(owner: TestUser, name: string): Promise<string> {
    const created = await owner.client.post('/api/organizations', { name });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body.organization.id as string;
  }

  const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

  it('queues nothing before the date nor for a cancelled request; one job per due request, run by the job runner', async () => {
    const due = await signedInUser(server, 'due');
    const cancelled = await signedInUser(server, 'cancelled');
    const request = await ask(due);
    await ask(cancelled);
    await knex()('account_deletion_requests').where({ user_id: cancelled.userId }).update({ cancelled_at: new Date() });
    const services = server.services;

    assert.equal(await queueDueDeletions(services, {}, new Date(request.scheduledFor.getTime() - 1000)), 0);
    // Not due yet: the deletion job itself refuses too.
    assert.equal(await deleteAccount(services, { requestId: request.id }, new Date()), false);
    assert.ok(await knex()('auth.users').where({ id: due.userId }).first('id'));

    // The grace period is over (by the real clock, which the queued job reads).
    await knex()('account_deletion_requests')
      .where({ id: request.id })
      .update({ scheduled_for: knex().raw(`now() - interval '1 minute'`) });
    assert.equal(await queueDueDeletions(services), 1);
    // A second pass before the job ran (two processes' schedules, a slow worker) may queue it again: harmless.
    await queueDueDeletions(services);
    await services.jobs.drain();

    assert.equal(await knex()('auth.users').where({ id: due.userId }).first('id'), undefined);
    await latestMail(services, due.email, 'accountDeleted');
    const finals = (await services.mail.outbox(500)).filter(
      (m) => m.to === due.email.toLowerCase() && m.template === 'accountDeleted',
    );
    assert.equal(finals.length, 1, 'deleted once, one final mail');
    assert.ok(
      await knex()('auth.users').where({ id: cancelled.userId }).first('id'),
      'a cancelled request deletes nothing',
    );
    assert.equal(await queueDueDeletions(services, {}, later(365 * 86_400)), 0);
  });

  it('deletes every trace of the user, hands sole-owned organizations on, and is harmless twice', async () => {
    const leaver = await signedInUser(server, 'leaver');
    const admin = await signedInUser(server, 'admin');
    const veteran = await signedInUser(server, 'veteran');
    const newcomer = await signedInUser(server, 'newcomer');
    const coOwner = await signedInUser(server, 'co-owner');

    // With an admin and an older plain member: the admin takes over.
    const withAdmin = await organization(leaver, 'With Admin');
    await addToOrganization(server, withAdmin, veteran, 'member', later(-3600));
    await addToOrganization(server, withAdmin, admin, 'admin', later(5));
    // Members only: the longest-standing one takes over.
    const membersOnly = await organization(leaver, 'Members Only');
    await addToOrganization(server, membersOnly, newcomer, 'member', later(10));
    await addToOrganization(server, membersOnly, veteran, 'member', later(5));
    // Nobody else: deleted with the account.
    const alone = await organization(leaver, 'Alone');
    // Another owner: nothing changes but the leaver's membership.
    const shared = await organization(leaver, 'Shared');
    await addToOrganization(server, shared, coOwner, 'owner', later(5));
    // Owned by someone else, the leaver a member who invited people.
    const elsewhere = await organization(coOwner, 'Elsewhere');
    await addToOrganization(server, elsewhere, leaver, 'admin', later(5));
    const invitation = await openInvitation(server, elsewhere, leaver.userId);

    const request = await ask(leaver);
    const now = new Date(request.scheduledFor.getTime() + 60_000);
    const columns = await userColumns(knex());
    assert.ok(columns.length >= 10, JSON.stringify(columns));
    const references = async () => {
      const found: string[] = [];
      for (const { table, column } of columns) {
        const row = await knex().raw<{ rows: { n: number }[] }>(
          `select count(*)::int as n from ${table} where ${column} = ?`,
          [leaver.userId],
        );
        if (row.rows[0]!.n > 0) found.push(`${table}.${column}`);
      }
      return found;
    };
    assert.ok((await references()).length > 3, 'the user is referenced before');

    assert.equal(await deleteAccount(server.services, { requestId: request.id }, now), true);

    assert.deepEqual(await references(), []);
    assert.equal(await knex()('auth.users').where({ id: leaver.userId }).first('id'), undefined);
    assert.equal(await roleIn(server, withAdmin, admin.userId), 'owner');
    assert.equal(await roleIn(server, withAdmin, veteran.userId), 'member');
    assert.equal(await roleIn(server, membersOnly, veteran.userId), 'owner');
    assert.equal(await roleIn(server, membersOnly, newcomer.userId), 'member');
    assert.equal(await knex()('organizations').where({ id: alone }).first('id'), undefined);
    assert.equal(await roleIn(server, shared, coOwner.userId), 'owner');
    assert.ok(await knex()('organizations').where({ id: elsewhere }).first('id'));
    // Rows that outlive their author keep existing without the reference.
    const kept = await knex()('organization_invitations').where({ id: invitation }).first('invited_by');
    assert.deepEqual(kept, { invited_by: null });
    const created = await knex()('organizations').where({ id: withAdmin }).first('created_by');
    assert.deepEqual(created, { created_by: null });

    const final = await latestMail(server.services, leaver.email, 'accountDeleted');
    assert.match(final.subject, /deleted/);
    assert.deepEqual(
      deletedEvents.filter((id) => id === leaver.userId),
      [leaver.userId],
    );

    // Twice (a retried job, a second runner): nothing more happens.
    const mails = (await server.services.mail.outbox(500)).filter((m) => m.to === leaver.email.toLowerCase()).length;
    assert.equal(await deleteAccount(server.services, { requestId: request.id }, now), false);
    assert.equal(
      (await server.services.mail.outbox(500)).filter((m) => m.to === leaver.email.toLowerCase()).length,
      mails,
    );
    assert.equal(deletedEvents.filter((id) => id === leaver.userId).length, 1);
    assert.equal(await roleIn(server, withAdmin, admin.userId), 'owner');
  });
});
