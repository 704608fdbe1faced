/**
 * What `theme="auto"` (every element's default) resolves to: the scheme of the page around the
 * element, so that a dark page gets dark elements and a light one light elements, whatever the
 * system says. "The page" is, in order:
 *
 * 1. the nearest box behind the element (up the flat tree: through slots and shadow hosts) that
 *    paints a background: dark when its colour is dark. This covers pages that switch themselves
 *    with `prefers-color-scheme` media queries, a class on `<html>`, or a dark section of a light
 *    page;
 * 2. when nothing paints a background, the browser's canvas, whose colour follows the page's
 *    declared `color-scheme` (property on the root, else `<meta name="color-scheme">`): `dark`
 *    alone is dark, `light dark` follows the visitor's system setting, and a page that declares
 *    nothing is light — as the browser itself draws it.
 *
 * Elements re-check when the system setting changes and when an attribute of `<html>` or `<body>`
 * changes (theme switchers toggle a class there), batched into one animation frame.
 */

/** Relative luminance below which white text reads better than black (WCAG: where both contrasts are equal). */
const DARK_LUMINANCE = 0.179;
const DARK_QUERY = '(prefers-color-scheme: dark)';

type Rgba = [number, number, number, number];

let probe: CanvasRenderingContext2D | null | undefined;

/** The alpha of an `rgba()`: a number or a percentage, 1 when there is none. */
function alphaOf(alpha: string | undefined): number {
  if (alpha === undefined) return 1;
  return alpha.endsWith('%') ? parseFloat(alpha) / 100 : parseFloat(alpha);
}

/**
 * A computed colour as RGBA (alpha 0–1). Chromium computes most colours as `rgb()`/`rgba()`, but
 * `color-mix()`, `oklch()` and `color()` stay in their own syntax; a 1×1 canvas converts those.
 */
function toRgba(color: string): Rgba | null {
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(color);
  if (match) {
    return [Number(match[1]), Number(match[2]), Number(match[3]), alphaOf(match[4])];
  }
  probe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!probe) return null;
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = 'rgba(0, 0, 0, 0)';
  probe.fillStyle = color;
  probe.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0, a = 0] = probe.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance([r, g, b]: Rgba): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The box an element is drawn inside: its slot when slotted, else its parent, else the host of its shadow root. */
function flatParent(element: Element): Element | null {
  if (element.assignedSlot) return element.assignedSlot;
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

/** The canvas's scheme: the root's `color-scheme`, else the meta tag's; `light dark` lets the system decide. */
function canvasIsDark(): boolean {
  let declared = getComputedStyle(document.documentElement).colorScheme;
  if (!declared || declared === 'normal')
    declared = document.querySelector('meta[name="color-scheme"]')?.getAttribute('content') ?? '';
  const words = declared.toLowerCase().split(/\s+/);
  if (!words.includes('dark')) return false;
  return !words.includes('light') || matchMedia(DARK_QUERY).matches;
}

/** Whether the page behind `element` is dark (see the file's opening paragraph). */
export function pageIsDark(element: Element): boolean {
  for (let box = flatParent(element); box; box = flatParent(box)) {
    const color = toRgba(getComputedStyle(box).backgroundColor);
    // A faint tint (a hover wash, a 5% overlay) says nothing about the page: look further out.
    if (color && color[3] >= 0.5) return luminance(color) < DARK_LUMINANCE;
  }
  return canvasIsDark();
}

/** Something that re-checks its scheme when the page may have changed. */
export interface SchemeFollower {
  refreshScheme(): void;
}

const followers = new Set<SchemeFollower>();
let frame = 0;
let watching = false;

function scheduleRefresh(): void {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    followers.forEach((follower) => follower.refreshScheme());
  });
}

/** Starts the shared watchers on first use, so that importing a module has no side effects. */
function watchPage(): void {
  if (watching) return;
  watching = true;
  matchMedia(DARK_QUERY).addEventListener('change', scheduleRefresh);
  const observer = new MutationObserver(scheduleRefresh);
  observer.observe(document.documentElement, { attributes: true });
  if (document.body) observer.observe(document.body, { attributes: true });
  else
    document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { attributes: true }), {
      once: true,
    });
  // A theme switcher that swaps style sheets in the head.
  if (document.head) observer.observe(document.head, { childList: true });
}

/** Has `follower` re-check its scheme whenever the page may have changed, until `unfollowPageScheme`. */
export function followPageScheme(follower: SchemeFollower): void {
  followers.add(follower);
  watchPage();
}

export function unfollowPageScheme(follower: SchemeFollower): void {
  followers.delete(follower);
}
