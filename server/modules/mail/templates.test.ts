/**
 * The mails as rendered: in the language asked for (subject, text, HTML and `<html lang>`), with
 * the brand — product name, logo with the name as alt text, the brand colour on the button and a
 * readable text colour on it — and every interpolation escaped; the new-device notice describes
 * the device from its parts, a device without a model name by its kind.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Brand } from '../../brand/brand';
import { mailOptions, mailTemplates } from './templates';

const plain: Brand = { productName: 'Stagehand', color: '#1d4ed8', logoUrl: undefined };
const yellow: Brand = {
  productName: 'Stagehand',
  color: '#facc15',
  logoUrl: 'https://cdn.example.test/logo.svg?v=1&size=2',
};
const URL_ = 'https://auth.example.test/auth/magic-link?token=abc';

describe('mail templates', () => {
  it('write in English and in French', () => {
    const en = mailTemplates.magicLink({ brand: plain, lang: 'en' }, URL_, 10);
    assert.equal(en.subject, 'Sign in to Stagehand');
    assert.match(
      en.text,
      /^Use this link to sign in to Stagehand\. No password needed\.\n\nSign in to Stagehand:\nhttps:\/\/auth\.example\.test/,
    );
    assert.match(en.text, /expires in 10 minutes/);
    assert.match(en.html, /^<!doctype html>\n<html lang="en" dir="ltr">/);

    const fr = mailTemplates.magicLink({ brand: plain, lang: 'fr' }, URL_, 1);
    assert.equal(fr.subject, 'Connexion à Stagehand');
    assert.match(fr.text, /^Utilisez ce lien pour vous connecter à Stagehand\./);
    assert.match(fr.text, /expire dans 1\u00a0minute\./);
    assert.match(fr.html, /<html lang="fr" dir="ltr">/);
    assert.match(fr.html, /copiez cette adresse dans votre navigateur/);
    assert.match(fr.text, /— Stagehand$/);
  });

  it('write Arabic right to left, keeping the order of what reads left to right', () => {
    const ar = mailTemplates.magicLink({ brand: plain, lang: 'ar' }, `${URL_}-`, 10);
    assert.match(ar.html, /^<!doctype html>\n<html lang="ar" dir="rtl">/);
    // Without `dir`, the `-` ending the address is drawn at its start.
    assert.ok(ar.html.includes(`<span dir="ltr" style="word-break:break-all">${URL_}-</span>`));
    // Values in sentences are isolated (contract/bidi.ts).
    assert.ok(ar.subject.includes('\u2068Stagehand\u2069'), ar.subject);
  });

  it('choose the user’s language first, then the request’s, then the default', () => {
    const config = { brand: plain, defaultLanguage: 'fr' as const };
    assert.equal(mailOptions(config, 'en', 'fr').lang, 'en');
    assert.equal(mailOptions(config, null, 'en').lang, 'en');
    assert.equal(mailOptions(config, null, undefined).lang, 'fr');
    assert.equal(mailOptions(config, 'pt', undefined).lang, 'fr');
  });

  it('show the logo with the product name as alt text, and the brand colour on the button', () => {
    const withLogo = mailTemplates.verifyEmail({ brand: yellow, lang: 'en' }, URL_);
    assert.match(
      withLogo.html,
      /<img src="https:\/\/cdn\.example\.test\/logo\.svg\?v=1&amp;size=2" alt="Stagehand" height="40"/,
    );
    assert.match(withLogo.html, /<span aria-hidden="true"[^>]*>Stagehand<\/span>/);
    // A yellow button carries black text: white on it would be 1.5:1.
    assert.match(withLogo.html, /<a href="[^"]+" style="background:#facc15;color:#000000;/);

    const withoutLogo = mailTemplates.verifyEmail({ brand: plain, lang: 'en' }, URL_);
    assert.doesNotMatch(withoutLogo.html, /<img/);
    assert.match(withoutLogo.html, /<p style="[^"]*">Stagehand<\/p>/);
    assert.match(withoutLogo.html, /style="background:#1d4ed8;color:#ffffff;/);
  });

  it('escape everything users or operators chose', () => {
    const brand: Brand = {
      productName: 'A&B <Crew>',
      color: '#1d4ed8',
      logoUrl: 'https://cdn.example.test/"onerror="x.svg',
    };
    const mail = mailTemplates.organizationInvitation(
      { brand, lang: 'fr' },
      { organizationName: '<script>alert(1)</script>', inviter: '"Mallory" <m@example.test>', ttlDays: 7 },
      'https://auth.example.test/auth/invitation?token=a&b',
    );
    assert.equal(mail.subject, 'Rejoignez <script>alert(1)</script> sur A&B <Crew>', 'the subject is text, not HTML');
    assert.doesNotMatch(mail.html, /<script>|<Crew>|"onerror="|"Mallory"/);
    assert.match(mail.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(mail.html, /alt="A&amp;B &lt;Crew&gt;"/);
    assert.match(mail.html, /href="https:\/\/auth\.example\.test\/auth\/invitation\?token=a&amp;b"/);
    assert.match(mail.text, /expire dans 7\u00a0jours/);
  });

  it('name a passkey when it has a name of its own, and say "a passkey" otherwise', () => {
    assert.match(
      mailTemplates.newPasskey({ brand: plain, lang: 'en' }, 'YubiKey 5').text,
      /A new passkey, "YubiKey 5", can now be used/,
    );
    assert.match(mailTemplates.newPasskey({ brand: plain, lang: 'en' }, null).text, /^A new passkey can now be used/);
    assert.match(
      mailTemplates.newPasskey({ brand: plain, lang: 'fr' }, null).text,
      /^Une nouvelle clé d’accès permet désormais/,
    );
  });

  it('describe a new device from its parts, in the mail’s language', () => {
    const time = new Date('2026-03-05T14:07:00Z');
    const iphone = { type: 'mobile' as const, name: 'iPhone', browser: 'Mobile Safari 17', os: 'iOS 17' };
    const en = mailTemplates.newDevice(
      { brand: plain, lang: 'en' },
      { device: iphone, location: { city: 'Lyon', country: 'FR' }, ip: '203.0.113.9', time },
    );
    assert.match(en.text, /\niPhone \(Mobile Safari 17 on iOS 17\) — Lyon, FR — March 5, 2026 at 2:07\sPM UTC\n/);

    const unnamed = { type: 'desktop' as const, name: null, browser: 'Firefox 128', os: 'Linux' };
    const fr = mailTemplates.newDevice(
      { brand: plain, lang: 'fr' },
      { device: unnamed, location: null, ip: '203.0.113.9', time },
    );
    assert.equal(fr.subject, 'Nouvelle connexion à Stagehand');
    assert.match(fr.text, /\nOrdinateur \(Firefox 128 sur Linux\) — 203\.0\.113\.9 — 5 mars 2026 à 14:07 UTC\n/);

    const bare = { type: 'tablet' as const, name: null, browser: null, os: null };
    assert.match(
      mailTemplates.newDevice({ brand: plain, lang: 'fr' }, { device: bare, location: null, ip: undefined, time }).text,
      /\nTablette — Lieu inconnu — /,
    );
  });
});
