/**
 * A modal confirmation (the browser's own `<dialog>`: focus moves in and stays there, Escape
 * cancels). Focus goes back to what opened it when it closes.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface ConfirmDialogProps {
  id: string;
  open: boolean;
  title: string;
  /** The element focused when the dialog opens (the safe choice, or the field to fill). */
  focusId: string;
  /** Called when the dialog is dismissed (Escape, « Annuler »). */
  onCancel(): void;
  children: ComponentChildren;
}

export function ConfirmDialog({ id, open, title, focusId, onCancel, children }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      document.getElementById(focusId)?.focus();
    } else if (!open && element.open) {
      element.close();
    }
    if (!open && opener.current) {
      opener.current.focus();
      opener.current = null;
    }
  }, [open, focusId]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // Escape closes the dialog itself; tell the owner so its state follows.
    const onClose = () => cancel.current();
    element.addEventListener('cancel', onClose);
    return () => element.removeEventListener('cancel', onClose);
  }, []);

  return (
    <dialog ref={dialog} id={id} class="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {open && children}
    </dialog>
  );
}
