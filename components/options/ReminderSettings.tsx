/**
 * « Rappels »: deadline reminders (on/off, which days, what time), the follow-up suggestion
 * (on/off, after how many days) and quiet hours. Each change is saved at once; the reminder
 * service in the background watches the settings and reschedules without a reload.
 */
import { useOptions, useText } from './context';
import { DaysBeforeEditor } from './DaysBeforeEditor';
import { FieldProblem } from './FieldProblem';
import { SaveNote } from './SaveNote';
import { FOLLOW_UP_MAX, FOLLOW_UP_MIN, parseFollowUpDays } from './settingsEdits';
import { TimeField } from './TimeField';
import { useDraft } from './useDraft';

export function ReminderSettings() {
  const t = useText();
  return (
    <section class="card" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">{t('remindersHeading')}</h2>
      <DeadlineSettings />
      <FollowUpSettings />
      <QuietHoursSettings />
    </section>
  );
}

function DeadlineSettings() {
  const { settings, updateSettings } = useOptions();
  const t = useText();
  const deadline = settings.deadlineReminders;
  const change = (next: Partial<typeof deadline>) =>
    updateSettings('deadline', (current) => ({
      ...current,
      deadlineReminders: { ...current.deadlineReminders, ...next },
    }));
  return (
    <fieldset>
      <legend>{t('deadlineLegend')}</legend>
      <div class="check">
        <input
          id="deadline-enabled"
          type="checkbox"
          checked={deadline.enabled}
          onChange={(event) => void change({ enabled: event.currentTarget.checked })}
        />
        <label for="deadline-enabled">{t('deadlineEnabled')}</label>
      </div>
      <DaysBeforeEditor days={deadline.daysBefore} onChange={(daysBefore) => change({ daysBefore })} />
      <TimeField
        id="deadline-at"
        label={t('deadlineAtLabel')}
        value={deadline.at}
        invalidText={t('timeInvalid')}
        onCommit={(at) => void change({ at })}
      />
      <SaveNote area="deadline" />
    </fieldset>
  );
}

function FollowUpSettings() {
  const { settings, updateSettings } = useOptions();
  const t = useText();
  const followUp = settings.followUp;
  const draft = useDraft(String(followUp.afterDays));

  const change = (next: Partial<typeof followUp>) =>
    updateSettings('follow-up', (current) => ({ ...current, followUp: { ...current.followUp, ...next } }));

  const commitDays = (typed: string) => {
    const afterDays = parseFollowUpDays(typed);
    draft.set(typed, afterDays === null);
    if (afterDays !== null && afterDays !== followUp.afterDays) void change({ afterDays });
  };

  return (
    <fieldset>
      <legend>{t('followUpLegend')}</legend>
      <div class="check">
        <input
          id="follow-up-enabled"
          type="checkbox"
          checked={followUp.enabled}
          onChange={(event) => void change({ enabled: event.currentTarget.checked })}
        />
        <label for="follow-up-enabled">{t('followUpEnabled')}</label>
      </div>
      <div class="field field--inline">
        <label for="follow-up-days">{t('followUpDaysLabel')}</label>
        <input
          id="follow-up-days"
          type="number"
          inputMode="numeric"
          min={FOLLOW_UP_MIN}
          max={FOLLOW_UP_MAX}
          step={1}
          value={draft.text}
          aria-invalid={draft.invalid}
          aria-describedby={draft.invalid ? 'follow-up-days-problem' : undefined}
          onChange={(event) => commitDays(event.currentTarget.value)}
        />
        <FieldProblem
          id="follow-up-days-problem"
          text={draft.invalid ? t('followUpDaysInvalid', { min: FOLLOW_UP_MIN, max: FOLLOW_UP_MAX }) : null}
        />
      </div>
      <SaveNote area="follow-up" />
    </fieldset>
  );
}

function QuietHoursSettings() {
  const { settings, updateSettings } = useOptions();
  const t = useText();
  const quiet = settings.quietHours;
  const change = (next: Partial<typeof quiet>) =>
    updateSettings('quiet-hours', (current) => ({ ...current, quietHours: { ...current.quietHours, ...next } }));
  return (
    <fieldset>
      <legend>{t('quietLegend')}</legend>
      <div class="check">
        <input
          id="quiet-enabled"
          type="checkbox"
          checked={quiet.enabled}
          onChange={(event) => void change({ enabled: event.currentTarget.checked })}
        />
        <label for="quiet-enabled">{t('quietEnabled')}</label>
      </div>
      <div class="row">
        <TimeField
          id="quiet-from"
          label={t('quietFrom')}
          value={quiet.from}
          invalidText={t('timeInvalid')}
          onCommit={(from) => void change({ from })}
        />
        <TimeField
          id="quiet-to"
          label={t('quietTo')}
          value={quiet.to}
          invalidText={t('timeInvalid')}
          onCommit={(to) => void change({ to })}
        />
      </div>
      <SaveNote area="quiet-hours" />
    </fieldset>
  );
}
