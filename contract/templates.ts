/**
 * The template gallery (server/modules/templates).
 */
import { z } from 'zod';
import type { EmptyBody } from './onboarding.js';
import type { ErrorCatalogue, Route } from './wire.js';

/** `GET /api/templates?category=…&industry=…`. */
export const TemplateFilter = z
  .object({ category: z.string().max(100).optional(), industry: z.string().max(100).optional() })
  .strict();

/** One template of the gallery (`GET /api/templates`). */
export interface Template {
  id: string;
  name: string;
  description: string | null;
  category: string | null;
  industry: string | null;
  previewImageUrl: string | null;
  usageCount: number;
  featured: boolean;
}

export interface TemplateGallery {
  templates: Template[];
  categories: string[];
  industries: string[];
}

/** `POST /api/templates/:id/use`: the template with the data the site starts from. */
export interface UsedTemplate extends Template {
  templateData: Record<string, unknown>;
}

export const TemplateErrors = {} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface TemplateRoutes {
  'GET /api/templates': Route<never, TemplateGallery, z.input<typeof TemplateFilter>>;
  'POST /api/templates/:id/use': Route<z.input<typeof EmptyBody>, { template: UsedTemplate }>;
}
