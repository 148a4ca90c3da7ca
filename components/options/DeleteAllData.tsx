/**
 * « Supprimer toutes mes données »: a modal asks the candidate to type a word (SUPPRIMER /
 * DELETE) before anything is erased, so neither a slip of the mouse nor of the Enter key can do it.
 */
import { useState } from 'preact/hooks';
import { optionsCount } from '../../lib/i18n/options';
import { ConfirmDialog } from './ConfirmDialog';
import { reasonOf, useOptions, useText } from './context';
import { FieldProblem } from './FieldProblem';

type DeleteState = { step: 'idle' } | { step: 'deleting' } | { step: 'deleted' } | { step: 'failed'; reason: string };

interface DeleteAllDataProps {
  offers: number;
  reminders: number;
}

export function DeleteAllData({ offers, reminders }: DeleteAllDataProps) {
  const { api, locale } = useOptions();
  const t = useText();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [state, setState] = useState<DeleteState>({ step: 'idle' });
  const word = t('confirmDeleteWord');

  const open = () => {
    setTyped('');
    setMismatch(false);
    setConfirming(true);
  };

  const confirm = async (event: Event) => {
    event.preventDefault();
    if (typed.trim().toLocaleUpperCase(locale) !== word) {
      setMismatch(true);
      return;
    }
    setConfirming(false);
    setState({ step: 'deleting' });
    try {
      await api.deleteAllData({ confirm: 'delete-all' });
      setState({ step: 'deleted' });
    } catch (error) {
      setState({ step: 'failed', reason: reasonOf(error) ?? t('errorUnknown') });
    }
  };

  return (
    <section class="subsection subsection--danger" aria-labelledby="delete-heading">
      <h3 id="delete-heading">{t('deleteHeading')}</h3>
      <p class="help" id="delete-help">
        {t('deleteHelp')}
      </p>
      <button
        type="button"
        class="button button--danger"
        aria-describedby="delete-help"
        aria-haspopup="dialog"
        disabled={state.step === 'deleting'}
        onClick={open}
      >
        {t('deleteAll')}
      </button>
      <p role="status" class="status">
        {state.step === 'deleting' ? t('deleting') : state.step === 'deleted' ? t('deleted') : ''}
      </p>
      {state.step === 'failed' && (
        <p role="alert" class="problem">
          {t('deleteFailed', { reason: state.reason })}
        </p>
      )}
      <ConfirmDialog
        id="confirm-delete"
        open={confirming}
        title={t('confirmDeleteTitle')}
        focusId="confirm-delete-word"
        onCancel={() => setConfirming(false)}
      >
        <p id="confirm-delete-text">
          {t('confirmDeleteText', {
            offers: optionsCount(locale, 'offerCount', offers),
            reminders: optionsCount(locale, 'reminderCount', reminders),
          })}
        </p>
        <form onSubmit={confirm} noValidate>
          <div class="field">
            <label for="confirm-delete-word">{t('confirmDeleteLabel', { word })}</label>
            <input
              id="confirm-delete-word"
              type="text"
              autoComplete="off"
              spellcheck={false}
              value={typed}
              aria-invalid={mismatch}
              aria-describedby={mismatch ? 'confirm-delete-problem' : undefined}
              onInput={(event) => {
                setTyped(event.currentTarget.value);
                setMismatch(false);
              }}
            />
            <FieldProblem id="confirm-delete-problem" text={mismatch ? t('confirmDeleteMismatch', { word }) : null} />
          </div>
          <div class="dialog__buttons">
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
            <button type="submit" class="button button--danger">
              {t('confirmDelete')}
            </button>
          </div>
        </form>
      </ConfirmDialog>
    </section>
  );
}
