/**
 * The right-to-left check of the elements' Chromium tests (docs/elements/languages.md): an element
 * laid out right to left must be the mirror image of itself laid out left to right, in the same
 * language so that the words and their widths are the same. Every block-level box of its rendered
 * tree (blocks, flex and grid items, list items: what a `margin-left`, `left:` or `float` would
 * misplace) must sit as far from the element's right edge as it sat from its left edge. Inline
 * boxes inside a line of text are left out: the bidirectional algorithm orders them within the
 * line, which is right, and is not a mirror image. So are boxes inside a subtree that fixes its
 * own `dir` (a token shown left to right) and the shapes inside an icon. A modal dialog mirrors
 * within the screen, where the browser places it.
 */
import { settled, textNodes } from './layout.js';
import type { AcctElement } from '../core/acct-element.js';

/** Sub-pixel rounding and the odd pixel of text measured in the other direction. */
const TOLERANCE = 2;
const BLOCK_LEVEL = new Set(['block', 'flex', 'grid', 'list-item', 'table', 'flow-root']);

/** Block-level boxes of `root`'s rendered tree, descending into shadow roots (nested acct elements included). */
function* blockBoxes(root: ParentNode): Generator<Element> {
  for (const node of root.children) {
    if (node.hasAttribute('dir') || node.localName === 'svg' || node.localName === 'style') continue;
    const shown = node.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    if (shown && BLOCK_LEVEL.has(getComputedStyle(node).display)) yield node;
    if (node.shadowRoot) yield* blockBoxes(node.shadowRoot);
    yield* blockBoxes(node);
  }
}

interface Placement {
  node: Element;
  /** Distance of the box's left edge from the element's left edge. */
  fromLeft: number;
  /** Distance of the box's right edge from the element's right edge. */
  fromRight: number;
  width: number;
}

/**
 * Whether `node` is drawn over the page rather than inside the element: a modal dialog or a fixed
 * box (the browser centres a modal on the screen), so it mirrors within the screen.
 */
function onScreenLayer(node: Element, top: Element): boolean {
  for (let box: Element | null = node; box && box !== top;) {
    if (box.matches(':modal, :popover-open') || getComputedStyle(box).position === 'fixed') return true;
    const root: ParentNode | null = box.parentNode;
    box = box.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return false;
}

function placements(element: AcctElement): Placement[] {
  const own = element.getBoundingClientRect();
  const screen = new DOMRect(0, 0, document.documentElement.clientWidth, window.innerHeight);
  return [...blockBoxes(element.shadowRoot ?? element)].map((node) => {
    const box = onScreenLayer(node, element) ? screen : own;
    const rect = node.getBoundingClientRect();
    return { node, fromLeft: rect.left - box.left, fromRight: box.right - rect.right, width: rect.width };
  });
}

const describe = (node: Element) =>
  `<${node.localName}${[...node.classList].map((c) => `.${c}`).join('')}> "${(node.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30)}"`;

/**
 * Lays `element` out left to right (`dir="ltr"`) and then right to left, by its language alone
 * (`lang="ar"`, no `dir`: the direction an element takes from its own language), and returns
 * every box that is not where the mirror image puts it; empty when the layout mirrors.
 */
export async function mirrorProblems(element: AcctElement, lang = 'ar'): Promise<string[]> {
  element.lang = lang;
  element.dir = 'ltr';
  await element.updateComplete;
  await settled();
  for (const animation of [...document.getAnimations(), ...(element.shadowRoot?.getAnimations() ?? [])])
    animation.finish();
  const ltr = placements(element);
  element.dir = '';
  await element.updateComplete;
  await settled();
  // An entrance animation still running (a scale, a fade) would move boxes between the two readings.
  for (const animation of [...document.getAnimations(), ...(element.shadowRoot?.getAnimations() ?? [])])
    animation.finish();
  const problems: string[] = [];
  if (getComputedStyle(element).direction !== 'rtl')
    problems.push(`the element is not right to left with lang="${lang}"`);
  const rtl = new Map(placements(element).map((p) => [p.node, p]));
  // A box reported once is reported alone, not with every box inside it that moved with it.
  const reported: { node: Element; shift: number }[] = [];
  for (const before of ltr) {
    const after = rtl.get(before.node);
    if (!after || before.width < 1) continue;
    const shift = after.fromRight - before.fromLeft;
    if (Math.abs(shift) <= TOLERANCE) continue;
    if (reported.some((r) => r.node.contains(before.node) && Math.abs(r.shift - shift) <= TOLERANCE)) continue;
    reported.push({ node: before.node, shift });
    problems.push(
      `${describe(before.node)}: ${Math.round(before.fromLeft)} px from the left edge left to right, ${Math.round(after.fromRight)} px from the right edge right to left`,
    );
  }
  return problems;
}

/**
 * Whether `value`, shown in `root`'s rendered tree (within one line), is drawn left to right as
 * it is written: each character to the right of the one before. In a right-to-left paragraph the
 * bidirectional algorithm may order an address's runs as words of the sentence, so that
 * `1234@example.com` is drawn `example.com@1234`; the characters' boxes say what the eye reads.
 */
export function drawnLeftToRight(root: Node, value: string): boolean {
  for (const node of textNodes(root)) {
    const start = node.data.indexOf(value);
    if (start < 0) continue;
    const range = document.createRange();
    const lefts = Array.from({ length: value.length }, (_, i) => {
      range.setStart(node, start + i);
      range.setEnd(node, start + i + 1);
      return range.getBoundingClientRect().left;
    });
    return lefts.every((left, i) => i === 0 || left > lefts[i - 1]!);
  }
  throw new Error(`"${value}" is not shown`);
}
