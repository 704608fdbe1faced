/**
 * The build's minification of the elements' templates (scripts/minify-templates.ts) must not change
 * what a browser draws: spaces between inline content stay, SVG shapes stay siblings, text that
 * looks like markup stays text, and stylesheets lose their comments. Checked on samples, and on
 * every module of the elements for the one change that broke a drawing once (a shape's `/>`).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { minifyTemplates } from '../../../scripts/minify-templates';

const SRC = fileURLToPath(new URL('../../../widgets/src/', import.meta.url));

async function minified(code: string): Promise<string> {
  const result = await minifyTemplates(code, 'sample.ts');
  assert.ok(result, 'the sample has templates');
  return result.code;
}

describe('minifying the elements’ templates', () => {
  it('collapses whitespace to one space, keeping the spaces between inline content', async () => {
    const out = await minified(
      'html`\n  <p>\n    ${name} <span>You</span>\n    <code>a</code> <code>b</code>\n  </p>\n`;',
    );
    assert.equal(out, 'html` <p> ${name} <span>You</span> <code>a</code> <code>b</code> </p> `;');
  });

  it('keeps SVG shapes self-closed, so each is drawn beside the other', async () => {
    const out = await minified('svg`<g>\n  <path d="M1 1"/>\n  <path d="M2 2"/>\n</g>`;');
    assert.equal(out, 'svg`<g> <path d="M1 1"/> <path d="M2 2"/> </g>`;');
  });

  it('keeps escaped markup as text, and bindings as they are', async () => {
    const out = await minified('html`<p title=${t} ?hidden=${h} @click=${c} .value=${v}>&lt;b&gt; ${x}</p>`;');
    assert.match(out, /&lt;b>|&lt;b&gt;/);
    for (const binding of ['title=${t}', '?hidden=${h}', '@click=${c}', '.value=${v}'])
      assert.ok(out.includes(binding), binding);
  });

  it('minifies stylesheets, comments and all', async () => {
    assert.equal(await minified('css`\n  /* why */\n  :host {\n    color: red;\n  }\n`;'), 'css`:host{color:red}`;');
  });

  it('keeps every self-closing slash of every module of the elements', async () => {
    const modules = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'),
    );
    let checked = 0;
    for (const file of modules) {
      const code = readFileSync(join(SRC, file), 'utf8');
      const result = await minifyTemplates(code, join(SRC, file));
      if (!result) continue;
      const slashes = (text: string) => text.split('/>').length - 1;
      assert.equal(slashes(result.code), slashes(code), `${file}: a self-closing slash was dropped`);
      checked += slashes(code) > 0 ? 1 : 0;
    }
    assert.ok(checked >= 3, `only ${checked} modules with self-closed tags were found`);
  });
});
