/**
 * « Restaurer »: pick a backup file, see what it holds, choose « Fusionner » or « Remplacer »
 * (after a confirmation), and read the outcome. The file is checked here first (size, then the
 * whole file, as the background will) so a bad file is explained before any choice is asked;
 * the background checks it again before writing, in one transaction: a bad file changes nothing.
 */
import { useRef, useState } from 'preact/hooks';
import { checkBackupSize, readBackup } from '../../lib/backup/read';
import type { RestoreMode } from '../../lib/backup/restore';
import { optionsCount } from '../../lib/i18n/options';
import { ConfirmDialog } from './ConfirmDialog';
import { reasonOf, useOptions, useText } from './context';
import {
  type BackupPreview,
  describePreview,
  describeProblem,
  describeRestored,
  type ProblemLike,
} from './restoreText';

interface PickedFile {
  text: string;
  preview: BackupPreview;
}

type RestoreState =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'problem'; problem: ProblemLike; data?: unknown }
  | { step: 'ready'; file: PickedFile }
  | { step: 'restoring'; file: PickedFile }
  | { step: 'restored'; message: string };

export function RestoreBackup({ offersHere }: { offersHere: number }) {
  const { api, locale, settings } = useOptions();
  const t = useText();
  const [state, setState] = useState<RestoreState>({ step: 'idle' });
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [confirming, setConfirming] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) {
      setState({ step: 'idle' });
      return;
    }
    const sized = checkBackupSize(file.size);
    if (!sized.ok) {
      setState({ step: 'problem', problem: sized.problem });
      return;
    }
    setState({ step: 'reading' });
    try {
      const text = await file.text();
      const read = readBackup(text, { settings });
      if (!read.ok) {
        setState({ step: 'problem', problem: read.problem, data: parsedOrUndefined(text) });
        return;
      }
      const backup = read.value;
      setState({
        step: 'ready',
        file: {
          text,
          preview: { exportedAt: backup.exportedAt, offers: backup.offers.length, reminders: backup.reminders.length },
        },
      });
    } catch (error) {
      setState({ step: 'problem', problem: { code: 'not-text', message: reasonOf(error) ?? 'unreadable file' } });
    }
  };

  const restore = async (file: PickedFile, chosen: RestoreMode) => {
    setConfirming(false);
    setState({ step: 'restoring', file });
    try {
      const answer = await api.restoreBackup({ text: file.text, mode: chosen });
      if (answer.ok) {
        if (fileInput.current) fileInput.current.value = '';
        setState({ step: 'restored', message: describeRestored(locale, chosen, answer) });
      } else {
        setState({ step: 'problem', problem: answer, data: parsedOrUndefined(file.text) });
      }
    } catch (error) {
      setState({ step: 'problem', problem: { code: 'unknown', message: reasonOf(error) ?? t('errorUnknown') } });
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (state.step !== 'ready') return;
    if (mode === 'replace') setConfirming(true);
    else void restore(state.file, 'merge');
  };

  const file = state.step === 'ready' || state.step === 'restoring' ? state.file : null;
  return (
    <section class="subsection" aria-labelledby="restore-heading">
      <h3 id="restore-heading">{t('restoreHeading')}</h3>
      <div class="field">
        <label for="restore-file">{t('restoreFileLabel')}</label>
        <input
          ref={fileInput}
          id="restore-file"
          type="file"
          accept=".json,application/json"
          onChange={(event) => void pick(event.currentTarget)}
        />
      </div>
      <div role="status" class="status">
        {state.step === 'reading' && <p>{t('restoreReading')}</p>}
        {file && <p>{describePreview(locale, file.preview)}</p>}
        {state.step === 'restoring' && <p>{t('restoring')}</p>}
        {state.step === 'restored' && <p class="success">{state.message}</p>}
      </div>
      {state.step === 'problem' && <ProblemReport problem={state.problem} data={state.data} />}
      {file && (
        <form class="restore-form" onSubmit={submit}>
          <fieldset>
            <legend>{t('restoreModeLegend')}</legend>
            {(['merge', 'replace'] as const).map((choice) => (
              <div class="check check--described" key={choice}>
                <input
                  id={`restore-${choice}`}
                  type="radio"
                  name="restore-mode"
                  value={choice}
                  checked={mode === choice}
                  aria-describedby={`restore-${choice}-help`}
                  onChange={() => setMode(choice)}
                />
                <label for={`restore-${choice}`}>{t(choice === 'merge' ? 'restoreMerge' : 'restoreReplace')}</label>
                <p id={`restore-${choice}-help`} class="help">
                  {t(choice === 'merge' ? 'restoreMergeHelp' : 'restoreReplaceHelp')}
                </p>
              </div>
            ))}
          </fieldset>
          <button type="submit" class="button button--primary" disabled={state.step === 'restoring'}>
            {t('restore')}
          </button>
        </form>
      )}
      <ConfirmDialog
        id="confirm-replace"
        open={confirming && file !== null}
        title={t('confirmReplaceTitle')}
        focusId="confirm-replace-cancel"
        onCancel={() => setConfirming(false)}
      >
        <p id="confirm-replace-text">
          {t('confirmReplaceText', {
            current: optionsCount(locale, 'offerCount', offersHere),
            incoming: optionsCount(locale, 'offerCount', file?.preview.offers ?? 0),
          })}
        </p>
        <div class="dialog__buttons">
          <button id="confirm-replace-cancel" type="button" class="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
          <button
            type="button"
            class="button button--danger"
            onClick={() => {
              if (file) void restore(file, 'replace');
            }}
          >
            {t('confirmReplace')}
          </button>
        </div>
      </ConfirmDialog>
    </section>
  );
}

function ProblemReport({ problem, data }: { problem: ProblemLike; data?: unknown }) {
  const { locale } = useOptions();
  const t = useText();
  const text = describeProblem(locale, problem, data);
  return (
    <div role="alert" class="problem">
      <p class="problem__title">{t('problemTitle')}</p>
      <ul>
        {text.where && <li>{t('problemWhere', { where: text.where })}</li>}
        <li>{t('problemWhy', { why: text.why })}</li>
        <li class="problem__detail">
          {t('problemDetail')} <span lang="en">{text.detail}</span>
        </li>
      </ul>
    </div>
  );
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return undefined;
  }
}
