/**
 * The `team` step: a list of teammates to invite, each an email address and a role, with "Add
 * another teammate" and a remove button per row. Completing it sends the invitations (the
 * organization step must come first). Rows are keyed, so what is typed in one survives adding or
 * removing another; blank rows are dropped before sending, so that the server's field paths
 * (`invitations.1.email`) name the rows as they then stand.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { fieldId, looksLikeEmail, selectField, textField } from '../../../core/form-fields.js';
import { fieldErrorMessage } from '../../../core/i18n/index.js';
import type { InvitedRole } from '../../../../../contract/organizations.js';
import { defineStepForm, fieldValue, isRecord, type StepView } from './step-form.js';

interface Row {
  id: number;
  email: string;
  role: InvitedRole;
}

interface TeamDraft {
  rows: Row[];
  nextId: number;
}

const blankRow = (id: number): Row => ({ id, email: '', role: 'member' });

/** The rows as typed: the draft's rows with the form's current values. */
function typedRows(form: HTMLFormElement, rows: Row[]): Row[] {
  return rows.map((row, i) => ({
    id: row.id,
    email: fieldValue(form, `invitations.${i}.email`),
    role: fieldValue(form, `invitations.${i}.role`) === 'admin' ? 'admin' : 'member',
  }));
}

export const teamStep = defineStepForm<TeamDraft>({
  intro: ({ t }) => t.steps.team.intro,

  draft(saved) {
    const invitations = isRecord(saved) && Array.isArray(saved.invitations) ? saved.invitations.filter(isRecord) : [];
    const rows = invitations.map((invite, i): Row => ({
      id: i,
      email: typeof invite.email === 'string' ? invite.email : '',
      role: invite.role === 'admin' ? 'admin' : 'member',
    }));
    return rows.length ? { rows, nextId: rows.length } : { rows: [blankRow(0)], nextId: 1 };
  },

  render(view) {
    const { t, draft, errors } = view;
    const s = t.steps.team;
    const roles = (['member', 'admin'] as const).map((role) => ({ value: role, label: t.roles[role]! }));
    const add = () => {
      view.update({ rows: [...draft.rows, blankRow(draft.nextId)], nextId: draft.nextId + 1 });
      view.focus(`#${fieldId(`invitations.${draft.rows.length}.email`)}`);
    };
    const remove = (id: number, index: number) => () => {
      view.update({ ...draft, rows: draft.rows.filter((row) => row.id !== id) });
      // Focus stays in the list: on the row that took this one's place, else on the one before.
      view.focus(`#${fieldId(`invitations.${Math.min(index, draft.rows.length - 2)}.email`)}`);
    };
    return html`
      <ul class="team">
        ${repeat(
          draft.rows,
          (row) => row.id,
          (row, i) => html`<li class="team-row">
            ${textField({ name: `invitations.${i}.email`, label: s.email(i + 1), type: 'email', value: row.email, autocomplete: 'off', error: errors[`invitations.${i}.email`] })}
            ${selectField({ name: `invitations.${i}.role`, label: s.role(i + 1), value: row.role, options: roles, error: errors[`invitations.${i}.role`] })}
            ${
              draft.rows.length > 1
                ? html`<button part="button remove-button" class="small remove" type="button" aria-label=${s.remove(i + 1)} @click=${remove(row.id, i)}>
                  ${s.removeShort}
                </button>`
                : nothing
            }
          </li>`,
        )}
      </ul>
      <div><button part="button add-button" class="small" type="button" @click=${add}>${s.add}</button></div>
    `;
  },

  // The rows whose address is whole; a half-typed one waits for its next keystrokes.
  draftData(form, view: StepView<TeamDraft>) {
    const complete = typedRows(form, view.draft.rows).filter((row) => looksLikeEmail(row.email));
    return { invitations: complete.map(({ email, role }) => ({ email, role })) };
  },

  read(form, view: StepView<TeamDraft>) {
    const filled = typedRows(form, view.draft.rows).filter((row) => row.email);
    // Compacted now, so that the rows shown are the rows sent, and errors land on the right one.
    view.update(
      filled.length
        ? { ...view.draft, rows: filled }
        : { rows: [blankRow(view.draft.nextId)], nextId: view.draft.nextId + 1 },
    );
    const errors: Record<string, string> = {};
    filled.forEach((row, i) => {
      if (!looksLikeEmail(row.email)) errors[`invitations.${i}.email`] = fieldErrorMessage(view.t, 'invalid_email');
    });
    if (Object.keys(errors).length) return { errors };
    return { data: { invitations: filled.map(({ email, role }) => ({ email, role })) } };
  },
});
