/**
 * « Candidature »: where the application stands, the next step in one click, any stage from a
 * list (people skip steps, and « Refusée » / « Abandonnée » can come at any point), and the
 * dated history — each date correctable, since people log things late.
 */
import { useState } from 'preact/hooks';
import type { Stage, StageEvent } from '../../lib/application';
import type { OfferRow } from '../../lib/db';
import { formatInstant } from '../../lib/i18n';
import { stageName } from '../../lib/i18n/stages';
import { usePopup, useRun, useText } from './context';
import { EditableField } from './EditableField';
import { daysBetween, isPlausibleDate, localIsoDate, moveToLocalDate } from './localDates';
import { nextStage, otherStages } from './stageFlow';
import { useOnChange } from './useOnChange';

export function StageSection({ row }: { row: OfferRow }) {
  const { api, locale, now } = usePopup();
  const run = useRun();
  const t = useText();
  const { stage, history } = row.application;
  const next = nextStage(stage);
  const choices = otherStages(stage);
  const [choice, setChoice] = useState<Stage | undefined>(choices[0]);
  const since = history[history.length - 1]?.at ?? row.savedAt;

  // After a move, offer the stages other than the new current one.
  useOnChange(stage, (current) => setChoice(otherStages(current)[0]));

  const moveTo = (target: Stage) =>
    void run(() => api.setStage({ id: row.id, stage: target, at: now().toISOString() }));

  return (
    <section class="card" aria-labelledby="stage-heading">
      <h2 id="stage-heading">{t('stageHeading')}</h2>
      <p class="stage-current">
        <span class={`badge badge--stage badge--stage-${stage}`}>
          {t('currentStage', { stage: stageName(locale, stage), date: formatInstant(since, locale) })}
        </span>
      </p>
      {next && (
        <button type="button" class="button button--primary" onClick={() => moveTo(next)}>
          {t('nextStep', { stage: stageName(locale, next) })}
        </button>
      )}
      <div class="inline-form">
        <label for="stage-select">{t('changeStageLabel')}</label>
        <div class="inline-form__controls">
          <select id="stage-select" value={choice} onChange={(event) => setChoice(event.currentTarget.value as Stage)}>
            {choices.map((candidate) => (
              <option key={candidate} value={candidate}>
                {stageName(locale, candidate)}
              </option>
            ))}
          </select>
          <button type="button" class="button" disabled={!choice} onClick={() => choice && moveTo(choice)}>
            {t('changeStageSubmit')}
          </button>
        </div>
      </div>
      <h3>{t('historyHeading')}</h3>
      <ol class="history">
        {history.map((event, index) => (
          // Events are only ever appended: the index is the event's identity (it is what editStageDate takes).
          <HistoryEntry key={index} offerId={row.id} event={event} index={index} />
        ))}
      </ol>
    </section>
  );
}

interface HistoryEntryProps {
  offerId: string;
  event: StageEvent;
  index: number;
}

function HistoryEntry({ offerId, event, index }: HistoryEntryProps) {
  const { api, locale, now } = usePopup();
  const run = useRun();
  const t = useText();
  const name = stageName(locale, event.stage);
  return (
    <li class="history__entry">
      <EditableField
        id={`history-${index}`}
        label={t('historyDateLabel', { stage: name })}
        control="date"
        value={localIsoDate(new Date(event.at))}
        pageValue={null}
        edited={false}
        validate={(raw) => {
          if (!isPlausibleDate(raw)) return 'errorInvalid';
          return daysBetween(localIsoDate(now()), raw) > 0 ? 'futureDate' : null;
        }}
        onCommit={(raw) =>
          void run(() => api.editStageDate({ id: offerId, index, at: moveToLocalDate(event.at, raw) }))
        }
        onReset={() => undefined}
      />
    </li>
  );
}
