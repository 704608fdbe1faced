/**
 * Each element declares the string areas it reads (`static stringAreas`, widgets/src/core/i18n/
 * areas.ts), and it must declare exactly those: an area it reads and does not declare is not
 * fetched before it renders (a blank or a crash in a language whose chunk is not here yet), and
 * one it declares and does not read is downloaded for nothing. Derived from the sources, not from
 * a list kept by hand:
 *
 * - which top-level section of a language lives where, from English's core and its areas;
 * - which sections an element reads, from every `t.<section>` in the modules it imports statically
 *   (its own and the shared ones), stopping at other elements' `define.ts` (they declare their own),
 *   and in the modules of its own folder it fetches on demand;
 * - which areas it fetches: its class's `stringAreas`, and those its flows fetch with `useStrings`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { STRING_AREAS, type StringArea } from '../../../widgets/src/core/i18n/areas';
import { areas as ENGLISH_AREAS, en } from '../../../widgets/src/core/i18n/en';
import { defineModule, ELEMENT_TAGS } from '../../../widgets/src/loader/element-tags';

const SRC = fileURLToPath(new URL('../../../widgets/src/', import.meta.url));

/** Where each top-level section is: `core` or its area (`errors` is in every part, merged). */
async function sectionHomes(): Promise<Map<string, 'core' | StringArea>> {
  const homes = new Map<string, 'core' | StringArea>(Object.keys(en).map((key) => [key, 'core']));
  for (const area of STRING_AREAS) {
    const strings = (await ENGLISH_AREAS[area]()).default;
    for (const key of Object.keys(strings).filter((key) => key !== 'errors')) {
      assert.ok(!homes.has(key), `${key} is both in ${homes.get(key)} and in ${area}`);
      homes.set(key, area);
    }
  }
  return homes;
}

/**
 * The modules of an element, from its `define.ts`: every module imported statically, transitively,
 * under widgets/src (type-only imports, the i18n modules and other elements' `define.ts` aside),
 * and the modules of its own folder it fetches on demand (`<acct-login>`'s provider buttons), whose
 * areas it fetches with `useStrings`.
 */
function elementModules(file: string, own: string, into = new Set<string>()): Set<string> {
  if (into.has(file)) return into;
  into.add(file);
  const source = readFileSync(file, 'utf8');
  const fileDir = dirname(file);
  const imports = [
    // Type-only imports bring no code, hence no strings read.
    ...[...source.matchAll(/^(?:import|export)\s(?!type\s)(?:[^'"]*?\sfrom\s)?'(\.[^']+)';/gm)].map(([, s]) => s!),
    ...[...source.matchAll(/\bimport\('(\.[^']+)'\)/g)]
      .map(([, s]) => s!)
      .filter((s) => resolve(fileDir, s).startsWith(dirname(own) + '/')),
  ];
  for (const specifier of imports) {
    const target = resolve(fileDir, specifier.replace(/\.js$/, '.ts'));
    const otherElement = target.endsWith('/define.ts') && target !== own;
    if (target.startsWith(SRC) && !target.includes('/core/i18n/') && !otherElement) elementModules(target, own, into);
  }
  return into;
}

/** The top-level sections an element's modules read: every `t.<name>` (`this.t.x`, `view.t.x`…). */
function sectionsRead(tag: (typeof ELEMENT_TAGS)[number]): Set<string> {
  const own = join(SRC, defineModule(tag));
  const names = new Set<string>();
  for (const file of elementModules(own, own)) {
    // Comments name sections too, without reading them.
    const source = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\/?\*).*$/gm, '');
    for (const [, name] of source.matchAll(/\bt\.([A-Za-z$][\w$]*)/g)) names.add(name!);
  }
  return names;
}

/**
 * The areas the element fetches, read from its folder's sources (importing the class here would
 * need the browser build's decorators): those its class declares, `static override stringAreas =
 * ['a', 'b'] as const`, and those its flows fetch, `this.useStrings('a')`.
 */
function declaredAreas(tag: (typeof ELEMENT_TAGS)[number]): string[] {
  const own = join(SRC, defineModule(tag));
  const sources = [...elementModules(own, own)]
    .filter((file) => dirname(file) === dirname(own))
    .map((file) => readFileSync(file, 'utf8'));
  const declarations = sources.flatMap((source) => [...source.matchAll(/static override stringAreas = \[([^\]]*)\]/g)]);
  assert.ok(declarations.length <= 1, `<${tag}> declares its areas more than once`);
  const flows = sources.flatMap((source) => [...source.matchAll(/\buseStrings\(([^)]*)\)/g)]);
  return [
    ...new Set(
      [declarations[0], ...flows].flatMap((m) => [...(m?.[1] ?? '').matchAll(/'([a-z-]+)'/g)].map(([, area]) => area!)),
    ),
  ].sort();
}

describe('string areas', () => {
  // Read once for every test: English's core and areas do not change while they run. A failure is
  // reported by each test that awaits it, not as an unhandled rejection before they run.
  const homesOnce = sectionHomes();
  homesOnce.catch(() => {});

  it('puts each section in one place: the core or one area', async () => {
    const homes = await homesOnce;
    assert.ok([...homes.values()].filter((home) => home !== 'core').length > 0, 'no section in an area');
  });

  for (const tag of ELEMENT_TAGS) {
    it(`<${tag}> declares exactly the areas it reads`, async () => {
      const homes = await homesOnce;
      // Only the sections known to live somewhere count: `t` also names other things (a token's `t.id`).
      const needed = [...sectionsRead(tag)]
        .map((name) => homes.get(name))
        .filter((home): home is StringArea => home !== undefined && home !== 'core');
      assert.deepEqual(declaredAreas(tag), [...new Set(needed)].sort());
    });
  }
});
