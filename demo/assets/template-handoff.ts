/**
 * Hands a template chosen in `<acct-templates>` to the event form: the dashboard and the
 * onboarding page keep it in sessionStorage (this tab only, gone with it), and
 * /productions/events/new/ takes it once. The event's fields come from the template's data,
 * which the demo's templates hold under `event` (demo/seed-demo-data.ts); anything else in it is
 * ignored, since an administrator may have written any JSON there.
 */

/** The fields of the event form a template can fill. */
export interface EventDraft {
  name?: string;
  kind?: string;
  venue?: string;
  days?: number;
  crew?: number;
  notes?: string;
}

export interface ChosenTemplate {
  name: string;
  event: EventDraft;
}

/** The detail of `acct-template-selected`, as far as the demo reads it. */
export interface TemplateSelected {
  template: { id: string; name: string };
  templateData: Record<string, unknown>;
}

const KEY = 'stagehand:template';

/** The event fields of a template's data, keeping only values of the expected types. */
export function eventFrom(templateData: Record<string, unknown>): EventDraft {
  const event = templateData.event;
  if (typeof event !== 'object' || event === null) return {};
  const draft: EventDraft = {};
  const source = event as Record<string, unknown>;
  for (const key of ['name', 'kind', 'venue', 'notes'] as const)
    if (typeof source[key] === 'string') draft[key] = source[key];
  for (const key of ['days', 'crew'] as const) if (typeof source[key] === 'number') draft[key] = source[key];
  return draft;
}

export function rememberTemplate({ template, templateData }: TemplateSelected): void {
  try {
    sessionStorage.setItem(
      KEY,
      JSON.stringify({ name: template.name, event: eventFrom(templateData) } satisfies ChosenTemplate),
    );
  } catch {
    // Storage disabled: the event form simply starts empty.
  }
}

/** The template chosen on another page, once (it is forgotten as it is read). */
export function takeTemplate(): ChosenTemplate | null {
  try {
    const stored = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    const parsed: unknown = stored ? JSON.parse(stored) : null;
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { name, event } = parsed as { name?: unknown; event?: unknown };
    return typeof name === 'string' ? { name, event: eventFrom({ event }) } : null;
  } catch {
    return null;
  }
}
