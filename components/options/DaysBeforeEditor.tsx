/**
 * The days before a closing date on which a reminder comes (7, 2, 0 by default): one chip per
 * day with its « Retirer » button, and a small form to add one.
 */
import { useState } from 'preact/hooks';
import type { OptionsKey } from '../../lib/i18n/options';
import { useText } from './context';
import { FieldProblem } from './FieldProblem';
import {
  addDayBefore,
  DAYS_BEFORE_COUNT_MAX,
  DAYS_BEFORE_MAX,
  type DayProblem,
  removeDayBefore,
} from './settingsEdits';

const PROBLEM_TEXT: Record<DayProblem, OptionsKey> = {
  invalid: 'dayInvalid',
  duplicate: 'dayDuplicate',
  'too-many': 'dayTooMany',
};

interface DaysBeforeEditorProps {
  days: readonly number[];
  onChange(days: number[]): Promise<boolean>;
}

export function DaysBeforeEditor({ days, onChange }: DaysBeforeEditorProps) {
  const t = useText();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<DayProblem | null>(null);
  const dayName = (day: number) =>
    day === 0 ? t('dayBefore0') : day === 1 ? t('dayBefore1') : t('dayBeforeN', { days: day });

  const add = async (event: Event) => {
    event.preventDefault();
    const added = addDayBefore(days, typed);
    if (!added.ok) {
      setProblem(added.problem);
      return;
    }
    setProblem(null);
    if (await onChange(added.days)) setTyped('');
  };

  const remove = (day: number) => {
    setProblem(null);
    void onChange(removeDayBefore(days, day));
    // The chip and its button go away: keep the keyboard in the editor.
    document.getElementById('add-day')?.focus();
  };

  return (
    <fieldset class="days-editor">
      <legend>{t('daysBeforeLabel')}</legend>
      {days.length === 0 ? (
        <p class="muted">{t('daysBeforeNone')}</p>
      ) : (
        <ul class="chips">
          {days.map((day) => (
            <li key={day} class="chip">
              <span>{dayName(day)}</span>
              <button
                type="button"
                class="chip__remove"
                aria-label={t('removeDayNamed', { day: dayName(day) })}
                onClick={() => remove(day)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-day" onSubmit={add} noValidate>
        <label for="add-day">{t('addDayLabel')}</label>
        <div class="add-day__row">
          <input
            id="add-day"
            type="number"
            inputMode="numeric"
            min={0}
            max={DAYS_BEFORE_MAX}
            step={1}
            value={typed}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'add-day-problem' : undefined}
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
          <button type="submit" class="button">
            {t('addDay')}
          </button>
        </div>
      </form>
      <FieldProblem
        id="add-day-problem"
        text={
          problem
            ? t(PROBLEM_TEXT[problem], { max: problem === 'too-many' ? DAYS_BEFORE_COUNT_MAX : DAYS_BEFORE_MAX })
            : null
        }
      />
    </fieldset>
  );
}
