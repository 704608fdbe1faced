/**
 * Layout checks for the elements' Chromium tests: how an element looks on a phone (a 375 px wide
 * viewport, the narrowest common one) and in dark mode. `expectFitsPhone` resizes the viewport,
 * fails on what breaks a layout at that width — a box sticking out of the element or the page
 * scrolling sideways, a button drawn over text or over another control, a phrase squeezed to one
 * word per line — and saves a screenshot (see `screenshot`). A menu or popover (out of the flow)
 * may overhang its element but must stay on the screen. The base suite runs the checks on every
 * state of every element; element tests call `expectFitsPhone` for states of their own.
 */
import { executeServerCommand, setViewport } from '@web/test-runner-commands';

export const PHONE_WIDTH = 375;
/** The width content must reflow at without scrolling sideways (WCAG 2.2, 1.4.10 Reflow). */
export const REFLOW_WIDTH = 320;
const PHONE_HEIGHT = 800;
/** Sub-pixel rounding and 1 px borders are not a layout problem. */
const TOLERANCE = 1;

const CONTROLS = 'button, a.button, [role="button"], [role="menuitem"], input, select, textarea';

/** Every element in `root`, descending into shadow roots (nested acct elements included). */
function* descendants(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* descendants(element.shadowRoot);
  }
}

/** Every text node at or under `root`, descending into shadow roots (`root`'s own too). */
export function* textNodes(root: Node): Generator<Text> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.currentNode as Node | null; node; node = walker.nextNode()) {
    if (node instanceof Text) yield node;
    else if (node instanceof Element && node.shadowRoot) yield* textNodes(node.shadowRoot);
  }
}

/** The element's rendered tree: its shadow root, else its children. */
const renderRoot = (element: Element): ParentNode => element.shadowRoot ?? element;

const shown = (element: Element) => element.checkVisibility({ opacityProperty: true, visibilityProperty: true });

/** Clips what is inside it: its own box is what must fit, not its content. */
function clips(element: Element): boolean {
  const { overflowX, clipPath } = getComputedStyle(element);
  return overflowX !== 'visible' || clipPath !== 'none';
}

/** Read-only description of a node for failure messages: `button.small "Rename"`. */
function describe(node: Element): string {
  const classes = [...node.classList].map((c) => `.${c}`).join('');
  const part = node.getAttribute('part');
  const words = (node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return `<${node.localName}${classes}${part ? ` part="${part}"` : ''}>${words ? ` "${words}"` : ''}`;
}

const overlapArea = (a: DOMRect, b: DOMRect) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/** The visible part of `rect` inside `clip`, or null when none is. */
function intersect(rect: DOMRect, clip: DOMRect | null): DOMRect | null {
  if (!clip) return rect;
  const left = Math.max(rect.left, clip.left);
  const top = Math.max(rect.top, clip.top);
  const right = Math.min(rect.right, clip.right);
  const bottom = Math.min(rect.bottom, clip.bottom);
  return right - left > TOLERANCE && bottom - top > TOLERANCE
    ? new DOMRect(left, top, right - left, bottom - top)
    : null;
}

/** The box an element is drawn inside: its slot, its parent, or its shadow root's host. */
function flatParent(element: Element): Element | null {
  if (element.assignedSlot) return element.assignedSlot;
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

/** The area `node` can show anything in: the intersection of the boxes that clip it, up to `top` (null: unclipped). */
function clipArea(node: Element, top: Element): DOMRect | null {
  let area: DOMRect | null = null;
  for (let box = flatParent(node); box && box !== top; box = flatParent(box)) {
    if (!clips(box)) continue;
    const rect = box.getBoundingClientRect();
    area = area ? (intersect(area, rect) ?? new DOMRect(rect.left, rect.top, 0, 0)) : rect;
  }
  return area;
}

/** Out of the flow (a menu, a popover): it may overhang its element, but must stay on the screen. */
function inOverlay(node: Element, top: Element): boolean {
  for (let box: Element | null = node; box && box !== top; box = flatParent(box)) {
    const { position } = getComputedStyle(box);
    if ((position === 'absolute' || position === 'fixed') && !box.matches('.visually-hidden, .live')) return true;
  }
  return false;
}

/** The text nodes the user reads in `element`'s tree (not inside controls, not hidden), with their visible line boxes. */
function readableText(element: Element): { node: Text; lines: DOMRect[] }[] {
  const found: { node: Text; lines: DOMRect[] }[] = [];
  for (const node of textNodes(renderRoot(element))) {
    const parent = node.parentElement;
    if (
      !node.data.trim() ||
      !parent ||
      parent.closest(`${CONTROLS}, option, style, .visually-hidden`) ||
      !shown(parent)
    )
      continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const clip = clipArea(parent, element);
    // Lines scrolled out of a scrolling panel are not drawn: they overlap nothing.
    const lines = [...range.getClientRects()].map((r) => intersect(r, clip)).filter((r): r is DOMRect => r !== null);
    if (lines.length) found.push({ node, lines });
  }
  return found;
}

/** What is wrong with `element`'s layout at the current viewport width; empty when nothing is. */
export function layoutProblems(element: Element): string[] {
  const problems: string[] = [];
  const box = element.getBoundingClientRect();
  const screen = new DOMRect(0, 0, document.documentElement.clientWidth, window.innerHeight);
  if (document.documentElement.scrollWidth > window.innerWidth + TOLERANCE) {
    problems.push(
      `the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${window.innerWidth} px viewport`,
    );
  }

  // Boxes sticking out of the element (or, for a menu or popover, off the screen). Inside a box
  // that clips or scrolls, only that box counts.
  const all = [...descendants(renderRoot(element))].filter(shown);
  const clipped = new Set<Element>();
  for (const node of all) {
    if (clipped.has(node) || !clips(node)) continue;
    for (const inner of descendants(node)) clipped.add(inner);
    if (node.shadowRoot) for (const inner of descendants(node.shadowRoot)) clipped.add(inner);
  }
  for (const node of all) {
    if (clipped.has(node)) continue;
    const rect = node.getBoundingClientRect();
    if (rect.width <= TOLERANCE || rect.height <= TOLERANCE) continue;
    const [bounds, what] = inOverlay(node, element) ? [screen, 'the screen'] : [box, "the element's"];
    if (rect.left < bounds.left - TOLERANCE || rect.right > bounds.right + TOLERANCE) {
      problems.push(
        `${describe(node)} spans ${Math.round(rect.left)}–${Math.round(rect.right)} px, outside ${what} ${Math.round(bounds.left)}–${Math.round(bounds.right)} px`,
      );
    }
  }

  // Controls drawn over text, or over one another (only where they show).
  const controls = all
    .filter((node) => node.matches(CONTROLS))
    .map((node) => ({ node, rect: intersect(node.getBoundingClientRect(), clipArea(node, element)) }))
    .filter((control): control is { node: Element; rect: DOMRect } => control.rect !== null);
  const text = readableText(element);
  for (const control of controls) {
    for (const { node, lines } of text) {
      if (control.node.contains(node)) continue;
      if (lines.some((line) => overlapArea(line, control.rect) > 2))
        problems.push(`${describe(control.node)} is drawn over the text "${node.data.trim().slice(0, 40)}"`);
    }
  }
  controls.forEach((a, i) => {
    for (const b of controls.slice(i + 1)) {
      if (!a.node.contains(b.node) && !b.node.contains(a.node) && overlapArea(a.rect, b.rect) > 2) {
        problems.push(`${describe(a.node)} and ${describe(b.node)} overlap`);
      }
    }
  });

  // A phrase squeezed into a column so narrow that every word has a line of its own.
  for (const { node, lines } of text) {
    const words = node.data.trim().split(/\s+/).length;
    const rows = new Set(lines.map((line) => Math.round(line.top))).size;
    if (words >= 3 && rows >= words)
      problems.push(`"${node.data.trim().slice(0, 40)}" wraps one word per line (${rows} lines)`);
  }
  return problems;
}

/** Two animation frames: a resize's layout, container queries and Lit's re-render have settled. */
export const settled = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/**
 * Saves a PNG of `element` as test-results/screenshots/elements/`name`.png (git ignores the
 * folder), for a person to look at; nothing compares them.
 */
export async function screenshot(element: Element, name: string): Promise<void> {
  // The element's box, and any menu or popover of it that overhangs the box.
  let { left, top, right, bottom } = element.getBoundingClientRect();
  for (const node of descendants(renderRoot(element))) {
    const { position } = getComputedStyle(node);
    if ((position !== 'absolute' && position !== 'fixed') || node.matches('.visually-hidden, .live') || !shown(node))
      continue;
    const rect = node.getBoundingClientRect();
    if (rect.width <= TOLERANCE || rect.height <= TOLERANCE) continue;
    [left, top, right, bottom] = [
      Math.min(left, rect.left),
      Math.min(top, rect.top),
      Math.max(right, rect.right),
      Math.max(bottom, rect.bottom),
    ];
  }
  left = Math.max(0, left);
  const clip = {
    x: left + window.scrollX,
    y: top + window.scrollY,
    width: Math.max(1, right - left),
    height: Math.max(1, bottom - top),
  };
  await executeServerCommand('acct-screenshot', { name: `elements/${name}`, clip });
}

/**
 * Runs `check` with the viewport at 375 × 800 px (or `width` px wide), then puts the viewport back
 * as it was. The element keeps its place in the page, so it gets what a phone would give it.
 */
export async function atPhoneWidth<T>(check: () => Promise<T>, width = PHONE_WIDTH): Promise<T> {
  const before = { width: window.innerWidth, height: window.innerHeight };
  await setViewport({ width, height: PHONE_HEIGHT });
  try {
    await settled();
    return await check();
  } finally {
    await setViewport(before);
    await settled();
  }
}

/**
 * Where a popover (a menu, a panel) leaves the screen: `create` makes the element (`dir: 'rtl'` on
 * it, or none), which is placed at the page's inline start and then its end, on a phone and on a
 * wide screen, left to right and right to left (on the element, or on the page); `open` opens it
 * and answers the popover. Each problem found, as a sentence; none, an empty list.
 */
export async function popoverOffScreen(
  create: (dir: 'rtl' | undefined) => HTMLElement,
  open: (element: HTMLElement) => Promise<Element>,
): Promise<string[]> {
  const page = document.documentElement;
  const problems: string[] = [];
  try {
    for (const width of [PHONE_WIDTH, 1280]) {
      for (const dir of ['ltr', 'rtl', 'rtl page']) {
        for (const side of ['start', 'end']) {
          if (dir === 'rtl page') page.dir = 'rtl';
          const element = create(dir === 'rtl' ? 'rtl' : undefined);
          element.style.cssText = `position: absolute; inset-block-start: 0; inset-inline-${side}: 0.5rem`;
          document.body.append(element);
          await atPhoneWidth(async () => {
            const { left, right } = (await open(element)).getBoundingClientRect();
            const where = `${width} px, ${dir}, ${element.localName} at the ${side}`;
            if (left < 0 || right > page.clientWidth)
              problems.push(`${where}: it opens over ${left}–${right} px of 0–${page.clientWidth}`);
            if (page.scrollWidth > page.clientWidth) problems.push(`${where}: the page scrolls sideways`);
          }, width);
          element.remove();
          page.removeAttribute('dir');
        }
      }
    }
  } finally {
    page.removeAttribute('dir');
  }
  return problems;
}

/**
 * Fails with every layout problem `element` has on a 375 px screen, after saving a screenshot of
 * it there as `name`.
 */
export async function expectFitsPhone(element: Element, name: string): Promise<void> {
  const problems = await atPhoneWidth(async () => {
    await screenshot(element, name);
    return layoutProblems(element);
  });
  if (problems.length)
    throw new Error(`<${element.localName}> at ${PHONE_WIDTH} px (${name}):\n  ${problems.join('\n  ')}`);
}

/** A file-name-safe version of a test's words: `acct-passkeys/renaming-dark`. */
export const fileName = (...parts: string[]) =>
  parts
    .map((part) =>
      part
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .join('/');
