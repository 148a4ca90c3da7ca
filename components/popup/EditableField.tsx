/**
 * One correctable field of the offer: the value the candidate sees, « modifié » when it is their
 * correction, the page's value and a way back to it. Text is committed on blur or Enter (not on
 * each key: every commit is a write); a date once it is a plausible whole date; a choice at once.
 * Escape in a field with unsaved typing puts the saved value back (and does not leave the view).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PopupMessageKey } from '../../lib/i18n/popup';
import { useText } from './context';
import { isPlausibleDate } from './localDates';
import { useOnChange } from './useOnChange';

export type FieldControl = 'text' | 'email' | 'tel' | 'url' | 'date' | 'select';

export interface FieldOption {
  /** '' stands for « Non précisé ». */
  value: string;
  label: string;
}

export interface EditableFieldProps {
  id: string;
  label: string;
  control: FieldControl;
  options?: readonly FieldOption[];
  /** The value shown, as the control's text ('' for none). */
  value: string;
  /** The page's value, in words; null when the page says nothing. */
  pageValue: string | null;
  edited: boolean;
  /** A message key when `raw` cannot be saved. */
  validate: (raw: string) => PopupMessageKey | null;
  onCommit: (raw: string) => void;
  onReset: () => void;
  /** Shown under the control (e.g. the page's own wording of a date). */
  hint?: string | null;
}

/** How long a date must stay unchanged before it is saved (typing a date passes through others). */
const DATE_SETTLE_MS = 600;

export function EditableField(props: EditableFieldProps) {
  const { id, label, control, options, value, pageValue, edited, validate, onCommit, onReset, hint } = props;
  const t = useText();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<PopupMessageKey | null>(null);
  const settleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A saved change (ours or the background's) replaces what is shown.
  useOnChange(value, (saved) => {
    setDraft(saved);
    setError(null);
  });
  useEffect(() => () => clearTimeout(settleTimer.current), []);

  const commit = (raw: string) => {
    clearTimeout(settleTimer.current);
    if (raw.trim() === value.trim()) {
      setError(null);
      return;
    }
    const problem = validate(raw);
    setError(problem);
    if (!problem) onCommit(raw);
  };

  const onInput = (event: Event) => {
    const raw = (event.currentTarget as HTMLInputElement).value;
    setDraft(raw);
    if (control === 'date') {
      clearTimeout(settleTimer.current);
      if (raw === '' || isPlausibleDate(raw)) settleTimer.current = setTimeout(() => commit(raw), DATE_SETTLE_MS);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && control !== 'select') {
      event.preventDefault();
      commit((event.currentTarget as HTMLInputElement).value);
    } else if (event.key === 'Escape' && (event.currentTarget as HTMLInputElement).value !== value) {
      event.preventDefault();
      event.stopPropagation();
      clearTimeout(settleTimer.current);
      setDraft(value);
      setError(null);
    }
  };

  const errorId = `${id}-error`;
  const pageId = `${id}-page`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, edited ? pageId : null, hint ? hintId : null].filter(Boolean).join(' ');
  const common = {
    id,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };

  // The control's own value, not `draft`: a blur can follow an input before the re-render.
  const onBlur = (event: FocusEvent) => commit((event.currentTarget as HTMLInputElement).value);
  const typing = { value: draft, onInput, onBlur, onKeyDown };

  return (
    <div class={`field${edited ? ' field--edited' : ''}`}>
      <div class="field__label-line">
        <label for={id}>{label}</label>
        {edited && <span class="badge badge--edited">{t('edited')}</span>}
      </div>
      {control === 'select' ? (
        <select
          {...common}
          value={draft}
          onChange={(event) => {
            const raw = event.currentTarget.value;
            setDraft(raw);
            commit(raw);
          }}
        >
          {(options ?? []).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : control === 'date' ? (
        <input {...common} {...typing} type="date" />
      ) : control === 'email' ? (
        <input {...common} {...typing} type="email" autoComplete="off" />
      ) : control === 'tel' ? (
        <input {...common} {...typing} type="tel" autoComplete="off" />
      ) : control === 'url' ? (
        <input {...common} {...typing} type="url" autoComplete="off" />
      ) : (
        <input {...common} {...typing} type="text" autoComplete="off" />
      )}
      {hint && (
        <p id={hintId} class="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="field__error">
          {t(error)}
        </p>
      )}
      {edited && (
        <p id={pageId} class="field__page-value">
          <span>{t('pageValue', { value: pageValue ?? t('pageValueEmpty') })}</span>{' '}
          <button
            type="button"
            class="link-button"
            aria-label={t('resetFieldNamed', { field: label })}
            onClick={onReset}
          >
            {t('resetField')}
          </button>
        </p>
      )}
    </div>
  );
}
