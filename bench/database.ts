/**
 * The PostgreSQL database of a run: created under a unique name (`acct_bench_<pid>_<random>`)
 * through the admin URL in BENCH_DATABASE_URL, handed empty to the acct server (which migrates it
 * as it starts), and dropped at clean-up `with (force)`, so connections a killed server left open
 * cannot keep it alive. No other database on the server is touched.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { onCleanup } from './cleanup';

export interface BenchDatabase {
  name: string;
  url: string;
  serverVersion: string;
}

async function asAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `acct_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const serverVersion = await asAdmin(adminUrl, async (client) => {
    await client.query(`create database ${client.escapeIdentifier(name)}`);
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0]?.server_version ?? 'unknown';
  });
  onCleanup(`dropping database ${name}`, () =>
    asAdmin(adminUrl, async (client) => {
      await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
    }),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), serverVersion };
}
