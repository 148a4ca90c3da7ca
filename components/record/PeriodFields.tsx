/**
 * The two dates of a job-search record's period, « Du » and « Au », as the record page and the
 * options' link to it both ask for them: native date fields, marked invalid together and pointing
 * at the caller's message when the period is not a valid one (period.ts).
 */
import type { Period } from '../../lib/export/job-search-record';

interface PeriodFieldsProps {
  period: Period;
  valid: boolean;
  onChange(period: Period): void;
  /** Prefix of the fields' ids (`<prefix>-from`, `<prefix>-to`), unique in the page. */
  idPrefix: string;
  labels: { from: string; to: string };
  /** The id of the message shown while the period is invalid. */
  problemId: string;
  /** The class of each field's wrapper (the pages lay them out differently). */
  fieldClass: string;
}

export function PeriodFields({ period, valid, onChange, idPrefix, labels, problemId, fieldClass }: PeriodFieldsProps) {
  const describedBy = valid ? undefined : problemId;
  return (
    <div class="row">
      {(['from', 'to'] as const).map((end) => (
        <div key={end} class={fieldClass}>
          <label for={`${idPrefix}-${end}`}>{labels[end]}</label>
          <input
            id={`${idPrefix}-${end}`}
            type="date"
            value={period[end]}
            aria-invalid={!valid}
            aria-describedby={describedBy}
            onChange={(event) => onChange({ ...period, [end]: event.currentTarget.value })}
          />
        </div>
      ))}
    </div>
  );
}
