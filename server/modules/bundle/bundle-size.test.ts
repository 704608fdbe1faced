/**
 * The size budgets of docs/embedding.md, on the real build (`npm run size` prints the same table):
 * the loader, a page with only `<acct-login>`, each further element, each language and the whole
 * kit, min+gzip. Without a build this is skipped on a developer's machine and fails under CI.
 *
 * Not every budget is met yet (issue 13). Those that are not are listed in `NOT_YET_WITHIN` with
 * the ceiling they stand at today: each is reported as a to-do against its budget (node:test
 * counts it, never fails on it), and a second test fails if it grows past its ceiling, or once it
 * fits, so that it is taken off the list and held to the budget from then on.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { kitBreakdown, loginPageBreakdown } from '../../../scripts/bundle-breakdown';
import { BUDGETS, DIST, measureBundle, viteManifest } from '../../../scripts/bundle-size';
import { ELEMENT_TAGS } from '../../../widgets/src/loader/element-tags';
import { elementTags } from '../../../widgets/test-runner/element-tags.mjs';

const KiB = 1024;

/** Rows over their budget today, with the size (KiB) they may not grow past. */
const NOT_YET_WITHIN: Record<string, number> = {
  // Lit, the session store, English's core and the base element alone are 22.6 KiB: the 20 KiB
  // budget needs a decision (docs/embedding.md "What a page downloads", npm run size:breakdown).
  // The second step of a sign-in an emailed link or a provider's redirect started, on a page with
  // no <acct-login> (the store opens one in a dialog, core/session-store.ts and
  // login/second-step-dialog.ts), and a card connected while a sign-in waits showing it: 0.16.
  'page with only <acct-login>': 31.9,
  '<acct-onboarding> beyond that page': 13,
  // The inline confirmation's behaviour, one chunk for the eight lists that ask before they
  // remove (core/inline-confirmation.ts): 0.4. An admin's invitation form without the role (only
  // owners make admins) and the "No longer valid" mark of an invitation whose sender lost the
  // right to send it: 0.02.
  '<acct-organization> beyond that page': 11.5,
  // The language table, the registry's layers for areas (core/i18n) and the provider buttons'
  // fetch on demand cost the kit 2 KiB; they took 10.6 KiB off the login page.
  // Lit, English and the shared code alone are 32.6 KiB; the 23 elements 56 (npm run size:breakdown).
  // Addresses kept in order in right-to-left text (contract/bidi.ts, leftToRight in
  // core/views.ts, the host styles of code and address fields), and columns that shrink to a
  // narrow card (German at 320 px): 0.25. The isolation done where the elements read their
  // strings rather than in the registry, which brought the loader within its budget: 0.1. The
  // page-called methods (complete(), refresh()) asking nothing while nobody is signed in (no 401
  // in the console): 0.1. The focus and Escape of the API tokens', webhooks' and the second step's
  // confirmations (core/inline-confirmation.ts): 0.1. The account tabs scrolled to the selected one
  // and faded where more lie, the onboarding's security notifications locked on, the profile's
  // picture button and one rule for initials (the 375 px walk): 0.5. From the account centre's
  // walk: the notification panel across a phone's screen, labelled fields in the API tokens' and
  // webhooks' forms, their own message for an empty checkbox group, the site's texts in <bdi>,
  // focus after an error and after the copy-once dialog (less the repeated rules removed): 0.1.
  // The notification panel hung from the bell's side with more room (it left a wide screen from a
  // bell at the page's start), and the organization's invitations as admins and owners may send
  // them, lapsed ones marked: 0.07. The second step's dialog on a page without <acct-login>,
  // which the kit carries whole (the split build fetches it on use): 0.45. <acct-password> checking
  // its form before asking the server, and the account elements' `signed-out` state: 0.18.
  // <acct-user-button>'s menu hung from the side with more room, as the bell's panel: 0.1.
  'whole kit (acct-all.js)': 90.5,
};

const built = existsSync(viteManifest());

describe('bundle size budgets', { skip: !built && !process.env.CI && 'no build: run `npm run build`' }, () => {
  it('is measured on a build', () => assert.ok(built, 'widgets/dist has no build: run `npm run build` first'));

  it('keeps the kit one file: it imports only the languages’ cores and SimpleWebAuthn, on use', () => {
    const kit = readFileSync(join(DIST, 'acct-all.js'), 'utf8');
    assert.doesNotMatch(kit, /(from|import)\s*["'`]\.\//, 'no static import of another file');
    const fetchedOnUse = [...kit.matchAll(/import\(["'`](\.\/[^"'`]+)["'`]\)/g)].map((m) => m[1]!.slice(2)).sort();
    const chunks = measureBundle()
      // The other languages' cores (each imports its own areas) and SimpleWebAuthn; English's areas
      // are in the kit.
      .filter((row) => (row.language && !row.language.area) || row.what.startsWith('SimpleWebAuthn'))
      .map((row) => row.files[0]!)
      .sort();
    assert.deepEqual(fetchedOnUse, chunks);
  });

  it('sends the elements’ templates minified: no indented line, no comment but the licences', () => {
    // scripts/minify-templates.ts; Lit's licence notices are kept on purpose (BSD-3-Clause).
    const licence = /\/\*\*\n\* @license\n(\* .*\n)+\*\//g;
    const files = ['acct-all.js', ...measureBundle().find((row) => row.budget === 'loginPage')!.files];
    for (const file of files) {
      const code = readFileSync(join(DIST, file), 'utf8').replace(licence, '');
      assert.doesNotMatch(code, /\n {2,}\S/, `${file}: a template is left indented`);
      assert.doesNotMatch(code, /\/\*/, `${file}: a comment is left in a template`);
    }
  });

  it('breaks the login page down into parts that add up to it, each part found in the source maps', async () => {
    const parts = await loginPageBreakdown();
    const page = measureBundle().find((row) => row.budget === 'loginPage')!;
    const sum = [...parts.values()].reduce((total, bytes) => total + bytes, 0);
    assert.ok(Math.abs(sum - page.bytes) < 1, `${sum} vs ${page.bytes}`);
    for (const [part, bytes] of parts) assert.ok(bytes > 100, `${part}: ${bytes} bytes`);
    assert.equal(parts.size, 7, [...parts.keys()].join(', '));
  });

  it('breaks the kit down by element, adding up to it, every element found', async () => {
    const parts = await kitBreakdown();
    const kit = measureBundle().find((row) => row.budget === 'kit')!;
    const sum = [...parts.values()].reduce((total, bytes) => total + bytes, 0);
    assert.ok(Math.abs(sum - kit.bytes) < 1, `${sum} vs ${kit.bytes}`);
    for (const tag of ELEMENT_TAGS) assert.ok((parts.get(`<${tag}>`) ?? 0) > 100, `<${tag}> in the kit`);
  });

  it('loads every element the source defines, and no other', () => {
    assert.deepEqual([...ELEMENT_TAGS].sort(), elementTags());
  });

  const rows = built ? measureBundle() : [];
  for (const row of rows) {
    const budget = BUDGETS[row.budget];
    const ceiling = NOT_YET_WITHIN[row.what];
    const label = `${row.what}: ${(row.bytes / KiB).toFixed(1)} KiB, budget ${(budget / KiB).toFixed(0)} KiB`;
    if (ceiling === undefined) {
      it(label, () => assert.ok(row.bytes <= budget, `over budget by ${row.bytes - budget} bytes`));
    } else {
      it(label, { todo: 'not yet within its budget (issue 13)' }, () =>
        assert.ok(row.bytes <= budget, `over budget by ${row.bytes - budget} bytes`),
      );
      it(`${row.what}: no bigger than today's ${ceiling} KiB`, () => {
        assert.ok(row.bytes <= ceiling * KiB, `grew past its ceiling of ${ceiling} KiB`);
        assert.ok(row.bytes > budget, 'now within its budget: take it off NOT_YET_WITHIN');
      });
    }
  }
});
