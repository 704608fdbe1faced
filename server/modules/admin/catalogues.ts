/**
 * The three catalogues admins manage — onboarding paths, checklist items, templates — each named
 * once: its table, its schema in API terms (contract/admin.ts) and its mapping between API fields
 * and columns. admin.service.ts does the work for all three alike.
 */
import type { z } from 'zod';
import {
  ChecklistItemInput,
  PathInput,
  TemplateInput,
  type AdminCatalogue,
  type AdminCatalogues,
} from '../../../contract/admin';
import { iso } from '../../../contract/wire';
import type { ChecklistItemRow, OnboardingPathRow, OnboardingTemplateRow } from '../../db/tables';
import { jsonLength } from '../../http/json-limits';
import type { CatalogueTable } from './admin.queries';

export interface Catalogue<C extends AdminCatalogue = AdminCatalogue, S extends z.ZodObject = z.ZodObject> {
  path: C;
  table: CatalogueTable;
  schema: S;
  /** A row as the API shows it. */
  toApi(row: Record<string, unknown>): AdminCatalogues[C]['item'];
  /** API fields to columns, keeping only those given (updates give any subset). */
  columns: Record<string, string>;
  /** Fields that may not change after creation. */
  immutable?: string[];
  /** Making this entry the default unmarks the others (paths: one default at most). */
  singleDefault?: boolean;
  orderBy: string;
}

const paths: Catalogue<'onboarding/paths', typeof PathInput> = {
  path: 'onboarding/paths',
  table: 'onboarding_paths',
  schema: PathInput,
  singleDefault: true,
  orderBy: 'created_at',
  columns: {
    name: 'name',
    description: 'description',
    targetRole: 'target_role',
    targetUseCase: 'target_use_case',
    steps: 'steps',
    isDefault: 'is_default',
    isActive: 'is_active',
  },
  toApi: (row) => {
    const r = row as unknown as OnboardingPathRow;
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      targetRole: r.target_role,
      targetUseCase: r.target_use_case,
      steps: r.steps,
      isDefault: r.is_default,
      isActive: r.is_active,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
    };
  },
};

const checklistItems: Catalogue<'checklist/items', typeof ChecklistItemInput> = {
  path: 'checklist/items',
  table: 'setup_checklist_items',
  schema: ChecklistItemInput,
  immutable: ['key'],
  orderBy: 'sort_order',
  columns: {
    key: 'key',
    title: 'title',
    description: 'description',
    icon: 'icon',
    actionUrl: 'action_url',
    sortOrder: 'sort_order',
    isActive: 'is_active',
  },
  toApi: (row) => {
    const r = row as unknown as ChecklistItemRow;
    return {
      id: r.id,
      key: r.key,
      title: r.title,
      description: r.description,
      icon: r.icon,
      actionUrl: r.action_url,
      sortOrder: r.sort_order,
      isActive: r.is_active,
    };
  },
};

/** The contract's template input, with the server's size cap on the data. */
const CappedTemplateInput = TemplateInput.extend({
  templateData: TemplateInput.shape.templateData.refine((d) => jsonLength(d) <= 65_536, 'too_large'),
});

const templates: Catalogue<'templates', typeof CappedTemplateInput> = {
  path: 'templates',
  table: 'onboarding_templates',
  schema: CappedTemplateInput,
  orderBy: 'created_at',
  columns: {
    name: 'name',
    description: 'description',
    category: 'category',
    industry: 'industry',
    previewImageUrl: 'preview_image_url',
    templateData: 'template_data',
    isFeatured: 'is_featured',
    isActive: 'is_active',
  },
  toApi: (row) => {
    const r = row as unknown as OnboardingTemplateRow;
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      category: r.category,
      industry: r.industry,
      previewImageUrl: r.preview_image_url,
      templateData: r.template_data,
      usageCount: r.usage_count,
      isFeatured: r.is_featured,
      isActive: r.is_active,
      createdAt: iso(r.created_at),
    };
  },
};

export const CATALOGUES = [paths, checklistItems, templates] as const;
