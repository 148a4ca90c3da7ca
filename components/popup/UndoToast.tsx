/**
 * « Offre supprimée — Annuler », for a few seconds after a delete. The countdown stops while the
 * pointer or the focus is on it, so nobody loses the chance to undo because they read slowly.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SavedOffer } from '../../lib/saved-offer';
import { usePopup, useRun, useText } from './context';

export const UNDO_MS = 8000;

interface UndoToastProps {
  saved: SavedOffer;
  onClose: () => void;
}

export function UndoToast({ saved, onClose }: UndoToastProps) {
  const { api } = usePopup();
  const run = useRun();
  const t = useText();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const undoRef = useRef<HTMLButtonElement>(null);

  // The delete button is gone with the detail view: focus goes to the way back.
  useLayoutEffect(() => undoRef.current?.focus(), []);

  useEffect(() => {
    if (hovered || focused) return;
    const timer = setTimeout(onClose, UNDO_MS);
    return () => clearTimeout(timer);
  }, [hovered, focused, onClose]);

  const undo = async () => {
    await run(() => api.restoreOffer({ saved }));
    onClose();
  };

  return (
    <div
      class="toast"
      role="status"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocusIn={() => setFocused(true)}
      onFocusOut={() => setFocused(false)}
    >
      <span>{t('deleted')}</span>
      <span aria-hidden="true"> — </span>
      <button ref={undoRef} type="button" class="button button--small button--on-dark" onClick={() => void undo()}>
        {t('undo')}
      </button>
    </div>
  );
}
