/**
 * The elements' public API as the Components pages show it, read from
 * `widgets/custom-elements.json` (generated from the elements' JSDoc by `npm run manifest`), so the
 * pages cannot drift from the code. What every element inherits from `AcctElement` (the theme's
 * CSS custom properties, `lang`, `server`, `theme`) is split off, to be documented once.
 */
import { readFileSync } from 'node:fs';

/** One attribute, property, event, slot, part or CSS property, as the manifest describes it. */
export interface ApiItem {
  name: string;
  description: string;
  type: string;
  default: string;
  /** For a property: the attribute it reflects, if any. */
  attribute: string;
  /** True when every element has it (declared on the shared base class). */
  shared: boolean;
}

export interface ElementDoc {
  tag: string;
  className: string;
  summary: string;
  description: string;
  /** The element's source folder, e.g. `widgets/src/elements/login/`. */
  source: string;
  attributes: ApiItem[];
  properties: ApiItem[];
  /** Public methods; `type` is the signature, e.g. `complete(key: string): Promise<void>`. */
  methods: ApiItem[];
  events: ApiItem[];
  slots: ApiItem[];
  parts: ApiItem[];
  /** Its own CSS custom properties; the shared theme's are in `ComponentDocs.theme`. */
  cssProperties: ApiItem[];
}

export interface ComponentDocs {
  /** Every element, by tag name. */
  elements: ElementDoc[];
  /** The theme's CSS custom properties, which every element reads. */
  theme: ApiItem[];
}

/** The class every element extends; what it declares, each element has. */
const BASE_CLASS = 'AcctElement';

interface RawItem {
  name: string;
  kind?: string;
  description?: string;
  summary?: string;
  default?: string;
  type?: { text?: string };
  attribute?: string;
  privacy?: string;
  static?: boolean;
  inheritedFrom?: { name: string };
  parameters?: { name: string; type?: { text?: string } }[];
  return?: { type?: { text?: string } };
}

interface RawDeclaration extends RawItem {
  tagName?: string;
  customElement?: boolean;
  attributes?: RawItem[];
  members?: RawItem[];
  events?: RawItem[];
  slots?: RawItem[];
  cssParts?: RawItem[];
  cssProperties?: RawItem[];
}

interface RawManifest {
  modules: { path: string; declarations?: RawDeclaration[] }[];
}

export const MANIFEST_PATH = new URL('../../widgets/custom-elements.json', import.meta.url).pathname;

/** The analyzer keeps JSDoc's line breaks; the pages flow text themselves. */
const text = (value = '') => value.replace(/\s+/g, ' ').trim();

function item(raw: RawItem): ApiItem {
  return {
    name: raw.name,
    description: text(raw.description ?? raw.summary),
    type: text(raw.type?.text),
    default: text(raw.default),
    attribute: raw.attribute ?? '',
    shared: raw.inheritedFrom?.name === BASE_CLASS,
  };
}

const byName = (a: ApiItem, b: ApiItem) => Number(a.shared) - Number(b.shared) || a.name.localeCompare(b.name);

/** `name(a: string): void`, from a method's parameters and return type. */
function signature(raw: RawItem): string {
  const parameters = (raw.parameters ?? []).map((p) => (p.type?.text ? `${p.name}: ${p.type.text}` : p.name));
  return text(`${raw.name}(${parameters.join(', ')}): ${raw.return?.type?.text ?? 'void'}`);
}

function element(raw: RawDeclaration, path: string): ElementDoc {
  const isPublic = (m: RawItem) => !m.static && !m.privacy && !m.name.startsWith('_');
  const fields = (raw.members ?? []).filter((m) => m.kind === 'field' && isPublic(m));
  const methods = (raw.members ?? []).filter((m) => m.kind === 'method' && isPublic(m));
  return {
    tag: raw.tagName!,
    className: raw.name,
    summary: text(raw.summary ?? raw.description),
    description: text(raw.description),
    source: path.replace(/[^/]+$/, ''),
    attributes: (raw.attributes ?? []).map(item).sort(byName),
    properties: fields.map(item).sort(byName),
    methods: methods.map((m) => ({ ...item(m), type: signature(m) })).sort(byName),
    events: (raw.events ?? []).map(item),
    slots: (raw.slots ?? []).map(item),
    parts: (raw.cssParts ?? []).map(item),
    cssProperties: (raw.cssProperties ?? []).map(item).filter((p) => !p.shared),
  };
}

/** Reads the manifest afresh (the dev server calls it per request, so a rebuilt manifest shows at once). */
export function readComponentDocs(path = MANIFEST_PATH): ComponentDocs {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as RawManifest;
  const declarations = manifest.modules.flatMap((m) =>
    (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ d, path: m.path })),
  );
  const elements = declarations
    .map(({ d, path: source }) => element(d, source))
    .sort((a, b) => a.tag.localeCompare(b.tag));
  // The shared theme, from any element (each inherits the same list).
  const theme = (declarations[0]?.d.cssProperties ?? []).map(item).filter((p) => p.shared);
  return { elements, theme };
}
