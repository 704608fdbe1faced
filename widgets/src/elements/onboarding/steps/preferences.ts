/**
 * The `preferences` step: which notifications arrive by email, push and in the app (a table of
 * check boxes, one row per event), how often emails come, and quiet hours — a time range, the time
 * zone it is in (the browser's own by default, from `Intl`) and the days it applies to. The
 * defaults are the server's (server/modules/onboarding/notification-defaults.ts): everything on
 * but the newsletter's email, which is opt-in. Security notifications are locked on, with the
 * reason under the table, as in `<acct-notification-settings>` (notification-settings/preference-table.ts).
 */
import { html, nothing } from 'lit';
import { selectField, textField } from '../../../core/form-fields.js';
import { fieldErrorMessage } from '../../../core/i18n/index.js';
import { browserTimeZone, dayName, timeZones, WEEK_DAYS } from '../../../core/time-zones.js';
import { defineStepForm, fieldValue, isChecked, isRecord } from './step-form.js';

const EVENTS = [
  'new_sign_in',
  'password_changed',
  'mentions',
  'comments',
  'assignments',
  'product_updates',
  'newsletter',
] as const;
/**
 * The security events: the server keeps every channel of theirs on whatever is sent (category
 * `security`, `canDisable: false`, in server/modules/notifications/catalogue.ts), so they show
 * ticked and disabled. `<acct-notification-settings>` reads the same from each row's `canDisable`;
 * this step draws its table before the user has any rows.
 */
const ALWAYS_ON: readonly string[] = ['new_sign_in', 'password_changed'];
const CHANNELS = ['email', 'push', 'inApp'] as const;
const FREQUENCIES = ['instant', 'daily', 'weekly'] as const;
const DAYS = WEEK_DAYS;

interface PreferencesDraft {
  quiet: boolean;
}

/** A saved value at `path` (e.g. `quietHours`, `start`), if it has the type of `fallback`; else `fallback`. */
function savedValue<T>(saved: unknown, path: string[], fallback: T): T {
  let value: unknown = saved;
  for (const key of path) value = isRecord(value) ? value[key] : undefined;
  return typeof value === typeof fallback && (!Array.isArray(fallback) || Array.isArray(value))
    ? (value as T)
    : fallback;
}

export const preferencesStep = defineStepForm<PreferencesDraft>({
  draft: (saved) => ({ quiet: savedValue(saved, ['quietHours', 'enabled'], false) }),

  render(view) {
    const { t, lang, saved, draft, errors } = view;
    const s = t.steps.preferences;
    const zone = savedValue(saved, ['quietHours', 'timeZone'], browserTimeZone());
    const days = savedValue<number[]>(saved, ['quietHours', 'days'], [0, 1, 2, 3, 4, 5, 6]);
    return html`
      <fieldset>
        <legend>${s.notifications}</legend>
        <table class="matrix" aria-describedby="locked-note">
          <thead>
            <tr>
              <th scope="col">${s.event}</th>
              ${CHANNELS.map((channel) => html`<th scope="col">${s.channels[channel]}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${EVENTS.map(
              (event) => html`<tr>
                <th scope="row">${s.events[event]}</th>
                ${CHANNELS.map((channel) => {
                  const locked = ALWAYS_ON.includes(event);
                  const on =
                    locked ||
                    savedValue(
                      saved,
                      ['notifications', event, channel],
                      !(event === 'newsletter' && channel === 'email'),
                    );
                  return html`<td>
                    <input type="checkbox" name="${event}.${channel}" .checked=${on} ?disabled=${locked}
                      aria-label=${s.channelFor(s.channels[channel]!, s.events[event]!)} />
                  </td>`;
                })}
              </tr>`,
            )}
          </tbody>
        </table>
        <p part="locked-note" class="hint" id="locked-note">${t.notificationSettings.locked}</p>
      </fieldset>
      ${selectField({
        name: 'frequency',
        label: s.frequency,
        value: savedValue(saved, ['frequency'], 'instant'),
        options: FREQUENCIES.map((f) => ({ value: f, label: s.frequencies[f]! })),
        error: errors.frequency,
      })}
      <fieldset>
        <legend>${s.quietHours}</legend>
        <label class="check">
          <input type="checkbox" name="quietHours.enabled" .checked=${draft.quiet}
            @change=${(event: Event) => view.update({ quiet: (event.target as HTMLInputElement).checked })} />
          ${s.quietEnabled}
        </label>
        ${
          draft.quiet
            ? html`<div class="row">
                ${textField({ name: 'quietHours.start', label: s.start, type: 'time', value: savedValue(saved, ['quietHours', 'start'], '22:00'), required: true, error: errors['quietHours.start'] })}
                ${textField({ name: 'quietHours.end', label: s.end, type: 'time', value: savedValue(saved, ['quietHours', 'end'], '07:00'), required: true, error: errors['quietHours.end'] })}
              </div>
              ${selectField({
                name: 'quietHours.timeZone',
                label: s.timeZone,
                value: zone,
                options: timeZones(zone).map((tz) => ({ value: tz, label: tz.replaceAll('_', ' ') })),
                error: errors['quietHours.timeZone'],
              })}
              <fieldset class="days">
                <legend>${s.days}</legend>
                ${DAYS.map((day) => html`<label class="check"><input type="checkbox" name="quietHours.days.${day}" .checked=${days.includes(day)} />${dayName(lang, day)}</label>`)}
              </fieldset>`
            : nothing
        }
      </fieldset>
    `;
  },

  // Quiet hours whose times are not whole yet wait for them; everything else is saved.
  draftData(form, view) {
    const read = this.read(form, view);
    if ('data' in read) return read.data;
    const withoutQuietHours = this.read(form, { ...view, draft: { quiet: false }, saved: undefined });
    return 'data' in withoutQuietHours ? withoutQuietHours.data : undefined;
  },

  read(form, { t, draft, saved }) {
    const notifications = Object.fromEntries(
      EVENTS.map((event) => [
        event,
        Object.fromEntries(CHANNELS.map((channel) => [channel, isChecked(form, `${event}.${channel}`)])),
      ]),
    );
    const data: Record<string, unknown> = { notifications, frequency: fieldValue(form, 'frequency') || 'instant' };
    if (!draft.quiet) {
      // Quiet hours switched off: say so, or the ones saved before would stay on.
      const before = isRecord(saved) && isRecord(saved.quietHours) ? saved.quietHours : undefined;
      return { data: before ? { ...data, quietHours: { ...before, enabled: false } } : data };
    }
    const quietHours = {
      enabled: true,
      start: fieldValue(form, 'quietHours.start'),
      end: fieldValue(form, 'quietHours.end'),
      timeZone: fieldValue(form, 'quietHours.timeZone') || browserTimeZone(),
      days: DAYS.filter((day) => isChecked(form, `quietHours.days.${day}`)).sort((a, b) => a - b),
    };
    const errors: Record<string, string> = {};
    for (const key of ['start', 'end'] as const) {
      if (!/^\d\d:\d\d$/.test(quietHours[key]))
        errors[`quietHours.${key}`] = fieldErrorMessage(t, quietHours[key] ? 'invalid_time' : 'required');
    }
    return Object.keys(errors).length ? { errors } : { data: { ...data, quietHours } };
  },
});
