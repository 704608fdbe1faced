/**
 * The server's translations and the choice of language: French has exactly English's keys, each
 * of the same kind (text or function of the same arity) — derived from en.ts, not from a list kept
 * by hand — and is actually French; `Accept-Language` is read by q-value; stored choices win.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from './en';
import { fr } from './fr';
import { acceptedLanguage, matchLanguage, messages, pickLanguage, SUPPORTED_LANGUAGES } from './index';

/** Every leaf of a message tree: its dotted path and its value. */
function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [p, v] of leaves(value, path)) found.set(p, v);
    else found.set(path, value);
  }
  return found;
}

const kind = (value: unknown) => (typeof value === 'function' ? `function/${value.length}` : typeof value);

describe('translations', () => {
  const english = leaves(en);

  for (const language of SUPPORTED_LANGUAGES.filter((l) => l !== 'en')) {
    it(`${language} has every key of en, of the same kind, and no other`, () => {
      const translated = leaves(messages(language));
      assert.deepEqual([...translated.keys()].sort(), [...english.keys()].sort());
      for (const [path, value] of english) assert.equal(kind(translated.get(path)), kind(value), path);
    });
  }

  it('fr is French: its sentences differ from the English ones', () => {
    // The only strings that may read the same: the signature's dash and direction.
    const same = new Set(['$dir', 'mail.signature']);
    const sample = (value: unknown) =>
      typeof value === 'function'
        ? String(
            value(...Array.from({ length: value.length }, (_, i) => (i === 0 && value.length === 1 ? 'Acme' : i + 2))),
          )
        : String(value);
    const french = leaves(fr);
    for (const [path, value] of leaves(en)) {
      if (same.has(path) || path === 'pages.invitation.invited') continue;
      assert.notEqual(sample(french.get(path)), sample(value), `${path} is not translated`);
    }
  });

  it('writes French punctuation with a no-break space', () => {
    for (const [path, value] of leaves(fr)) {
      const text = typeof value === 'function' ? String(value('Acme', 'Acme', 'Acme')) : String(value);
      assert.doesNotMatch(text, / [:?!;»]|« /, `${path}: a breaking space before French punctuation`);
    }
  });

  it('places the invited address as given, between translated text', () => {
    const marker = { html: '<strong>a@example.test</strong>' };
    const parts = fr.pages.invitation.invited({ inviter: null, email: marker, organization: 'Acme', role: 'admin' });
    assert.equal(parts[1], marker);
    assert.equal(
      parts.filter((p) => typeof p === 'string').join('…'),
      'Quelqu’un invite … à rejoindre Acme avec le rôle d’administrateur.',
    );
  });
});

describe('choosing a language', () => {
  it('matches a tag by its primary language', () => {
    assert.equal(matchLanguage('fr'), 'fr');
    assert.equal(matchLanguage('FR-ca'), 'fr');
    assert.equal(matchLanguage('en_GB'), 'en');
    assert.equal(matchLanguage('de'), undefined);
    assert.equal(matchLanguage(''), undefined);
    assert.equal(matchLanguage(42), undefined);
  });

  for (const [header, expected] of [
    ['fr-FR,fr;q=0.9', 'fr'],
    ['fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7', 'fr'],
    ['en-US,en;q=0.9,fr;q=0.8', 'en'],
    ['de-DE, de;q=0.9, fr;q=0.5, en;q=0.3', 'fr'],
    ['en;q=0.4, fr;q=0.6', 'fr'],
    ['fr;q=0.5, en;q=0.5', 'fr'],
    ['en;q=0, fr', 'fr'],
    ['fr;q=0', undefined],
    ['de, *;q=0.5', undefined],
    ['de', undefined],
    ['', undefined],
    [undefined, undefined],
    ['fr;q=abc, en;q=0.1', 'en'],
    [';;;,,,=q', undefined],
    ['x'.repeat(5000), undefined],
    [`${'de;q=0.1,'.repeat(2000)}fr`, undefined],
  ] as const) {
    it(`reads Accept-Language ${JSON.stringify(header)?.slice(0, 40)} as ${expected}`, () => {
      assert.equal(acceptedLanguage(header), expected);
    });
  }

  it('takes the first supported candidate, else the fallback', () => {
    assert.equal(pickLanguage(['fr', 'en'], 'en'), 'fr');
    assert.equal(pickLanguage([null, undefined, 'de', 'fr-BE'], 'en'), 'fr');
    assert.equal(pickLanguage([null, undefined], 'fr'), 'fr');
    assert.equal(pickLanguage([], 'en'), 'en');
  });
});
