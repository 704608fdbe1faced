/**
 * The `profile` step: the user's name (required, starting from the account's), a photo address and
 * a short bio. Completing it edits the profile on the server; a photo and a bio together also
 * tick the checklist's "Complete your profile".
 */
import { html } from 'lit';
import { textField } from '../../../core/form-fields.js';
import { fieldErrorMessage } from '../../../core/i18n/index.js';
import { defineStepForm, fieldValue, isRecord } from './step-form.js';

/** A web address the server accepts for a photo: http or https, and parseable. */
function isWebAddress(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

export const profileStep = defineStepForm({
  render({ t, saved, user, errors }) {
    const s = t.steps.profile;
    const text = (key: string) =>
      isRecord(saved) && typeof saved[key] === 'string' ? (saved[key] as string) : undefined;
    return html`
      ${textField({ name: 'displayName', label: s.displayName, value: text('displayName') ?? user?.displayName ?? '', autocomplete: 'name', required: true, maxlength: 100, error: errors.displayName })}
      ${textField({ name: 'avatarUrl', label: s.avatarUrl, type: 'url', value: text('avatarUrl') ?? user?.avatarUrl ?? '', hint: s.avatarHint, autocomplete: 'photo', error: errors.avatarUrl })}
      ${textField({ name: 'bio', label: s.bio, value: text('bio') ?? '', hint: s.bioHint, multiline: true, maxlength: 500, error: errors.bio })}
    `;
  },

  // The name is required, so a draft needs one; a photo address is kept once it is a whole one.
  draftData(form) {
    const displayName = fieldValue(form, 'displayName');
    const avatarUrl = fieldValue(form, 'avatarUrl');
    if (!displayName) return undefined;
    return {
      displayName,
      bio: fieldValue(form, 'bio'),
      ...(avatarUrl === '' || isWebAddress(avatarUrl) ? { avatarUrl } : {}),
    };
  },

  read(form, { t }) {
    const data = {
      displayName: fieldValue(form, 'displayName'),
      avatarUrl: fieldValue(form, 'avatarUrl'),
      bio: fieldValue(form, 'bio'),
    };
    const errors: Record<string, string> = {};
    if (!data.displayName) errors.displayName = fieldErrorMessage(t, 'required');
    if (data.avatarUrl && !isWebAddress(data.avatarUrl)) errors.avatarUrl = fieldErrorMessage(t, 'invalid_url');
    return Object.keys(errors).length ? { errors } : { data };
  },
});
