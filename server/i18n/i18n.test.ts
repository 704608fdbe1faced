/**
 * The server's translations and the choice of language: every language has exactly English's
 * keys, each of the same kind (text or function of the same arity) — derived from en.ts and
 * SUPPORTED_LANGUAGES, not from a list kept by hand — no empty message, its sentences translated
 * and showing the same values as English's; `Accept-Language` is read by q-value; stored choices
 * win; ACCT_LANGUAGES narrows the choice.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leaves, placeholders, sample } from '../../contract/translation-leaves';
import { en } from './en';
import { fr } from './fr';
import { acceptedLanguage, matchLanguage, messages, pickLanguage, SUPPORTED_LANGUAGES } from './index';

const kind = (value: unknown) => (typeof value === 'function' ? `function/${value.length}` : typeof value);
/** Takes an object, not values: checked by the invitation tests below. */
const INVITED = 'pages.invitation.invited';
/** English shows the digest's frequency as given (`daily`); the others translate it, as they must. */
const TRANSLATED_VALUES = new Set(['mail.notificationDigest.subject', 'mail.notificationDigest.intro']);

describe('translations', () => {
  const english = leaves(en);

  for (const language of SUPPORTED_LANGUAGES.filter((l) => l !== 'en')) {
    const translated = leaves(messages(language));

    it(`${language} has every key of en, of the same kind, and no other`, () => {
      assert.deepEqual([...translated.keys()].sort(), [...english.keys()].sort());
      for (const [path, value] of english) assert.equal(kind(translated.get(path)), kind(value), path);
    });

    it(`${language} is translated: no empty message, no sentence of three words or more as in English`, () => {
      for (const [path, value] of english) {
        if (path === INVITED) continue;
        const text = sample(translated.get(path));
        assert.notEqual(text.trim(), '', `${path} is empty`);
        if (text.split(/\s+/).length >= 3) assert.notEqual(text, sample(value), `${path} is not translated`);
      }
    });

    it(`${language} shows the same values as English in every message`, () => {
      for (const [path, value] of english) {
        if (path === INVITED || TRANSLATED_VALUES.has(path)) continue;
        assert.deepEqual(placeholders(translated.get(path)), placeholders(value), path);
      }
    });
  }

  it('writes Arabic right to left, every other language left to right', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      assert.equal(messages(language).$dir, language === 'ar' ? 'rtl' : 'ltr', language);
    }
  });

  it('writes French punctuation with a no-break space', () => {
    for (const [path, value] of leaves(fr)) {
      const text = typeof value === 'function' ? String(value('Acme', 'Acme', 'Acme')) : String(value);
      assert.doesNotMatch(text, / [:?!;»]|« /, `${path}: a breaking space before French punctuation`);
    }
  });

  it('places the invited address as given, between translated text, in every language', () => {
    const marker = { html: '<strong>a@example.test</strong>' };
    for (const language of SUPPORTED_LANGUAGES) {
      const parts = messages(language).pages.invitation.invited({
        inviter: null,
        email: marker,
        organization: 'Acme',
        role: 'admin',
      });
      assert.equal(parts[1], marker, language);
    }
    const parts = fr.pages.invitation.invited({ inviter: null, email: marker, organization: 'Acme', role: 'admin' });
    assert.equal(
      parts.filter((p) => typeof p === 'string').join('…'),
      'Quelqu’un invite … à rejoindre Acme avec le rôle d’administrateur.',
    );
  });

  it('isolates the text values of Arabic sentences (contract/bidi.ts), and only there', () => {
    // Without it an address starting with digits reads `example.com@1234` in the Arabic sentence.
    assert.match(messages('ar').pages.emailChange.intro('1234@example.com'), /\u20681234@example\.com\u2069/);
    assert.equal(messages('ar').pages.emailChange.intro.length, 1, 'the arity is kept');
    for (const language of SUPPORTED_LANGUAGES.filter((l) => l !== 'ar')) {
      assert.doesNotMatch(messages(language).pages.emailChange.intro('1234@example.com'), /[\u2068\u2069]/, language);
    }
    // A choice between words is a flag, not text a message compares (isolated text would never match).
    const digest = messages('ar').mail.notificationDigest;
    assert.notEqual(digest.intro('Acme', true), digest.intro('Acme', false));
  });

  it('counts in Arabic with its plural forms (Intl.PluralRules)', () => {
    const footer = messages('ar').mail.magicLink.footer;
    assert.match(footer(1), /خلال دقيقة واحدة/);
    assert.match(footer(2), /خلال دقيقتين/);
    assert.match(footer(10), /خلال 10 دقائق/);
    assert.match(footer(15), /خلال 15 دقيقة/);
  });
});

describe('choosing a language', () => {
  it('matches a tag by its primary language', () => {
    assert.equal(matchLanguage('fr'), 'fr');
    assert.equal(matchLanguage('FR-ca'), 'fr');
    assert.equal(matchLanguage('en_GB'), 'en');
    assert.equal(matchLanguage('de-AT'), 'de');
    assert.equal(matchLanguage('es-419'), 'es');
    assert.equal(matchLanguage('ar'), 'ar');
    assert.equal(matchLanguage('pt'), undefined);
    assert.equal(matchLanguage(''), undefined);
    assert.equal(matchLanguage(42), undefined);
  });

  for (const [header, expected] of [
    ['fr-FR,fr;q=0.9', 'fr'],
    ['fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7', 'fr'],
    ['en-US,en;q=0.9,fr;q=0.8', 'en'],
    ['de-DE, de;q=0.9, fr;q=0.5, en;q=0.3', 'de'],
    ['pt-BR, pt;q=0.9, es;q=0.5, en;q=0.3', 'es'],
    ['en;q=0.4, fr;q=0.6', 'fr'],
    ['fr;q=0.5, en;q=0.5', 'fr'],
    ['en;q=0, fr', 'fr'],
    ['fr;q=0', undefined],
    ['pt, *;q=0.5', undefined],
    ['pt', undefined],
    ['', undefined],
    [undefined, undefined],
    ['fr;q=abc, en;q=0.1', 'en'],
    [';;;,,,=q', undefined],
    ['x'.repeat(5000), undefined],
    [`${'pt;q=0.1,'.repeat(2000)}fr`, undefined],
  ] as const) {
    it(`reads Accept-Language ${JSON.stringify(header)?.slice(0, 40)} as ${expected}`, () => {
      assert.equal(acceptedLanguage(header), expected);
    });
  }

  it('takes the first supported candidate, else the fallback', () => {
    assert.equal(pickLanguage(['fr', 'en'], 'en'), 'fr');
    assert.equal(pickLanguage([null, undefined, 'pt', 'fr-BE'], 'en'), 'fr');
  });

  it('keeps to the languages the server allows (ACCT_LANGUAGES)', () => {
    assert.equal(pickLanguage(['de', 'fr'], 'en', ['en', 'fr']), 'fr');
    assert.equal(pickLanguage(['ar'], 'en', ['en', 'fr']), 'en');
    assert.equal(acceptedLanguage('de-DE, de;q=0.9, es;q=0.5', ['en', 'es']), 'es');
    assert.equal(acceptedLanguage('de', ['en']), undefined);
    assert.equal(pickLanguage([null, undefined], 'fr'), 'fr');
    assert.equal(pickLanguage([], 'en'), 'en');
  });
});
