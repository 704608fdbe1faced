/**
 * Language choice, error messages and the completeness of every language, derived from the
 * sources rather than from a list kept by hand: the key tree of en.ts, the contract's error
 * catalogue (contract/index.ts, imported in this test only: the contract's area files hold zod
 * schemas, which must not reach the bundle) and the languages built into registry.ts. The types
 * already make each language have English's keys; this checks what they cannot: no extra keys, no
 * empty messages, sentences actually translated, and the same placeholders as English's.
 */
import { expect } from '@open-wc/testing';
import { ERROR_CATALOGUE } from '../../../../contract/index.js';
import { ApiError } from '../api-client.js';
import { errorCode, errorMessage, localize } from './index.js';
import { BUILT_IN_LANGUAGES, translations } from './registry.js';
import { leaves, placeholders, sample } from '../../../../contract/translation-leaves.js';

// Every part of every language but English's core is a chunk fetched on first use (chunks.ts):
// `load` fetches a language's core and every area.
await Promise.all(BUILT_IN_LANGUAGES.map((tag) => translations.load(tag)));
const en = localize('en');
const others = BUILT_IN_LANGUAGES.filter((tag) => tag !== 'en').map(localize);

describe('localize', () => {
  it('matches the tag, then its language, then falls back to English', () => {
    expect(localize('fr').$lang).to.equal('fr');
    expect(localize('FR-ca').$lang).to.equal('fr');
    expect(localize('de-AT').$lang).to.equal('de');
    expect(localize('es-419').$lang).to.equal('es');
    expect(localize('ar-EG').$lang).to.equal('ar');
    expect(localize('pt').$lang).to.equal('en');
    expect(localize('').$lang).to.equal('en');
  });

  it('knows which languages are written right to left', () => {
    const rtl = BUILT_IN_LANGUAGES.map(localize).filter((t) => t.$dir === 'rtl');
    expect(rtl.map((t) => t.$lang)).to.deep.equal(['ar']);
  });
});

describe('every language is complete (from English: en.ts and its areas)', () => {
  const english = leaves(en);

  for (const language of others) {
    describe(language.$lang, () => {
      const translated = leaves(language);

      it('has every key of English and no other, each of the same kind', () => {
        expect([...translated.keys()].sort()).to.deep.equal([...english.keys()].sort());
        const kinds = (value: unknown) => (typeof value === 'function' ? `function/${value.length}` : typeof value);
        const wrong = [...english].filter(([path, value]) => kinds(translated.get(path)) !== kinds(value));
        expect(wrong.map(([path]) => path)).to.deep.equal([]);
      });

      it('has no empty message (a count of 0 may say nothing, as in English)', () => {
        const empty = [...translated].filter(([path, value]) => !sample(value) && sample(english.get(path)) !== '');
        expect(empty.map(([path]) => path)).to.deep.equal([]);
      });

      it('is translated: no sentence of three words or more reads as the English one', () => {
        // Short labels may coincide (German "Passkey", "Name", "Tablet"); sentences may not.
        const same = [...english].filter(([path, value]) => {
          const text = sample(value);
          return text.split(/\s+/).length >= 3 && text === sample(translated.get(path));
        });
        expect(same.map(([path]) => path)).to.deep.equal([]);
      });

      it('uses the same placeholders as English, each message with every value it is given', () => {
        const differ = [...english]
          .filter(([path, value]) => placeholders(value).join() !== placeholders(translated.get(path)).join())
          .map(([path]) => path);
        expect(differ).to.deep.equal([]);
      });
    });
  }
});

describe('errorMessage', () => {
  // Every code the server answers with comes from the contract's catalogue, so a code added there
  // without a message here fails this test; then the codes only the client produces.
  const serverCodes = Object.keys(ERROR_CATALOGUE);
  const clientCodes = [
    'network_error',
    'unexpected_response',
    // The browser's side of passkeys (core/webauthn.ts).
    'passkey_cancelled',
    'passkey_unsupported',
    'passkey_wrong_domain',
    'passkey_failed',
    'passkey_unavailable',
    'passkey_timed_out',
  ];

  it('has a message of its own for every code of the catalogue and of the client, in every language', () => {
    expect(serverCodes.length, 'the catalogue is empty').to.be.greaterThan(0);
    const untranslated: string[] = [];
    for (const code of [...serverCodes, ...clientCodes]) {
      const error = new ApiError(code, 500, 'server text');
      const english = errorMessage(localize('en'), error);
      if (errorCode(localize('en'), error) !== code || !english) untranslated.push(`${code} (en)`);
      for (const language of others) {
        const message = errorMessage(localize(language.$lang), error);
        if (!message || message === english) untranslated.push(`${code} (${language.$lang})`);
      }
    }
    expect(untranslated, 'codes without a message in each language').to.deep.equal([]);
  });

  it("uses the generic message for unknown codes, never the server's English text", () => {
    const error = new ApiError('brand_new_code', 400, 'Some English sentence.');
    expect(errorMessage(localize('fr'), error)).to.equal('Une erreur est survenue. Réessayez.');
    expect(errorMessage(localize('de'), error)).to.equal('Etwas ist schiefgelaufen. Versuchen Sie es erneut.');
    expect(errorMessage(localize('en'), new Error('boom'))).to.equal('Something went wrong. Try again.');
  });

  it('says how long to wait when a 429 says so (Retry-After), in each language’s words', () => {
    const limited = new ApiError('too_many_requests', 429, 'Too many attempts.', undefined, 1500);
    expect(errorMessage(localize('en'), limited)).to.equal('Too many attempts. Try again in 25 minutes.');
    expect(errorMessage(localize('fr'), limited)).to.equal('Trop de tentatives. Réessayez dans 25 minutes.');
    expect(errorMessage(localize('de'), limited)).to.equal('Zu viele Versuche. Versuchen Sie es in 25 Minuten erneut.');
    expect(errorMessage(localize('es'), limited)).to.equal(
      'Demasiados intentos. Vuelve a intentarlo dentro de 25 minutos.',
    );
    expect(errorMessage(localize('ar'), limited)).to.match(/^محاولات كثيرة جدًا\. حاول مرة أخرى .*25.*\.$/);
    const vague = new ApiError('too_many_requests', 429, 'Too many attempts.');
    expect(errorMessage(localize('en'), vague)).to.equal('Too many attempts. Wait a moment and try again.');
  });
});

describe('values in right-to-left sentences (registry.ts)', () => {
  it("isolates each text value an Arabic message puts in its sentence, with the message's arity kept", () => {
    const ar = localize('ar');
    expect(ar.linkSent('1234@example.com')).to.include('\u20681234@example.com\u2069');
    expect(ar.card.handOver.title('a@example.com', 'Acme')).to.include('\u2068Acme\u2069');
    expect([ar.linkSent.length, ar.card.handOver.title.length]).to.deep.equal([1, 2]);
    // Numbers are the message's own to format (the plurals below).
    expect(ar.organization.memberCount(3)).to.equal('3 أعضاء');
  });

  it('leaves the messages of left-to-right languages as they are', () => {
    for (const tag of ['en', 'fr', 'de', 'es']) {
      expect(localize(tag).linkSent('1234@example.com'), tag).not.to.match(/[\u2068\u2069]/);
    }
  });
});

describe('Arabic plurals (Intl.PluralRules)', () => {
  it('take the form each count needs: one, two, few, many, other', () => {
    const ar = localize('ar');
    expect([1, 2, 3, 11, 100].map((n) => ar.organization.memberCount(n))).to.deep.equal([
      'عضو واحد',
      'عضوان',
      '3 أعضاء',
      '11 عضوًا',
      '100 عضو',
    ]);
  });
});

describe("the site's strings (registry.ts)", () => {
  afterEach(() => translations.reset());

  it('registers a language over a built-in one, which it reads as for everything it leaves out, areas too', async () => {
    translations.register('pt-br', { signIn: 'Entrar', webhooks: { title: 'Ganchos' } }, { base: 'es' });
    await translations.load('pt-br', ['webhooks', 'security']);
    const pt = localize('pt-BR');
    const es = localize('es');
    expect(pt.$lang).to.equal('pt-br');
    expect([pt.signIn, pt.webhooks.title]).to.deep.equal(['Entrar', 'Ganchos']);
    expect([pt.signUp, pt.sessions.title, pt.webhooks.intro]).to.deep.equal([
      es.signUp,
      es.sessions.title,
      es.webhooks.intro,
    ]);
  });

  it('shows only the allowed languages: any other reads as the first of them', () => {
    translations.allow(['fr', 'de']);
    expect(translations.languages()).to.deep.equal(['fr', 'de']);
    expect([localize('en'), localize('ja'), localize('de-AT')].map((t) => t.$lang)).to.deep.equal(['fr', 'fr', 'de']);
  });

  it('keeps a value of the wrong kind out, saying so once however often the strings are composed again', () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      translations.override('en', { signIn: { nested: 'no' } as unknown as string, signUp: 'Join' });
      localize('en');
      translations.override('en', { signOut: 'Leave' });
      const t = localize('en');
      expect([t.signIn, t.signUp, t.signOut]).to.deep.equal(['Sign in', 'Join', 'Leave']);
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});
