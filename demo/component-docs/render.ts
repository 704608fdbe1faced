/**
 * The Components pages' HTML, after Shoelace's docs: `/components/` lists every element and
 * documents the theme once; `/components/<tag>/` shows one element live, a playground whose
 * controls come from its attributes and CSS custom properties, and tables of its API. The pages
 * go through the demo's other HTML plugins (partials, `%ACCT_SERVER%`) like a hand-written page,
 * and hold no inline script or style: the playground is demo/assets/components-playground.ts,
 * which reads what to edit from the controls' `data-*` attributes.
 */
import type { ApiItem, ComponentDocs, ElementDoc } from './manifest.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** JSDoc's `code` spans, the only markup the descriptions use. */
const prose = (value: string) => escapeHtml(value).replace(/`([^`]+)`/g, '<code>$1</code>');
const code = (value: string) => (value ? `<code>${escapeHtml(value)}</code>` : '');

export const componentPath = (tag: string) => `/components/${tag}/`;
const SHARED_LINK = '<a class="shared" href="/components/#shared">every element</a>';

function page(title: string, docs: ComponentDocs, current: string, main: string, scripts: string[]): string {
  const link = (href: string, label: string) =>
    `<li><a href="${href}"${href === current ? ' aria-current="page"' : ''}>${label}</a></li>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <!-- demo:head -->
    <title>Stagehand — ${escapeHtml(title)}</title>
    <link rel="stylesheet" href="/assets/components.css" />
${scripts.map((src) => `    <script type="module" src="${src}"></script>`).join('\n')}
  </head>
  <body>
    <!-- demo:header -->

    <div class="docs">
      <nav class="docs-nav" aria-label="Components">
        <ul>
          ${link('/components/', 'Overview and theme')}
          ${docs.elements.map((el) => link(componentPath(el.tag), `<code>&lt;${el.tag}&gt;</code>`)).join('\n          ')}
        </ul>
      </nav>
      <main class="docs-main">
${main}
      </main>
    </div>

    <!-- demo:footer -->
  </body>
</html>
`;
}

interface Column {
  label: string;
  cell: (item: ApiItem) => string;
}

const NAME: Column = {
  label: 'Name',
  cell: (i) => code(i.name) + (i.shared ? ` <span class="badge">${SHARED_LINK}</span>` : ''),
};
const TYPE: Column = { label: 'Type', cell: (i) => code(i.type) };
const DEFAULT: Column = { label: 'Default', cell: (i) => code(i.default) };
const DESCRIPTION: Column = { label: 'Description', cell: (i) => prose(i.description) };
const ATTRIBUTE: Column = { label: 'Attribute', cell: (i) => code(i.attribute) };
/** A property set from an attribute is described once, with the attribute. */
const PROPERTY_DESCRIPTION: Column = {
  label: 'Description',
  cell: (i) =>
    i.attribute
      ? `As the attribute <a href="#attributes-${escapeHtml(i.attribute)}">${code(i.attribute)}</a>.`
      : prose(i.description),
};
const named = (label: string): Column => ({ label, cell: (i) => (i.name ? code(i.name) : '(default)') });

/** A table that stacks into labelled rows on a narrow screen (each cell's label is its `data-label`). */
function table(id: string, title: string, items: ApiItem[], columns: Column[], note = ''): string {
  if (!items.length) return '';
  const head = columns.map((c) => `<th scope="col">${c.label}</th>`).join('');
  // Rows have ids (`attributes-mode`) for links from elsewhere on the page.
  const rowId = (item: ApiItem) => (item.name ? ` id="${id}-${escapeHtml(item.name)}"` : '');
  const rows = items
    .map(
      (item) =>
        `<tr${rowId(item)}>${columns.map((c) => `<td data-label="${c.label}">${c.cell(item)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<section aria-labelledby="${id}">
  <h2 id="${id}">${title}</h2>${note}
  <table class="api-table"><thead><tr>${head}</tr></thead><tbody>
${rows}
  </tbody></table>
</section>`;
}

/** `'sign-in' | 'sign-up'`: the values of a union of string literals, else null. */
export function unionValues(type: string): string[] | null {
  const parts = type.split('|').map((p) => p.trim());
  return parts.length > 1 && parts.every((p) => /^'[^']*'$/.test(p)) ? parts.map((p) => p.slice(1, -1)) : null;
}

/** The manifest writes string defaults as source (`'sign-in'`); a control shows the value. */
const unquote = (value: string) => value.replace(/^'(.*)'$/, '$1');

/** A control for one attribute: a select for a union, a checkbox for a boolean, else a text or number field. */
function attributeControl(attr: ApiItem): string {
  const id = `attr-${attr.name}`;
  const label = `<label for="${id}"><code>${escapeHtml(attr.name)}</code></label>`;
  const data = `id="${id}" data-attribute="${escapeHtml(attr.name)}"`;
  const values = unionValues(attr.type);
  if (attr.type === 'boolean') return `<div class="control check"><input type="checkbox" ${data} />${label}</div>`;
  if (values) {
    const fallback = unquote(attr.default);
    const options = values.map(
      (v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}${v === fallback ? ' (default)' : ''}</option>`,
    );
    // The first option leaves the attribute out, so the snippet shows only what was chosen.
    return `<div class="control">${label}<select ${data}><option value="">—</option>${options.join('')}</select></div>`;
  }
  const type = attr.type === 'number' ? 'number' : 'text';
  const placeholder = unquote(attr.default);
  return `<div class="control">${label}<input type="${type}" ${data}${placeholder ? ` placeholder="${escapeHtml(placeholder)}"` : ''} /></div>`;
}

/** `#abc` → `#aabbcc`, the only form a colour input takes; null when the default is no hex colour. */
export function hexColour(value: string): string | null {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  return /^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : null;
}

/** A text field for one CSS custom property, with a colour picker beside it when its default is a colour. */
function cssControl(prop: ApiItem): string {
  const id = `css-${prop.name.replace(/^--/, '')}`;
  const colour = hexColour(prop.default);
  const picker = colour
    ? `<input type="color" value="${colour}" data-picker-for="${id}" aria-label="${escapeHtml(prop.name)}: pick a colour" />`
    : '';
  return `<div class="control"><label for="${id}"><code>${escapeHtml(prop.name)}</code></label><span class="field">${picker}<input type="text" id="${id}" data-css-property="${escapeHtml(prop.name)}" placeholder="${escapeHtml(prop.default)}" /></span></div>`;
}

function playground(el: ElementDoc, theme: ApiItem[]): string {
  const group = (legend: string, controls: string[]) =>
    controls.length
      ? `<fieldset><legend>${legend}</legend><div class="controls">${controls.join('\n')}</div></fieldset>`
      : '';
  return `<form class="playground" data-playground="${el.tag}" aria-label="Playground">
  ${group('Attributes', el.attributes.map(attributeControl))}
  ${group('CSS custom properties', el.cssProperties.map(cssControl))}
  <details><summary>Theme properties</summary>${group('Theme (every element)', theme.map(cssControl))}</details>
  <p><button type="reset">Reset</button></p>
</form>`;
}

/** `/components/<tag>/`. */
export function elementPage(docs: ComponentDocs, el: ElementDoc): string {
  const description = el.description && el.description !== el.summary ? `<p>${prose(el.description)}</p>` : '';
  const themeNote = `<p>Plus the <a href="/components/#theme">theme properties</a> every element reads.</p>`;
  const main = `        <h1><code>&lt;${el.tag}&gt;</code></h1>
        <p class="lede">${prose(el.summary)}</p>
        ${description}
        <p class="source">Class <code>${escapeHtml(el.className)}</code>, in <code>${escapeHtml(el.source)}</code>.</p>
        <section aria-labelledby="example">
          <h2 id="example">Example</h2>
          <p>
            The real element, talking to this demo's acct server: signed out, it shows what a visitor sees
            (<a href="/">sign in</a> to see it with an account). The playground below edits it at once.
          </p>
          <div class="example" data-example="${el.tag}"><${el.tag}></${el.tag}></div>
          ${playground(el, docs.theme)}
          <div class="snippet-head"><h3 id="snippet-title">HTML</h3><button type="button" class="copy" data-copy="snippet">Copy</button></div>
          <pre class="snippet" aria-labelledby="snippet-title"><code id="snippet">&lt;${el.tag}&gt;&lt;/${el.tag}&gt;</code></pre>
        </section>
        ${table('attributes', 'Attributes', el.attributes, [NAME, TYPE, DEFAULT, DESCRIPTION])}
        ${table('properties', 'Properties', el.properties, [NAME, ATTRIBUTE, TYPE, PROPERTY_DESCRIPTION])}
        ${table('methods', 'Methods', el.methods, [NAME, { label: 'Signature', cell: (i) => code(i.type) }, DESCRIPTION])}
        ${table('events', 'Events', el.events, [named('Event'), { label: 'Detail', cell: (i) => code(i.type) }, DESCRIPTION])}
        ${table('slots', 'Slots', el.slots, [named('Slot'), DESCRIPTION])}
        ${table('parts', 'Parts', el.parts, [named('Part'), DESCRIPTION], '<p>Style them from the page with <code>::part(name)</code>.</p>')}
        ${table('css-properties', 'CSS custom properties', el.cssProperties, [named('Property'), DEFAULT, DESCRIPTION], themeNote) || themeNote}`;
  return page(`<${el.tag}>`, docs, componentPath(el.tag), main, [
    '%ACCT_SERVER%/acct.js',
    '/assets/components-playground.ts',
  ]);
}

/** `/components/`: every element with its summary, then what they all share. */
export function indexPage(docs: ComponentDocs): string {
  const cards = docs.elements
    .map(
      (el) =>
        `<li><a href="${componentPath(el.tag)}"><code>&lt;${el.tag}&gt;</code></a><p>${prose(el.summary)}</p></li>`,
    )
    .join('\n');
  const shared = docs.elements[0]?.attributes.filter((a) => a.shared) ?? [];
  const main = `        <h1>Components</h1>
        <p class="lede">
          acct's elements: load <code>acct.js</code> from your acct server with one script tag, then write the tags.
          Each page shows the element live, a playground and its API, generated from
          <code>widgets/custom-elements.json</code>.
        </p>
        <pre class="snippet"><code>&lt;script type="module" src="https://auth.example.com/acct.js"&gt;&lt;/script&gt;</code></pre>
        <ul class="component-list">
${cards}
        </ul>
        ${table('shared', 'Attributes of every element', shared, [named('Name'), TYPE, DEFAULT, DESCRIPTION])}
        ${table('theme', 'Theme', docs.theme, [named('Property'), DEFAULT, DESCRIPTION], `<p>Every element reads these CSS custom properties. Set them once on the page (they inherit through the shadow roots), e.g. <code>:root { --acct-color-primary: #b4235a; }</code>, as this demo does; each element page's playground lets you try them.</p>`)}`;
  return page('components', docs, '/components/', main, ['%ACCT_SERVER%/acct.js']);
}
