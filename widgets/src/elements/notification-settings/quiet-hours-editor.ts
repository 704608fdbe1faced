/**
 * The quiet-hours group of `<acct-notification-settings>`: on/off, start and end times, the time
 * zone (the saved one, else the browser's) and the days a window starts on. Every control saves
 * on `change`; the element passes the values and one handler that reads the whole group.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { QuietHoursSettings } from '../../../../contract/notifications.js';
import type { Translation } from '../../core/i18n/index.js';
import { dayName, timeZones, WEEK_DAYS } from '../../core/time-zones.js';

/** The group's values as the form shows them now. */
export function readQuietHours(root: ParentNode): QuietHoursSettings {
  const input = (name: string) => root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
  return {
    enabled: (input('quiet.enabled') as HTMLInputElement | null)?.checked ?? false,
    start: input('quiet.start')?.value ?? '22:00',
    end: input('quiet.end')?.value ?? '08:00',
    timeZone: input('quiet.timeZone')?.value ?? 'UTC',
    days: WEEK_DAYS.filter((day) => (input(`quiet.day.${day}`) as HTMLInputElement | null)?.checked).sort(
      (a, b) => a - b,
    ),
  };
}

export function renderQuietHours(
  t: Translation,
  quiet: QuietHoursSettings,
  onChange: (event: Event) => void,
): TemplateResult {
  const s = t.steps.preferences;
  return html`<fieldset part="quiet-hours" class="quiet" @change=${onChange}>
    <legend>${s.quietHours}</legend>
    <p class="note">${t.notificationSettings.quietIntro}</p>
    <label class="check"><input type="checkbox" name="quiet.enabled" .checked=${quiet.enabled} />${s.quietEnabled}</label>
    ${
      quiet.enabled
        ? html`<div class="times">
            <label class="field">${s.start} <input part="input" type="time" name="quiet.start" required .value=${quiet.start} /></label>
            <label class="field">${s.end} <input part="input" type="time" name="quiet.end" required .value=${quiet.end} /></label>
            <label class="field">${s.timeZone}
              <select part="select" name="quiet.timeZone">
                ${timeZones(quiet.timeZone).map((tz) => html`<option value=${tz} ?selected=${tz === quiet.timeZone}>${tz.replaceAll('_', ' ')}</option>`)}
              </select>
            </label>
          </div>
          <fieldset class="days">
            <legend>${s.days}</legend>
            ${WEEK_DAYS.map(
              (day) =>
                html`<label class="check"><input type="checkbox" name="quiet.day.${day}" .checked=${quiet.days.includes(day)} />${dayName(t.$lang, day)}</label>`,
            )}
          </fieldset>`
        : nothing
    }
  </fieldset>`;
}
