/**
 * « Notes »: free notes, saved while typing (debounced) and when leaving the field, and the
 * contact person. Typing is never overwritten by the saved copy coming back from the database.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OfferRow } from '../../lib/db';
import { usePopup, useRun, useText } from './context';
import { EditableField } from './EditableField';

/** Pause in typing after which the notes are saved. */
export const NOTES_SETTLE_MS = 800;
const NOTES_MAX = 20000;
const CONTACT_PERSON_MAX = 300;

type SaveState = 'idle' | 'saving' | 'saved';

export function NotesSection({ row }: { row: OfferRow }) {
  const { api } = usePopup();
  const run = useRun();
  const t = useText();
  const stored = row.application.notes;
  const [draft, setDraft] = useState(stored);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // What the database holds or is about to hold: the draft differs from it only while typing.
  const sent = useRef(stored);
  // Updated on each keystroke, not on render: a blur or an unmount can come before the re-render.
  const latest = useRef({ draft, id: row.id });
  latest.current.id = row.id;

  useEffect(() => {
    const typing = latest.current.draft !== sent.current;
    sent.current = stored;
    if (!typing) {
      latest.current.draft = stored;
      setDraft(stored);
    }
  }, [stored]);

  const flush = async () => {
    clearTimeout(timer.current);
    const { draft: text, id } = latest.current;
    if (text === sent.current) return;
    sent.current = text;
    setSaveState('saving');
    const outcome = await run(() => api.updateNotes({ id, notes: text }));
    setSaveState(outcome.ok ? 'saved' : 'idle');
  };

  // Leaving the view (Escape, back, closing the popup's detail) must not lose the last words.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      const { draft: text, id } = latest.current;
      if (text !== sent.current) void api.updateNotes({ id, notes: text }).catch(() => undefined);
    },
    [api],
  );

  return (
    <section class="card" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('notesHeading')}</h2>
      <div class="field">
        <div class="field__label-line">
          <label for="notes">{t('notesLabel')}</label>
          <span class="muted save-state" aria-live="polite">
            {saveState === 'saving' ? t('notesSaving') : saveState === 'saved' ? t('notesSaved') : ''}
          </span>
        </div>
        <textarea
          id="notes"
          rows={5}
          maxLength={NOTES_MAX}
          value={draft}
          onInput={(event) => {
            latest.current.draft = event.currentTarget.value;
            setDraft(event.currentTarget.value);
            setSaveState('idle');
            clearTimeout(timer.current);
            timer.current = setTimeout(() => void flush(), NOTES_SETTLE_MS);
          }}
          onBlur={() => void flush()}
        />
      </div>
      <EditableField
        id="contact-person"
        label={t('contactPersonLabel')}
        control="text"
        value={row.application.contactPerson ?? ''}
        pageValue={null}
        edited={false}
        hint={t('contactPersonHint')}
        validate={(raw) => (raw.length > CONTACT_PERSON_MAX ? 'errorInvalid' : null)}
        onCommit={(raw) =>
          void run(() => api.updateNotes({ id: row.id, contactPerson: raw.trim() === '' ? null : raw.trim() }))
        }
        onReset={() => undefined}
      />
    </section>
  );
}
