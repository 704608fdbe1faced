/**
 * Each element declares the string areas it reads (`static stringAreas`, widgets/src/core/i18n/
 * areas.ts), and it must declare exactly those: an area it reads and does not declare is not
 * fetched before it renders (a blank or a crash in a language whose chunk is not here yet), and
 * one it declares and does not read is downloaded for nothing. Derived from the sources, not from
 * a list kept by hand:
 *
 * - which top-level section of a language lives where, from English's core and its areas;
 * - which sections an element reads, from every `t.<section>` in the modules it imports statically
 *   (its own and the shared ones), stopping at other elements' `define.ts` (they declare their own).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { STRING_AREAS, type StringArea } from '../../../widgets/src/core/i18n/areas';
import { LANGUAGE_CHUNKS } from '../../../widgets/src/core/i18n/chunks';
import { en } from '../../../widgets/src/core/i18n/en';
import { defineModule, ELEMENT_TAGS } from '../../../widgets/src/loader/element-tags';

const SRC = fileURLToPath(new URL('../../../widgets/src/', import.meta.url));

/** Where each top-level section is: `core` or its area (`errors` is in every part, merged). */
async function sectionHomes(): Promise<Map<string, 'core' | StringArea>> {
  const homes = new Map<string, 'core' | StringArea>(Object.keys(en).map((key) => [key, 'core']));
  for (const area of STRING_AREAS) {
    const strings = (await LANGUAGE_CHUNKS.en!.areas[area]()).default;
    for (const key of Object.keys(strings).filter((key) => key !== 'errors')) {
      assert.ok(!homes.has(key), `${key} is both in ${homes.get(key)} and in ${area}`);
      homes.set(key, area);
    }
  }
  return homes;
}

/** Every module `file` imports statically, transitively, under widgets/src (tests and i18n aside). */
function staticImports(file: string, own: string, into = new Set<string>()): Set<string> {
  if (into.has(file)) return into;
  into.add(file);
  const source = readFileSync(file, 'utf8');
  // Type-only imports bring no code, hence no strings read.
  for (const [, specifier] of source.matchAll(/^(?:import|export)\s(?!type\s)(?:[^'"]*?\sfrom\s)?'(\.[^']+)';/gm)) {
    const target = resolve(dirname(file), specifier!.replace(/\.js$/, '.ts'));
    const otherElement = target.endsWith('/define.ts') && target !== own;
    if (target.startsWith(SRC) && !target.includes('/core/i18n/') && !otherElement) staticImports(target, own, into);
  }
  return into;
}

/** The top-level sections an element's modules read: every `t.<name>` (`this.t.x`, `view.t.x`…). */
function sectionsRead(tag: (typeof ELEMENT_TAGS)[number]): Set<string> {
  const own = join(SRC, defineModule(tag));
  const names = new Set<string>();
  for (const file of staticImports(own, own)) {
    // Comments name sections too, without reading them.
    const source = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\/?\*).*$/gm, '');
    for (const [, name] of source.matchAll(/\bt\.([A-Za-z$][\w$]*)/g)) names.add(name!);
  }
  return names;
}

/**
 * The areas the element's class declares, read from its folder's sources (importing the class here
 * would need the browser build's decorators): `static override stringAreas = ['a', 'b'] as const`.
 */
function declaredAreas(tag: (typeof ELEMENT_TAGS)[number]): string[] {
  const own = join(SRC, defineModule(tag));
  const folder = dirname(own);
  const declarations = [...staticImports(own, own)]
    .filter((file) => dirname(file) === folder)
    .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/static override stringAreas = \[([^\]]*)\]/g)]);
  assert.ok(declarations.length <= 1, `<${tag}> declares its areas more than once`);
  return [...(declarations[0]?.[1] ?? '').matchAll(/'([a-z-]+)'/g)].map(([, area]) => area!).sort();
}

describe('string areas', () => {
  it('puts each section in one place: the core or one area', async () => {
    const homes = await sectionHomes();
    assert.ok([...homes.values()].filter((home) => home !== 'core').length > 0, 'no section in an area');
  });

  for (const tag of ELEMENT_TAGS) {
    it(`<${tag}> declares exactly the areas it reads`, async () => {
      const homes = await sectionHomes();
      // Only the sections known to live somewhere count: `t` also names other things (a token's `t.id`).
      const needed = [...sectionsRead(tag)]
        .map((name) => homes.get(name))
        .filter((home): home is StringArea => home !== undefined && home !== 'core');
      assert.deepEqual(declaredAreas(tag), [...new Set(needed)].sort());
    });
  }
});
