/** « Rappels »: the candidate's own reminders for this offer (« préparer l'entretien » on a date and time). */
import { useState } from 'preact/hooks';
import type { CustomReminder } from '../../lib/application';
import type { OfferRow } from '../../lib/db';
import { formatInstant } from '../../lib/i18n';
import type { PopupMessageKey } from '../../lib/i18n/popup';
import { usePopup, useRun, useText } from './context';
import { isPlausibleDate, localInstant } from './localDates';

const DEFAULT_TIME = '09:00';
const LABEL_MAX = 300;

function byDueTime(a: CustomReminder, b: CustomReminder): number {
  return a.at.localeCompare(b.at);
}

export function RemindersSection({ row }: { row: OfferRow }) {
  const { api, locale, now } = usePopup();
  const run = useRun();
  const t = useText();
  const [label, setLabel] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState(DEFAULT_TIME);
  const [problem, setProblem] = useState<{ field: 'label' | 'date'; key: PopupMessageKey } | null>(null);
  const reminders = [...row.application.reminders].sort(byDueTime);
  const nowMs = now().getTime();

  const add = async (event: Event) => {
    event.preventDefault();
    const text = label.trim();
    if (!text) {
      setProblem({ field: 'label', key: 'reminderNeedsLabel' });
      document.getElementById('reminder-label')?.focus();
      return;
    }
    if (!isPlausibleDate(date)) {
      setProblem({ field: 'date', key: 'reminderNeedsDate' });
      document.getElementById('reminder-date')?.focus();
      return;
    }
    setProblem(null);
    const at = localInstant(date, /^\d{2}:\d{2}$/.test(time) ? time : DEFAULT_TIME);
    const outcome = await run(() => api.addReminder({ offerId: row.id, reminder: { at, label: text } }));
    if (outcome.ok) {
      setLabel('');
      setDate('');
      setTime(DEFAULT_TIME);
    }
  };

  const described = (field: 'label' | 'date') => (problem?.field === field ? 'reminder-problem' : undefined);

  return (
    <section class="card" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">{t('remindersHeading')}</h2>
      {reminders.length === 0 ? (
        <p class="muted">{t('noReminders')}</p>
      ) : (
        <ul class="reminders">
          {reminders.map((reminder) => (
            <li key={reminder.id} class="reminders__item">
              <span>
                <time dateTime={reminder.at}>{formatInstant(reminder.at, locale, true)}</time>
                {' — '}
                {reminder.label}
                {new Date(reminder.at).getTime() < nowMs && <span class="badge badge--muted">{t('reminderPast')}</span>}
              </span>
              <button
                type="button"
                class="button button--small"
                aria-label={t('removeReminderNamed', { label: reminder.label })}
                onClick={() => void run(() => api.removeReminder({ offerId: row.id, reminderId: reminder.id }))}
              >
                {t('removeReminder')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="reminder-form" onSubmit={add} noValidate>
        <div class="field">
          <label for="reminder-label">{t('reminderLabel')}</label>
          <input
            id="reminder-label"
            type="text"
            maxLength={LABEL_MAX}
            placeholder={t('reminderPlaceholder')}
            value={label}
            aria-invalid={problem?.field === 'label' ? 'true' : undefined}
            aria-describedby={described('label')}
            onInput={(event) => setLabel(event.currentTarget.value)}
          />
        </div>
        <div class="reminder-form__when">
          <div class="field">
            <label for="reminder-date">{t('reminderDate')}</label>
            <input
              id="reminder-date"
              type="date"
              value={date}
              aria-invalid={problem?.field === 'date' ? 'true' : undefined}
              aria-describedby={described('date')}
              onInput={(event) => setDate(event.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="reminder-time">{t('reminderTime')}</label>
            <input
              id="reminder-time"
              type="time"
              value={time}
              onInput={(event) => setTime(event.currentTarget.value)}
            />
          </div>
        </div>
        {problem && (
          <p id="reminder-problem" class="field__error">
            {t(problem.key)}
          </p>
        )}
        <button type="submit" class="button">
          {t('addReminder')}
        </button>
      </form>
    </section>
  );
}
