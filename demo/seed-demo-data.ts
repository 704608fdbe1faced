/**
 * The demo's own data (docs/architecture.md §9, "The demo"): Stagehand's templates — a few for events, tours,
 * festivals and corporate work, their previews served by the demo itself (demo/public/templates/)
 * — and a second onboarding path, for producers, with a step of the site's own ("Your first
 * production", which the onboarding page fills with the template gallery). The migrations only
 * hold the seed's rows; this is loaded by the demo, e.g. from `npm start`.
 *
 * Idempotent: each template and path is inserted only when no row of that name exists, so it
 * can run on every start and never touches what an administrator changed since.
 */
import type { Knex } from 'knex';

interface DemoTemplate {
  name: string;
  description: string;
  category: 'events' | 'tours' | 'festivals' | 'corporate';
  industry: string;
  preview: string;
  featured: boolean;
  /** What the event form of /productions/events/new/ starts from. */
  event: { name: string; kind: string; venue: string; days: number; crew: number; notes: string };
}

export const DEMO_TEMPLATES: DemoTemplate[] = [
  {
    name: 'Theatre run',
    description: 'Tech week, previews, press night and a three-week run on one stage.',
    category: 'events',
    industry: 'theatre',
    preview: 'theatre.svg',
    featured: true,
    event: {
      name: 'Spring season',
      kind: 'theatre',
      venue: 'Main stage',
      days: 28,
      crew: 14,
      notes: 'Tech week, two previews, press night, then eight shows a week.',
    },
  },
  {
    name: 'Concert night',
    description: 'One evening, one venue: load-in, soundcheck, doors, show, load-out.',
    category: 'events',
    industry: 'music',
    preview: 'concert.svg',
    featured: false,
    event: {
      name: 'Live at the Roundhouse',
      kind: 'concert',
      venue: 'Roundhouse',
      days: 1,
      crew: 9,
      notes: 'Load-in 10:00, soundcheck 16:00, doors 19:00, curfew 23:00.',
    },
  },
  {
    name: 'National tour',
    description: 'Twelve cities in six weeks, with travel days and advance work for each venue.',
    category: 'tours',
    industry: 'music',
    preview: 'tour.svg',
    featured: true,
    event: {
      name: 'Autumn tour',
      kind: 'tour',
      venue: 'Twelve cities',
      days: 42,
      crew: 22,
      notes: 'Advance each venue two weeks ahead; a travel day every third show.',
    },
  },
  {
    name: 'Theatre tour',
    description: 'A touring production visiting regional theatres, a week in each.',
    category: 'tours',
    industry: 'theatre',
    preview: 'theatre-tour.svg',
    featured: false,
    event: {
      name: 'Regional tour',
      kind: 'tour',
      venue: 'Six theatres',
      days: 42,
      crew: 16,
      notes: 'Get-in on Mondays, opening on Tuesdays, get-out after Saturday’s show.',
    },
  },
  {
    name: 'Summer festival',
    description: 'Three days, four stages, camping, and a crew that never sleeps.',
    category: 'festivals',
    industry: 'festival',
    preview: 'festival.svg',
    featured: true,
    event: {
      name: 'Midsummer festival',
      kind: 'festival',
      venue: 'Riverside park',
      days: 3,
      crew: 120,
      notes: 'Build week before, four stages, changeovers of 30 minutes.',
    },
  },
  {
    name: 'Conference day',
    description: 'Keynotes, breakout rooms and a reception, with AV for every room.',
    category: 'corporate',
    industry: 'business',
    preview: 'conference.svg',
    featured: false,
    event: {
      name: 'Annual conference',
      kind: 'corporate',
      venue: 'Convention centre',
      days: 1,
      crew: 18,
      notes: 'Rehearsal the evening before; keynote at 09:00; reception at 18:00.',
    },
  },
  {
    name: 'Product launch',
    description: 'A launch event with a stage show, live stream and press area.',
    category: 'corporate',
    industry: 'business',
    preview: 'launch.svg',
    featured: false,
    event: {
      name: 'Product launch',
      kind: 'corporate',
      venue: 'Warehouse studio',
      days: 1,
      crew: 25,
      notes: 'Stream rehearsal at noon, doors at 18:30, show at 19:00.',
    },
  },
];

export const PRODUCER_PATH = {
  name: 'Producer onboarding',
  description: 'For producers: your company, your crew, and a first production from a template.',
  targetRole: 'producer',
  steps: [
    { key: 'welcome', title: 'Welcome to Stagehand', required: true },
    { key: 'profile', title: 'Your profile', required: true },
    {
      key: 'organization',
      title: 'Your company',
      description: 'Stagehand keeps productions and crews per company.',
      required: true,
    },
    { key: 'team', title: 'Your crew', required: false },
    {
      key: 'first-production',
      title: 'Your first production',
      description: 'Start from a template; you can change everything later.',
      required: false,
    },
    { key: 'preferences', title: 'Notifications', required: false },
    { key: 'complete', title: 'Ready for opening night', required: true },
  ],
};

export interface SeedReport {
  /** Names of the templates inserted by this run (those already present are left alone). */
  templates: string[];
  /** Names of the onboarding paths inserted by this run. */
  paths: string[];
}

/** Loads the demo's templates and producer path, inserting only what is missing (by name). */
export async function seedDemoData(knex: Knex): Promise<SeedReport> {
  return knex.transaction(async (trx) => {
    const report: SeedReport = { templates: [], paths: [] };
    const existing = new Set(
      (await trx('onboarding_templates').select('name')).map((row: { name: string }) => row.name),
    );
    for (const t of DEMO_TEMPLATES.filter((t) => !existing.has(t.name))) {
      await trx('onboarding_templates').insert({
        name: t.name,
        description: t.description,
        category: t.category,
        industry: t.industry,
        // A path on the demo's own origin: the gallery renders on the demo's pages.
        preview_image_url: `/templates/${t.preview}`,
        // JSON text, not an object: the pg driver would turn a nested array into a PostgreSQL array.
        template_data: JSON.stringify({ event: t.event }),
        is_featured: t.featured,
      });
      report.templates.push(t.name);
    }
    if (!(await trx('onboarding_paths').where({ name: PRODUCER_PATH.name }).first('id'))) {
      await trx('onboarding_paths').insert({
        name: PRODUCER_PATH.name,
        description: PRODUCER_PATH.description,
        target_role: PRODUCER_PATH.targetRole,
        steps: JSON.stringify(PRODUCER_PATH.steps),
      });
      report.paths.push(PRODUCER_PATH.name);
    }
    return report;
  });
}
