/**
 * Which language acct writes in, through the real HTTP API, the dev outbox and the hosted pages on
 * each database: a mail to a new address is in the language of the request that caused it
 * (`Accept-Language`, as the elements send their page's), and the account keeps that language; a
 * mail to a user is in the user's stored language whatever the request says, and in the
 * request's when the user has none; a link's landing page speaks the language of its mail, not
 * the browser's.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../start';
import { codeFrom, followLink, latestMail, linkIn, signedUpClient, uniqueEmail } from '../testing/accounts';
import { describeOnEachDatabase } from '../testing/databases';
import { TestClient, TEST_ORIGIN } from '../testing/http-client';
import { startTestServer } from '../testing/test-server';
import { team } from '../testing/organizations';

const FRENCH = 'fr-FR,fr;q=0.9';
const ENGLISH = 'en-US,en;q=0.9';
const PASSWORD = 'correct horse battery staple';
const FIREFOX_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0';

describeOnEachDatabase('languages of mails and pages', (getDb) => {
  let server: RunningServer;
  const speaking = (language: string, userAgent?: string) =>
    new TestClient(server.url, {
      origin: TEST_ORIGIN,
      headers: { 'Accept-Language': language },
      ...(userAgent ? { userAgent } : {}),
    });
  const mail = (email: string, template: string) => latestMail(server.services, email, template);
  /** A hosted page as a browser speaking `language` sees it: its `<html lang>` and text. */
  const pageIn = async (link: URL, language: string) => {
    const res = await fetch(link, { headers: { 'Accept-Language': language } });
    const html = await res.text();
    return { status: res.status, lang: /<html lang="(\w+)" dir="ltr">/.exec(html)?.[1], html };
  };
  const localeOf = async (email: string) =>
    (await server.db.knex('auth.users').where({ email }).first('locale'))?.locale;

  before(async () => {
    server = await startTestServer(getDb(), {
      env: {
        ACCT_PRODUCT_NAME: 'Stagehand',
        ACCT_RATE_LIMITS: 'sign-in:ip=1000/60 sign-up:ip=1000/60 mail:ip=1000/60 mail:address=100/60',
      },
    });
  });
  after(() => server.close());

  it('mails a new address in the language of the request, keeps it with the account, and shows the link’s page in it', async () => {
    const email = uniqueEmail('sophie');
    const signUp = await speaking(FRENCH).post('/api/auth/sign-up', {
      email,
      password: PASSWORD,
      redirectUrl: `${TEST_ORIGIN}/welcome`,
    });
    assert.equal(signUp.status, 202);
    const verify = await mail(email, 'verifyEmail');
    assert.equal(verify.subject, 'Confirmez votre adresse e-mail pour Stagehand');
    assert.match(verify.text, /^Bienvenue sur Stagehand\u00a0! Confirmez/);
    assert.match(verify.html, /<html lang="fr"/);
    assert.equal(await localeOf(email), 'fr');

    // The browser that opens the link speaks English; the page follows the mail.
    const page = await pageIn(linkIn(verify), ENGLISH);
    assert.deepEqual([page.status, page.lang], [200, 'fr']);
    assert.match(page.html, /<h1>Confirmez votre adresse e-mail<\/h1>/);
    assert.match(page.html, /<button type="submit">Confirmer mon adresse e-mail<\/button>/);

    const confirmed = await followLink(speaking(ENGLISH), linkIn(verify));
    const exchanged = await speaking(ENGLISH).post('/api/session/exchange', {
      code: codeFrom(confirmed.location),
      confirm: true,
    });
    assert.equal(exchanged.body.user.locale, 'fr', 'the public user shows it');
  });

  it('mails a user in their stored language whatever the request says, and in the request’s when they have none', async () => {
    const { client, email } = await signedUpClient(server.services, server.url);
    assert.equal(await localeOf(email), null, 'signed up without a language the server speaks');

    await speaking(FRENCH).post('/api/auth/password/forgot', { email });
    assert.equal(
      (await mail(email, 'resetPassword')).subject,
      'Réinitialisez votre mot de passe Stagehand',
      'no stored language: the request’s',
    );

    assert.equal((await client.request('PATCH', '/api/me', { locale: 'en' })).status, 200);
    await speaking(FRENCH).post('/api/auth/password/forgot', { email });
    const english = await mail(email, 'resetPassword');
    assert.equal(english.subject, 'Reset your Stagehand password', 'the stored language wins');
    assert.deepEqual((await pageIn(linkIn(english), FRENCH)).lang, 'en');

    await client.request('PATCH', '/api/me', { locale: 'fr' });
    await speaking(ENGLISH).post('/api/auth/password/forgot', { email });
    const french = await mail(email, 'resetPassword');
    assert.equal(french.subject, 'Réinitialisez votre mot de passe Stagehand');
    const form = await pageIn(linkIn(french), ENGLISH);
    assert.equal(form.lang, 'fr');
    assert.match(form.html, /<label for="password">Nouveau mot de passe<\/label>/);

    // A refused new password shows the form again, still in the link's language.
    const weak = await followLink(speaking(ENGLISH), linkIn(french), { password: 'short', confirm: 'short' });
    assert.equal(weak.status, 400);
    assert.match(weak.text, /<html lang="fr"[\s\S]*Ce mot de passe est trop court\./);

    // Changing the password: the notice is in French too, and so is the new-device notice.
    const changed = await followLink(speaking(ENGLISH), linkIn(french), {
      password: 'a brand new passphrase',
      confirm: 'a brand new passphrase',
    });
    assert.equal(changed.status, 200, 'no page to return to: the page says it is done');
    assert.match(changed.text, /<html lang="fr"[\s\S]*<h1>Mot de passe modifié<\/h1>/);
    assert.equal(
      (await mail(email, 'passwordChanged')).subject,
      'Le mot de passe de votre compte Stagehand a été modifié',
    );
    const signIn = await speaking(ENGLISH, FIREFOX_MAC).post('/api/auth/sign-in', {
      email,
      password: 'a brand new passphrase',
    });
    assert.equal(signIn.status, 200);
    const notice = await mail(email, 'newDevice');
    assert.equal(notice.subject, 'Nouvelle connexion à Stagehand');
    assert.match(
      notice.text,
      /\(Firefox 128 sur Mac OS 14\.5\) — 127\.0\.0\.1 — \d{1,2} \p{L}+\.? \d{4} à \d{2}:\d{2} UTC/u,
    );
  });

  it('mails a magic link to a new address in the request’s language, and the account made from it keeps it', async () => {
    const email = uniqueEmail('magic');
    assert.equal(
      (
        await speaking('pt-PT,pt;q=0.9,fr;q=0.5').post('/api/auth/magic-link', {
          email,
          redirectUrl: `${TEST_ORIGIN}/`,
        })
      ).status,
      202,
    );
    const link = await mail(email, 'magicLink');
    assert.equal(
      link.subject,
      'Connexion à Stagehand',
      'Portuguese is not spoken: the next language the request accepts',
    );
    const page = await pageIn(linkIn(link), ENGLISH);
    assert.equal(page.lang, 'fr');
    assert.match(page.html, /<h1>Poursuivre la connexion à Stagehand<\/h1>/);
    assert.equal((await followLink(speaking(ENGLISH), linkIn(link))).status, 303);
    assert.equal(await localeOf(email), 'fr');
  });

  it('invites a new address in the inviter’s language, and a user in their own', async () => {
    const t = await team(server);
    const newcomer = uniqueEmail('newcomer');
    const invite = (email: string, language: string) =>
      t.owner.client.request(
        'POST',
        `/api/organizations/${t.id}/invitations`,
        { email, role: 'member', redirectUrl: `${TEST_ORIGIN}/team` },
        { 'Accept-Language': language },
      );

    assert.equal((await invite(newcomer, FRENCH)).status, 201);
    const invitation = await mail(newcomer, 'organizationInvitation');
    assert.equal(invitation.subject, 'Rejoignez Stagehand Crew sur Stagehand');
    const page = await pageIn(linkIn(invitation), ENGLISH);
    assert.equal(page.lang, 'fr');
    assert.match(
      page.html,
      /<p>\S+ invite <strong dir="ltr">[^<]+<\/strong> à rejoindre Stagehand Crew avec le rôle de membre\.<\/p>/,
    );
    assert.equal((await followLink(speaking(ENGLISH), linkIn(invitation))).status, 303);
    assert.equal(await localeOf(newcomer), 'fr', 'the account made by accepting keeps the invitation’s language');

    const { client: englishUser, email: englishEmail } = await signedUpClient(server.services, server.url);
    await englishUser.request('PATCH', '/api/me', { locale: 'en' });
    assert.equal((await invite(englishEmail, FRENCH)).status, 201);
    assert.equal((await mail(englishEmail, 'organizationInvitation')).subject, 'Join Stagehand Crew on Stagehand');
  });
});

describeOnEachDatabase('default language', (getDb) => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer(getDb(), { env: { ACCT_DEFAULT_LANGUAGE: 'fr', ACCT_LANGUAGES: 'en fr' } });
  });
  after(() => server.close());

  it('writes in ACCT_DEFAULT_LANGUAGE when neither the user nor the request names a language the server allows (ACCT_LANGUAGES)', async () => {
    const email = uniqueEmail('nobody');
    const german = new TestClient(server.url, {
      origin: TEST_ORIGIN,
      headers: { 'Accept-Language': 'de-DE,de;q=0.9' },
    });
    assert.equal((await german.post('/api/auth/sign-up', { email, password: PASSWORD })).status, 202);
    assert.equal(
      (await latestMail(server.services, email, 'verifyEmail')).subject,
      'Confirmez votre adresse e-mail pour acct',
    );
    assert.equal(
      (await server.db.knex('auth.users').where({ email }).first('locale'))?.locale,
      null,
      'nothing known to store',
    );
    const english = new TestClient(server.url, { origin: TEST_ORIGIN, headers: { 'Accept-Language': 'en' } });
    await english.post('/api/auth/verification/resend', { email });
    assert.equal(
      (await latestMail(server.services, email, 'verifyEmail')).subject,
      'Confirm your email for acct',
      'a request that names one: that one',
    );
  });
});
