/**
 * Colour arithmetic for the brand colour: WCAG 2.x relative luminance and contrast ratio
 * (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio), and mixing towards black or white to reach a
 * contrast. Colours are `#rrggbb` strings, lower case.
 */

type Rgb = [number, number, number];

/** `#rgb` or `#rrggbb` (any case) as `#rrggbb` in lower case; undefined for anything else. */
export function normalizeHex(value: string): string | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!match) return undefined;
  const digits = match[1]!.toLowerCase();
  return `#${digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits}`;
}

function toRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = toRgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `from` moved a fraction `amount` (0–1) of the way to `to`, channel by channel. */
export function mix(from: string, to: string, amount: number): string {
  const [a, b] = [toRgb(from), toRgb(to)];
  return toHex(a.map((c, i) => c + (b[i]! - c) * amount) as Rgb);
}

/**
 * `color`, or the least-changed mix of it towards `towards` (black or white) that has at least
 * `ratio` contrast with every one of `backgrounds`. Black and white reach 4.5:1 with any light
 * respectively dark background, so the search always ends.
 */
export function withContrast(
  color: string,
  backgrounds: readonly string[],
  ratio: number,
  towards: '#000000' | '#ffffff',
): string {
  for (let step = 0; step <= 100; step++) {
    const candidate = mix(color, towards, step / 100);
    if (backgrounds.every((background) => contrastRatio(candidate, background) >= ratio)) return candidate;
  }
  return towards;
}

/**
 * Text to put on `background`: white when it reaches 4.5:1 (what brand buttons usually carry),
 * else black. One of the two always does: their ratios with any colour multiply to 21, so the
 * better of them is at least √21 ≈ 4.58.
 */
export function readableOn(background: string): '#ffffff' | '#000000' {
  if (contrastRatio('#ffffff', background) >= 4.5) return '#ffffff';
  return '#000000';
}
