/**
 * A time of day (`HH:MM`) saved when the field is committed. What the browser's time input
 * gives is checked again: older browsers show a plain text box.
 */
import { FieldProblem } from './FieldProblem';
import { parseClockTime } from './settingsEdits';
import { useDraft } from './useDraft';

interface TimeFieldProps {
  id: string;
  label: string;
  value: string;
  invalidText: string;
  onCommit(value: string): void;
}

export function TimeField({ id, label, value, invalidText, onCommit }: TimeFieldProps) {
  const draft = useDraft(value);

  const commit = (typed: string) => {
    const time = parseClockTime(typed);
    draft.set(typed, time === null);
    if (time !== null && time !== value) onCommit(time);
  };

  const problemId = `${id}-problem`;
  return (
    <div class="field field--inline">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="time"
        value={draft.text}
        required
        aria-invalid={draft.invalid}
        aria-describedby={draft.invalid ? problemId : undefined}
        onChange={(event) => commit(event.currentTarget.value)}
      />
      <FieldProblem id={problemId} text={draft.invalid ? invalidText : null} />
    </div>
  );
}
