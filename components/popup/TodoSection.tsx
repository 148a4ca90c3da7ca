/**
 * « À faire », above the list: what is due now (closing dates, follow-ups, the candidate's own
 * reminders) with the action each one asks for. It reads the database live, so it stays right
 * when notifications are blocked, and an action taken here or from a notification removes the
 * item at once. Nothing is shown when there is nothing to do.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatInstant, formatIsoDate, type Locale } from '../../lib/i18n';
import { stageName } from '../../lib/i18n/stages';
import { localTimeZone } from '../../lib/reminders';
import { usePopup, useRun, useText } from './context';
import { readTodoRows, type TodoEntry, todoEntries } from './todoItems';
import { useLiveQuery } from './useLiveQuery';
import './todo.css';

/** Reminders falling due while the popup stays open appear within this delay. */
const RECHECK_MS = 60_000;

export function TodoSection() {
  const { db, now } = usePopup();
  const t = useText();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const timer = setInterval(() => setTick((value) => value + 1), RECHECK_MS);
    return () => clearInterval(timer);
  }, []);

  const result = useLiveQuery(async () => {
    const at = now().getTime();
    const timeZone = localTimeZone();
    const { offers, reminders } = await readTodoRows(db, at, timeZone);
    return todoEntries(offers, reminders, at, timeZone);
  }, [db, now, tick]);

  if (result.status !== 'ready' || result.value.length === 0) return null;
  const entries = result.value;
  return (
    <section class="todo" aria-labelledby="todo-heading">
      <h2 id="todo-heading" class="todo__heading">
        {t('todoHeading')} <span class="todo__count">{entries.length}</span>
      </h2>
      <ul class="todo__list">
        {entries.map((entry) => (
          <TodoItem key={entry.key} entry={entry} />
        ))}
      </ul>
    </section>
  );
}

function TodoItem({ entry }: { entry: TodoEntry }) {
  const { api, locale, openOffer } = usePopup();
  const run = useRun();
  const t = useText();
  const [busy, setBusy] = useState(false);

  const act = async (write: () => Promise<unknown>) => {
    setBusy(true);
    await run(write);
    // On success the entry leaves the list (the database changed); on failure it stays usable.
    setBusy(false);
  };
  // Several entries have the same buttons: the offer's title tells them apart for a screen reader.
  const forThisOffer = <span class="visually-hidden"> — {entry.title}</span>;
  const when = detail(entry, t, locale);

  return (
    <li class={`todo__item todo__item--${entry.kind}`}>
      <p class="todo__what">
        <strong>{what(entry, t)}</strong>
        {when && <span class="todo__when"> · {when}</span>}
      </p>
      <button type="button" class="link-button todo__offer" onClick={() => openOffer(entry.offerId)}>
        {entry.title}
      </button>
      {entry.organization && <p class="muted todo__organization">{entry.organization}</p>}
      {entry.kind === 'deadline' && entry.stage !== 'to-apply' && (
        // Closing soon but already moving: said, so the item does not look forgotten.
        <p class="todo__stage">
          <span class={`badge badge--stage-${entry.stage}`}>{stageName(locale, entry.stage)}</span>
        </p>
      )}
      <div class="todo__actions">
        {entry.kind === 'deadline' && entry.stage === 'to-apply' && (
          <button
            type="button"
            class="button button--small"
            disabled={busy}
            onClick={() => void act(() => api.setStage({ id: entry.offerId, stage: 'applied' }))}
          >
            {t('todoMarkApplied')}
            {forThisOffer}
          </button>
        )}
        {entry.kind === 'follow-up' && entry.mailto && (
          <a class="button button--small" href={entry.mailto}>
            {t('todoWriteFollowUp')}
            {forThisOffer}
          </a>
        )}
        {entry.kind === 'follow-up' && (
          <button
            type="button"
            class="button button--small"
            disabled={busy}
            onClick={() => void act(() => api.setStage({ id: entry.offerId, stage: 'followed-up' }))}
          >
            {t('todoFollowedUp')}
            {forThisOffer}
          </button>
        )}
        {entry.kind === 'custom' && entry.customId && (
          <button
            type="button"
            class="button button--small"
            disabled={busy}
            onClick={() => {
              const reminderId = entry.customId;
              if (reminderId) void act(() => api.removeReminder({ offerId: entry.offerId, reminderId }));
            }}
          >
            {t('todoDone')}
            {forThisOffer}
          </button>
        )}
      </div>
    </li>
  );
}

type Translate = ReturnType<typeof useText>;

/** « 14:30 » in the candidate's local time. */
function clockTime(instant: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(
    new Date(instant),
  );
}

/** The first words: what is asked. */
function what(entry: TodoEntry, t: Translate): string {
  switch (entry.kind) {
    case 'deadline':
      if (entry.daysLeft === null || entry.daysLeft <= 0) return t('todoClosesToday');
      if (entry.daysLeft === 1) return t('todoClosesTomorrow');
      return t('todoClosesInDays', { days: entry.daysLeft });
    case 'follow-up':
      return t('todoFollowUp');
    case 'custom':
      return entry.label ?? t('todoHeading');
  }
}

/** The date that goes with it, as the candidate reads dates. */
function detail(entry: TodoEntry, t: Translate, locale: Locale): string | null {
  switch (entry.kind) {
    case 'deadline':
      return entry.closesAt ? t('todoClosingOn', { date: formatIsoDate(entry.closesAt, locale, 'long') }) : null;
    case 'follow-up':
      return entry.appliedOn ? t('todoAppliedOn', { date: formatIsoDate(entry.appliedOn, locale) }) : null;
    case 'custom':
      return entry.dueAt === null
        ? null
        : t('todoDueOn', { date: formatInstant(entry.dueAt, locale), time: clockTime(entry.dueAt, locale) });
  }
}
