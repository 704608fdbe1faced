/**
 * The template gallery.
 * Filled in by issue 9: request schemas, answer types and error codes of this area.
 */
import type { ErrorCatalogue } from './wire.js';

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
export type TemplateRoutes = Record<never, never>;
