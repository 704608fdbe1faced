/**
 * The few icons the elements draw, as inline SVG (no icon font, no request): devices for the
 * sessions list, success / failure marks for the login history, a key for passkeys and a bell for notifications. Every icon is decorative
 * (`aria-hidden`): the text beside it says the same thing, so meaning never rests on the picture.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { DeviceKind } from './device-format.js';

const paths: Record<DeviceKind | 'success' | 'failure' | 'activity' | 'passkey' | 'bell', SVGTemplateResult> = {
  desktop: svg`<rect x="3" y="4" width="18" height="12" rx="1.5"/><path d="M8 20h8M12 16v4"/>`,
  mobile: svg`<rect x="7" y="2.5" width="10" height="19" rx="2"/><path d="M11 18.5h2"/>`,
  tablet: svg`<rect x="4.5" y="2.5" width="15" height="19" rx="2"/><path d="M11 18.5h2"/>`,
  unknown: svg`<circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01"/>`,
  success: svg`<circle cx="12" cy="12" r="9"/><path d="m8 12.5 2.7 2.7L16 9.8"/>`,
  failure: svg`<circle cx="12" cy="12" r="9"/><path d="m9 9 6 6m0-6-6 6"/>`,
  activity: svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`,
  bell: svg`<path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8"/><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"/>`,
  passkey: svg`<circle cx="8" cy="15" r="4"/><path d="m10.85 12.15 8.65-8.65M16.5 6.5l2.5 2.5M14 9l2 2"/>`,
};

export type IconName = keyof typeof paths;

export function icon(name: IconName): TemplateResult {
  return html`<svg
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width="1.75"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    ${paths[name]}
  </svg>`;
}
