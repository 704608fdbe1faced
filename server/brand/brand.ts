/**
 * The operator's brand — product name, colour, logo — as the hosted pages and the emails use it,
 * and the colours derived from the brand colour so that text stays readable in light and dark
 * mode (WCAG 2.2 AA):
 * - buttons are filled with the brand colour as configured in light mode; in dark mode with the
 *   brand colour lightened, when needed, until it stands out 3:1 from the dark card (a dark brand
 *   colour would otherwise vanish into it);
 * - button text is white where white reaches 4.5:1 on that fill, else black (one of them always
 *   does, see readableOn);
 * - links and focus rings use the brand colour darkened (light mode) or lightened (dark mode), when
 *   needed, until it reaches 4.5:1 against both page backgrounds — text contrast, which also
 *   covers the 3:1 a focus indicator needs.
 */
import { readableOn, withContrast } from './colors';

export interface Brand {
  productName: string;
  /** `#rrggbb`. */
  color: string;
  /** https (or http on localhost) URL of the logo; undefined: the product name alone. */
  logoUrl: string | undefined;
}

export const DEFAULT_BRAND_COLOR = '#1d4ed8';

/** The neutral colours of the hosted pages, per colour scheme. */
export const SURFACES = {
  light: { paper: '#f6f8fa', card: '#ffffff', ink: '#1f2328', muted: '#57606a', danger: '#b42318' },
  dark: { paper: '#0d1117', card: '#161b22', ink: '#e6edf3', muted: '#9da7b3', danger: '#ff7b72' },
} as const;

export interface SchemeColors {
  /** Button fill. */
  accent: string;
  /** Text on the button. */
  onAccent: string;
  /** Links and focus rings, on the page's card and paper. */
  link: string;
}

export interface BrandPalette {
  light: SchemeColors;
  dark: SchemeColors;
}

export function brandPalette(color: string): BrandPalette {
  const light = [SURFACES.light.card, SURFACES.light.paper];
  const dark = [SURFACES.dark.card, SURFACES.dark.paper];
  const darkAccent = withContrast(color, [SURFACES.dark.card], 3, '#ffffff');
  return {
    light: { accent: color, onAccent: readableOn(color), link: withContrast(color, light, 4.5, '#000000') },
    dark: { accent: darkAccent, onAccent: readableOn(darkAccent), link: withContrast(color, dark, 4.5, '#ffffff') },
  };
}

const escapeXml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * The favicon: a rounded square in the brand colour with the product name's first letter in the
 * readable text colour on it. SVG, so one small file serves every size.
 */
export function brandMark(brand: Pick<Brand, 'productName' | 'color'>): string {
  // The first grapheme, so that a name starting with an accented letter or an emoji keeps it whole.
  const [first] = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(brand.productName.trim());
  const initial = first?.segment.toLocaleUpperCase() ?? '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="14" fill="${brand.color}"/>
<text x="32" y="45" text-anchor="middle" font-family="system-ui,-apple-system,'Segoe UI',sans-serif" font-size="38" font-weight="700" fill="${readableOn(brand.color)}">${escapeXml(initial)}</text>
</svg>
`;
}
