/**
 * The hosted pages wear the operator's brand and speak the reader's language without giving up
 * their strict CSP (docs/security.md E4): logo (alt text: the product name) and name at the top, the
 * brand colours in one cacheable stylesheet, no inline style or script, images only from us and
 * the logo's origin; `<html lang dir>` from `Accept-Language` (a link's own language is covered
 * in server/i18n/languages.test.ts); and `/favicon.ico` answers with the brand mark instead of a
 * 404.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { RunningServer } from '../start';
import { latestMail, linkIn, uniqueEmail } from '../testing/accounts';
import { describeOnEachDatabase } from '../testing/databases';
import { TestClient, TEST_ORIGIN } from '../testing/http-client';
import { startTestServer } from '../testing/test-server';

const LOGO = 'https://cdn.example.test/brand/logo.svg';

describeOnEachDatabase('hosted pages', (getDb) => {
  let branded: RunningServer;
  let plain: RunningServer;
  /** The one invalid-link page, fetched as a browser speaking `language` would. */
  const invalidPage = async (server: RunningServer, language?: string) => {
    const res = await fetch(`${server.url}/auth/magic-link?token=nope`, {
      headers: language ? { 'Accept-Language': language } : {},
    });
    return { res, html: await res.text() };
  };

  before(async () => {
    branded = await startTestServer(getDb(), {
      env: { ACCT_PRODUCT_NAME: 'Stagehand', ACCT_BRAND_COLOR: '#FACC15', ACCT_BRAND_LOGO_URL: LOGO },
    });
    plain = await startTestServer(getDb());
  });
  after(async () => {
    await branded.close();
    await plain.close();
  });

  it('speak the browser’s language when the link has none, else the default', async () => {
    for (const [language, lang, heading, back] of [
      ['fr-FR,fr;q=0.9', 'fr', 'Ce lien ne peut plus être utilisé', 'Retour à Stagehand'],
      ['pt-BR, fr;q=0.4, en;q=0.3', 'fr', 'Ce lien ne peut plus être utilisé', 'Retour à Stagehand'],
      ['en-GB', 'en', 'This link can no longer be used', 'Back to Stagehand'],
      ['pt', 'en', 'This link can no longer be used', 'Back to Stagehand'],
      [undefined, 'en', 'This link can no longer be used', 'Back to Stagehand'],
    ] as const) {
      const { res, html } = await invalidPage(branded, language);
      assert.equal(res.status, 400);
      assert.match(html, new RegExp(`^<!doctype html>\\n<html lang="${lang}" dir="ltr">`), String(language));
      assert.match(html, new RegExp(`<h1>${heading}</h1>`), String(language));
      // Back to the site: the first allowed return origin, as for links without a return page.
      assert.match(html, new RegExp(`<p><a href="${TEST_ORIGIN}/">${back}</a></p>`), String(language));
    }
  });

  it('show the logo with the product name as its alt text, under a CSP that allows exactly its origin', async () => {
    const { res, html } = await invalidPage(branded, 'en');
    assert.match(
      html,
      /<main>\n<p class="product"><img src="https:\/\/cdn\.example\.test\/brand\/logo\.svg" alt="Stagehand"><span aria-hidden="true">Stagehand<\/span><\/p>/,
    );
    assert.match(html, /<title>Link no longer valid · Stagehand<\/title>/);
    assert.equal(
      res.headers.get('content-security-policy'),
      "default-src 'none'; style-src 'self'; img-src 'self' https://cdn.example.test; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(
      res.headers.get('referrer-policy'),
      'no-referrer',
      'the logo request carries no token-bearing Referer',
    );
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');

    const unbranded = await invalidPage(plain);
    assert.match(unbranded.html, /<p class="product">acct<\/p>/);
    assert.doesNotMatch(unbranded.html, /<img/);
    assert.match(unbranded.res.headers.get('content-security-policy') ?? '', /; img-src 'self'; /);
  });

  it('keep every style in the stylesheet and every script out, on every page', async () => {
    const client = new TestClient(branded.url, { origin: TEST_ORIGIN });
    const email = uniqueEmail();
    await client.post('/api/auth/magic-link', { email, redirectUrl: `${TEST_ORIGIN}/` });
    const link = linkIn(await latestMail(branded.services, email, 'magicLink'));
    const res = await fetch(link);
    const html = await res.text();
    assert.equal(res.status, 200);
    assert.match(
      res.headers.get('content-security-policy') ?? '',
      // The server's own origin is a return address too (start.ts), so it is listed after the site's.
      new RegExp(
        `^default-src 'none'; style-src 'self'; img-src 'self' https://cdn\\.example\\.test; form-action 'self' http://localhost:5173 ${new URL(branded.url).origin};`,
      ),
    );
    for (const page of [html, (await invalidPage(branded)).html]) {
      assert.doesNotMatch(page, /\sstyle=|<style|<script|\son\w+=/i);
      assert.doesNotMatch(res.headers.get('content-security-policy') ?? '', /unsafe|data:|\*/);
    }
  });

  it('serve the brand colours in one stylesheet, cached for good under a name that changes with them', async () => {
    const { html } = await invalidPage(branded);
    const href = /<link rel="stylesheet" href="(\/auth\/assets\/hosted-[0-9a-f]{12}\.css)">/.exec(html)?.[1];
    assert.ok(href, html);
    const css = await fetch(`${branded.url}${href}`);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    assert.equal(css.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const text = await css.text();
    // Light: the brand yellow itself with black text on it, links darkened to 4.5:1 on white.
    assert.match(
      text,
      /^:root \{ color-scheme: light dark; [^}]*--accent:#facc15; --on-accent:#000000; --link:#876e0b; \}$/m,
    );
    assert.match(
      text,
      /^@media \(prefers-color-scheme: dark\) \{ :root \{ [^}]*--card:#161b22;[^}]*--accent:#facc15; --on-accent:#000000; --link:#facc15; \} \}$/m,
    );
    assert.match(text, /button \{[^}]*background:var\(--accent\); color:var\(--on-accent\);/);
    assert.match(
      text,
      /button:focus-visible, input:focus-visible, a:focus-visible \{ outline:3px solid var\(--link\);/,
    );

    const plainHref = /href="(\/auth\/assets\/hosted-[0-9a-f]{12}\.css)"/.exec((await invalidPage(plain)).html)?.[1];
    assert.ok(plainHref && plainHref !== href, 'another colour, another name');
    assert.match(await (await fetch(`${plain.url}${plainHref}`)).text(), /--accent:#1d4ed8; --on-accent:#ffffff;/);
    assert.equal((await fetch(`${branded.url}${plainHref}`)).status, 404, 'only the current stylesheet is served');
  });

  it('answer /favicon.ico with the brand mark, and link it from the pages', async () => {
    for (const [server, colour, initial] of [
      [branded, '#facc15', 'S'],
      [plain, '#1d4ed8', 'A'],
    ] as const) {
      const favicon = await fetch(`${server.url}/favicon.ico`);
      assert.equal(favicon.status, 200);
      assert.match(favicon.headers.get('content-type') ?? '', /^image\/svg\+xml/);
      const svg = await favicon.text();
      assert.match(svg, new RegExp(`<rect [^>]*fill="${colour}"/>`));
      assert.match(svg, new RegExp(`>${initial}</text>`));

      const href = /<link rel="icon" href="(\/auth\/assets\/icon-[0-9a-f]{12}\.svg)" type="image\/svg\+xml">/.exec(
        (await invalidPage(server)).html,
      )?.[1];
      assert.ok(href);
      const icon = await fetch(`${server.url}${href}`);
      assert.deepEqual(
        [icon.status, icon.headers.get('cache-control'), await icon.text()],
        [200, 'public, max-age=31536000, immutable', svg],
      );
    }
  });
});
