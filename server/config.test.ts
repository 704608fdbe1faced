/** The settings parser: defaults, normalisation, and clear refusals of bad values. */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig, loadConfigOrExit } from './config';

describe('loadConfig', () => {
  it('has working defaults for an empty environment', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, undefined);
    assert.deepEqual(config.allowedOrigins, ['http://localhost:5173']);
    assert.deepEqual(config.database, { dataDir: './.data' });
    assert.deepEqual(config.signInMethods, ['passkey', 'magic-link', 'password']);
    assert.equal(config.signUpEnabled, true);
    assert.equal(config.productName, 'acct');
    assert.equal(config.publicUrl, 'http://localhost:3000');
  });

  it('takes the public address from PORT when ACCT_PUBLIC_URL is unset, so that emailed links reach this server', () => {
    assert.equal(loadConfig({ PORT: '3513' }).publicUrl, 'http://localhost:3513');
    assert.match(loadConfig({ PORT: '3513' }).mail.from, /no-reply@localhost>$/);
    assert.equal(
      loadConfig({ PORT: '3513', ACCT_PUBLIC_URL: 'https://auth.example.com/' }).publicUrl,
      'https://auth.example.com',
    );
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db.internal:5432/acct', ACCT_DB_POOL_MAX: '4' });
    assert.deepEqual(config.database, { url: 'postgres://u@db.internal:5432/acct', poolMax: 4 });
  });

  it('migrates through ACCT_MIGRATION_DATABASE_URL when set, and refuses it without DATABASE_URL', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://acct_server@db/acct' }).migrationDatabaseUrl, undefined);
    const config = loadConfig({
      DATABASE_URL: 'postgres://acct_server@db/acct',
      ACCT_MIGRATION_DATABASE_URL: 'postgres://acct_admin@db/acct',
    });
    assert.equal(config.migrationDatabaseUrl, 'postgres://acct_admin@db/acct');
    assert.throws(
      () => loadConfig({ ACCT_MIGRATION_DATABASE_URL: 'postgres://acct_admin@db/acct' }),
      /ACCT_MIGRATION_DATABASE_URL: only means something with DATABASE_URL/,
    );
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'postgres://a@db/acct', ACCT_MIGRATION_DATABASE_URL: 'mysql://a@db/acct' }),
      /ACCT_MIGRATION_DATABASE_URL: must be a postgres/,
    );
  });

  it('runs several processes only on PostgreSQL, with shared encryption keys, outside npm start', () => {
    const keys = 'k1=' + Buffer.alloc(32, 1).toString('base64');
    const pg = 'postgres://acct@db/acct';
    assert.equal(loadConfig({}).processes, 1);
    assert.equal(loadConfig({ ACCT_PROCESSES: '4', DATABASE_URL: pg, ACCT_ENCRYPTION_KEYS: keys }).processes, 4);
    assert.throws(
      () => loadConfig({ ACCT_PROCESSES: '2', DATABASE_URL: pg }),
      /ACCT_ENCRYPTION_KEYS: must be set when ACCT_PROCESSES/,
    );
    assert.throws(
      () => loadConfig({ ACCT_PROCESSES: '2', ACCT_ENCRYPTION_KEYS: keys }),
      /ACCT_PROCESSES: several processes need PostgreSQL/,
    );
    assert.throws(
      () => loadConfig({ ACCT_PROCESSES: '2', DATABASE_URL: pg, ACCT_ENCRYPTION_KEYS: keys }, { dev: true }),
      /ACCT_PROCESSES: npm start runs one process/,
    );
    assert.throws(() => loadConfig({ ACCT_PROCESSES: '0' }), /ACCT_PROCESSES/);
  });

  it('lists settings that do not go together all at once, beside those wrong on their own', () => {
    assert.throws(
      () =>
        loadConfig({
          ACCT_PROCESSES: '2',
          ACCT_EXPORT_HOOK_URL: 'https://site.example/export',
          ACCT_OAUTH_GITHUB_CLIENT_ID: 'only-the-id',
        }),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        for (const variable of [
          'ACCT_PROCESSES',
          'ACCT_ENCRYPTION_KEYS',
          'ACCT_EXPORT_HOOK_URL',
          'ACCT_OAUTH_GITHUB_CLIENT_SECRET',
        ]) {
          assert.match(err.message, new RegExp(`\\n  ${variable}`), `${variable} in:\n${err.message}`);
        }
        return true;
      },
    );
  });

  it('treats empty values as unset', () => {
    assert.equal(loadConfig({ PORT: '', DATABASE_URL: '' }).port, 3000);
  });

  it('normalises allowed origins and drops duplicates', () => {
    const config = loadConfig({
      ACCT_ALLOWED_ORIGINS: 'https://app.example.com/, http://localhost:5173 https://app.example.com',
    });
    assert.deepEqual(config.allowedOrigins, ['https://app.example.com', 'http://localhost:5173']);
  });

  for (const [value, why] of [
    ['*', 'every allowed origin must be listed'],
    ['https://app.example.com/path', 'is not an origin'],
    ['app.example.com', 'is not an origin'],
    ['ftp://files.example.com', 'is not an origin'],
    ['null', 'is not an origin'],
  ] as const) {
    it(`refuses ACCT_ALLOWED_ORIGINS=${value}`, () => {
      assert.throws(
        () => loadConfig({ ACCT_ALLOWED_ORIGINS: value }),
        (err: unknown) => {
          assert.ok(err instanceof ConfigError);
          assert.match(err.message, /ACCT_ALLOWED_ORIGINS/);
          assert.ok(err.message.includes(why), err.message);
          return true;
        },
      );
    });
  }

  it('gives site-backend JWTs the allowed origins as audience unless ACCT_JWT_AUDIENCE names one', () => {
    assert.deepEqual(loadConfig({ ACCT_ALLOWED_ORIGINS: 'https://a.example.com https://b.example.com' }).jwtAudience, [
      'https://a.example.com',
      'https://b.example.com',
    ]);
    assert.deepEqual(
      loadConfig({ ACCT_JWT_AUDIENCE: 'https://api.example.com, urn:example:billing https://api.example.com' })
        .jwtAudience,
      ['https://api.example.com', 'urn:example:billing'],
    );
    assert.throws(() => loadConfig({ ACCT_JWT_AUDIENCE: ' , ' }), /ACCT_JWT_AUDIENCE: name at least one audience/);
  });

  it('names every bad variable at once', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', ACCT_SIGN_IN_METHODS: 'password carrier-pigeon', ACCT_LOG_LEVEL: 'loud' }),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        for (const name of ['PORT', 'ACCT_SIGN_IN_METHODS', 'ACCT_LOG_LEVEL'])
          assert.match(err.message, new RegExp(name));
        return true;
      },
    );
  });

  it('keeps the order of the sign-in methods as configured', () => {
    assert.deepEqual(loadConfig({ ACCT_SIGN_IN_METHODS: 'password,passkey' }).signInMethods, ['password', 'passkey']);
  });

  it('has an unbranded English default and reads the brand settings', () => {
    const defaults = loadConfig({});
    assert.deepEqual(defaults.brand, { productName: 'acct', color: '#1d4ed8', logoUrl: undefined });
    assert.equal(defaults.defaultLanguage, 'en');
    const branded = loadConfig({
      ACCT_PRODUCT_NAME: 'Stagehand',
      ACCT_BRAND_COLOR: '#FC0',
      ACCT_BRAND_LOGO_URL: 'https://cdn.example.com/brand/logo.svg',
      ACCT_DEFAULT_LANGUAGE: 'fr',
    });
    assert.deepEqual(branded.brand, {
      productName: 'Stagehand',
      color: '#ffcc00',
      logoUrl: 'https://cdn.example.com/brand/logo.svg',
    });
    assert.equal(branded.defaultLanguage, 'fr');
    // Plain http only where browsers treat it as secure anyway: local development.
    for (const local of [
      'http://localhost:5173/logo.png',
      'http://127.0.0.1:8080/logo.png',
      'http://demo.localhost/logo.png',
    ]) {
      assert.equal(loadConfig({ ACCT_BRAND_LOGO_URL: local }).brand.logoUrl, local);
    }
  });

  it('allows every language by default, and refuses a default language that ACCT_LANGUAGES leaves out', () => {
    assert.deepEqual(loadConfig({}).languages, ['en', 'fr', 'de', 'es', 'ar']);
    assert.deepEqual(loadConfig({ ACCT_LANGUAGES: 'en,ar', ACCT_DEFAULT_LANGUAGE: 'ar' }).languages, ['en', 'ar']);
    assert.throws(
      () => loadConfig({ ACCT_LANGUAGES: 'en fr', ACCT_DEFAULT_LANGUAGE: 'de' }),
      /ACCT_DEFAULT_LANGUAGE: de is not in ACCT_LANGUAGES/,
    );
    assert.throws(
      () => loadConfig({ ACCT_LANGUAGES: 'en pt' }),
      /ACCT_LANGUAGES\S*: each must be one of: en, fr, de, es, ar/,
    );
  });

  for (const [variable, value, why] of [
    ['ACCT_BRAND_COLOR', 'blue', 'is not a hex colour'],
    ['ACCT_BRAND_COLOR', '#12345', 'is not a hex colour'],
    ['ACCT_BRAND_COLOR', '1d4ed8', 'is not a hex colour'],
    ['ACCT_BRAND_COLOR', '#1d4ed8; background:url(x)', 'is not a hex colour'],
    ['ACCT_BRAND_LOGO_URL', 'logo.svg', 'is not a URL'],
    ['ACCT_BRAND_LOGO_URL', 'http://cdn.example.com/logo.svg', 'must be an https:// URL'],
    ['ACCT_BRAND_LOGO_URL', 'javascript:alert(1)', 'must be an https:// URL'],
    ['ACCT_BRAND_LOGO_URL', 'data:image/png;base64,AAAA', 'must be an https:// URL'],
    ['ACCT_BRAND_LOGO_URL', 'https://user:secret@cdn.example.com/logo.svg', 'user name or password'],
    ['ACCT_BRAND_LOGO_URL', 'http://[::1]:8080/logo.svg', 'not an IPv6 address'],
    ['ACCT_BRAND_LOGO_URL', 'https://[2001:db8::1]/logo.svg', 'not an IPv6 address'],
    ['ACCT_DEFAULT_LANGUAGE', 'pt', 'must be one of: en, fr, de, es, ar'],
    ['ACCT_DEFAULT_LANGUAGE', 'fr-FR', 'must be one of: en, fr, de, es, ar'],
  ] as const) {
    it(`refuses ${variable}=${value}`, () => {
      assert.throws(
        () => loadConfig({ [variable]: value }),
        (err: unknown) => {
          assert.ok(err instanceof ConfigError);
          assert.match(err.message, new RegExp(`${variable}: `));
          assert.ok(err.message.includes(why), err.message);
          return true;
        },
      );
    });
  }
});

describe('loadConfigOrExit', () => {
  it('takes a setting from the environment first, then `.env`, then the defaults file (npm start: demo/acct.env)', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'acct-settings-'));
    const cwd = process.cwd();
    const names = ['ACCT_PRODUCT_NAME', 'ACCT_BRAND_COLOR', 'ACCT_RP_NAME'];
    const saved = names.map((name) => process.env[name]);
    t.after(async () => {
      process.chdir(cwd);
      names.forEach((name, i) => (saved[i] === undefined ? delete process.env[name] : (process.env[name] = saved[i])));
      await rm(dir, { recursive: true, force: true });
    });
    await writeFile(join(dir, '.env'), 'ACCT_PRODUCT_NAME=From dotenv\n');
    await writeFile(
      join(dir, 'demo.env'),
      'ACCT_PRODUCT_NAME=Demo\nACCT_BRAND_COLOR="#123456"\nACCT_RP_NAME=Demo RP\n',
    );
    process.chdir(dir);
    for (const name of names) delete process.env[name];
    process.env.ACCT_RP_NAME = 'From the environment';

    const config = loadConfigOrExit({}, 'demo.env');
    assert.equal(config.productName, 'From dotenv');
    assert.equal(config.brand.color, '#123456');
    assert.equal(config.passkeys.rpName, 'From the environment');
  });
});
