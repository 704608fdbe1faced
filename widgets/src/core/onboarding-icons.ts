/**
 * The icons of the onboarding elements, as inline SVG like core/icons.ts: the checklist's item
 * icons (named by the item's `icon`, else chosen by its key), marks for done and to-do, the
 * close cross, an envelope for invitations, and the picture shown for a template without a preview. Every icon is
 * decorative (`aria-hidden`): the text beside it says the same thing.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

const paths = {
  calendar: svg`<rect x="3.5" y="5" width="17" height="15" rx="2"/><path d="M3.5 10h17M8 3v4M16 3v4"/>`,
  users: svg`<circle cx="9" cy="8.5" r="3.5"/><path d="M2.5 20a6.5 6.5 0 0 1 13 0M16 5.2a3.5 3.5 0 0 1 0 6.6M18.5 20a6.5 6.5 0 0 0-2.8-5.3"/>`,
  plug: svg`<path d="M9 3v5M15 3v5M6.5 8h11v3a5.5 5.5 0 0 1-11 0zM12 16.5V21"/>`,
  user: svg`<circle cx="12" cy="8" r="4"/><path d="M4.5 20.5a7.5 7.5 0 0 1 15 0"/>`,
  dashboard: svg`<rect x="3.5" y="3.5" width="7" height="9" rx="1.5"/><rect x="13.5" y="3.5" width="7" height="5" rx="1.5"/><rect x="13.5" y="11.5" width="7" height="9" rx="1.5"/><rect x="3.5" y="15.5" width="7" height="5" rx="1.5"/>`,
  task: svg`<rect x="4" y="4" width="16" height="16" rx="3"/><path d="m8.5 12 2.5 2.5 4.5-5"/>`,
  done: svg`<circle cx="12" cy="12" r="9"/><path d="m8 12.5 2.7 2.7L16 9.8"/>`,
  close: svg`<path d="m6.5 6.5 11 11m0-11-11 11"/>`,
  template: svg`<rect x="3.5" y="4.5" width="17" height="15" rx="2"/><path d="M3.5 9.5h17M9 9.5v10"/>`,
  mail: svg`<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3.5 6.5 8.5 6.5 8.5-6.5"/>`,
  star: svg`<path d="m12 3.5 2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z"/>`,
} satisfies Record<string, SVGTemplateResult>;

export type OnboardingIcon = keyof typeof paths;

/** The seed's checklist items have no icon of their own: these fit them. */
const BY_ITEM_KEY: Record<string, OnboardingIcon> = {
  create_event: 'calendar',
  invite_team: 'users',
  connect_integration: 'plug',
  customize_profile: 'user',
  explore_dashboard: 'dashboard',
};

/** The icon for a checklist item: its own `icon` when we draw it, else one chosen by its key, else a generic task. */
export function itemIcon(icon: string | null, key: string): OnboardingIcon {
  if (icon && Object.hasOwn(paths, icon)) return icon as OnboardingIcon;
  return BY_ITEM_KEY[key] ?? 'task';
}

export function onboardingIcon(name: OnboardingIcon): TemplateResult {
  return html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round"
    stroke-linejoin="round" aria-hidden="true" focusable="false">${paths[name]}</svg>`;
}
