/**
 * The progress bar of `<acct-onboarding>` and `<acct-checklist>`, in a module of its own so that
 * the checklist, which has no form, does not load the form fields (form-fields.ts) for it.
 */
import { html, noChange, type TemplateResult } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

/**
 * Sets an element's width, in percent, through the CSSOM, which a strict CSP on the host page
 * allows. A `style` attribute (which is what `styleMap` writes on the first render) is inline
 * style, and `style-src` without 'unsafe-inline' refuses it (docs/security.md E4;
 * e2e/strict-csp.test.ts). A plain directive rather than Lit's `ref`, which brings its async
 * machinery (about 1 KiB) into the checklist's download for this one property.
 */
class WidthPercent extends Directive {
  render(_percent: number): unknown {
    return noChange;
  }

  override update(part: ElementPart, [percent]: [number]): unknown {
    (part.element as HTMLElement).style.setProperty('width', `${percent}%`);
    return noChange;
  }
}
const widthPercent = directive(WidthPercent);

/**
 * A progress bar (`role="progressbar"`): `value` of `max`, read out as `text` ("Step 3 of 8"),
 * named by `label`. A div rather than `<progress>`, whose look cannot be themed across browsers.
 */
export function progressBar(value: number, max: number, label: string, text: string): TemplateResult {
  const percent = max > 0 ? Math.round((Math.min(value, max) / max) * 100) : 0;
  return html`<div part="progress" class="progress" role="progressbar" aria-label=${label} aria-valuemin="0" aria-valuemax=${max}
    aria-valuenow=${Math.min(value, max)} aria-valuetext=${text}>
    <div class="progress-value" ${widthPercent(percent)}></div>
  </div>`;
}
