/**
 * The schema's seeded rows — the default onboarding path's step titles and the five setup
 * checklist items (migrations/20260201000700_seed_data.ts) — are English text stored in the
 * database. While a site leaves such a text as seeded, the API answers it in the reader's language
 * (the request's `Accept-Language`, which the elements set to their page's language); a text the
 * site has changed is its own and goes out as written. Matching on the text, not only the key,
 * is what tells the two apart: a site that renames the `team` step keeps its name in every language.
 */
import type { Checklist } from '../../contract/checklist';
import type { OnboardingState } from '../../contract/onboarding';
import { en } from './en';
import { messages, type Language } from './index';

type Seeded = (typeof en)['seeded'];
const seededIn = (language: Language | undefined): Seeded | undefined =>
  language && language !== 'en' ? messages(language).seeded : undefined;

/** `text` in `translated` when it is `seeded`'s, as the seed wrote it. */
const unlessChanged = <T>(text: T, seeded: string | null | undefined, translated: string | undefined): T | string =>
  seeded != null && text === seeded && translated !== undefined ? translated : text;

/** The walk with the seeded step titles in `language`. */
export function onboardingIn(state: OnboardingState, language: Language | undefined): OnboardingState {
  const seeded = seededIn(language);
  if (!seeded || !state.path) return state;
  const titles: Record<string, string> = seeded.steps;
  const english: Record<string, string> = en.seeded.steps;
  const steps = state.path.steps.map((step) =>
    step.policy ? step : { ...step, title: unlessChanged(step.title, english[step.key], titles[step.key]) },
  );
  return { ...state, path: { ...state.path, steps } };
}

/** The checklist with the seeded items' title and description in `language`. */
export function checklistIn(checklist: Checklist, language: Language | undefined): Checklist {
  const seeded = seededIn(language);
  if (!seeded) return checklist;
  const items: Record<string, { title: string; description: string }> = seeded.checklist;
  const english: Record<string, { title: string; description: string }> = en.seeded.checklist;
  return {
    ...checklist,
    items: checklist.items.map((item) => ({
      ...item,
      title: unlessChanged(item.title, english[item.key]?.title, items[item.key]?.title),
      description: unlessChanged(item.description, english[item.key]?.description, items[item.key]?.description),
    })),
  };
}
