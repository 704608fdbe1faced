/**
 * The `organization` step: create an organization (its name), or — for a user who already belongs
 * to some — pick one of them. Coming back to the step after completing it shows the organization
 * it created or picked as picked, so that Continue does not create a second one.
 */
import { html, nothing } from 'lit';
import { selectField, textField } from '../../../core/form-fields.js';
import { fieldErrorMessage } from '../../../core/i18n/index.js';
import { defineStepForm, fieldValue, isRecord, type StepView } from './step-form.js';

interface OrganizationDraft {
  mode: 'create' | 'existing';
  organizationId: string;
}

/** Picking needs something to pick: with no organizations (or none loaded yet), the step creates one. */
function effectiveMode({ draft, organizations }: StepView<OrganizationDraft>): OrganizationDraft['mode'] {
  return draft.mode === 'existing' && (organizations === undefined || organizations.length > 0) ? 'existing' : 'create';
}

/** The list to pick from (nothing while it loads). */
function pickField({ t, draft, organizations, errors, update }: StepView<OrganizationDraft>) {
  if (!organizations?.length) return nothing;
  return selectField({
    name: 'organizationId',
    label: t.steps.organization.pick,
    value: draft.organizationId || organizations[0]!.id,
    options: organizations.map((org) => ({ value: org.id, label: org.name })),
    error: errors.organizationId,
    onChange: (event) => update({ ...draft, organizationId: (event.target as HTMLSelectElement).value }),
  });
}

export const organizationStep = defineStepForm<OrganizationDraft>({
  needsOrganizations: true,

  draft(saved) {
    const id = isRecord(saved) && typeof saved.organizationId === 'string' ? saved.organizationId : '';
    return { mode: id ? 'existing' : 'create', organizationId: id };
  },

  render(view) {
    const { t, draft, organizations, errors, saved } = view;
    const s = t.steps.organization;
    const mode = effectiveMode(view);
    const choose = (next: OrganizationDraft['mode']) => () => view.update({ ...draft, mode: next });
    const savedName = isRecord(saved) && typeof saved.name === 'string' && !saved.organizationId ? saved.name : '';
    return html`
      ${
        organizations?.length
          ? html`<fieldset>
            <legend>${s.mode}</legend>
            <label class="check"><input type="radio" name="mode" value="create" .checked=${mode === 'create'} @change=${choose('create')} />${s.create}</label>
            <label class="check"><input type="radio" name="mode" value="existing" .checked=${mode === 'existing'} @change=${choose('existing')} />${s.existing}</label>
          </fieldset>`
          : nothing
      }
      ${organizations === undefined && mode === 'existing' ? html`<p part="status" class="status" role="status">${s.loading}</p>` : nothing}
      ${
        mode === 'create'
          ? textField({
              name: 'name',
              label: s.name,
              value: savedName,
              autocomplete: 'organization',
              required: true,
              maxlength: 255,
              error: errors.name,
            })
          : pickField(view)
      }
    `;
  },

  draftData(form, view) {
    const read = this.read(form, view);
    return 'data' in read &&
      (effectiveMode(view) === 'create' || fieldValue(form, 'organizationId') || view.draft.organizationId)
      ? read.data
      : undefined;
  },

  read(form, view) {
    if (effectiveMode(view) === 'existing') {
      return {
        data: { mode: 'existing', organizationId: fieldValue(form, 'organizationId') || view.draft.organizationId },
      };
    }
    const name = fieldValue(form, 'name');
    return name ? { data: { mode: 'create', name } } : { errors: { name: fieldErrorMessage(view.t, 'required') } };
  },
});
