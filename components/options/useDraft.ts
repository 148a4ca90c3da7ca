/**
 * What a field shows while the person types: their text (even when it is not valid yet) until
 * the stored value changes — by their valid commit or from elsewhere (a restore, another tab) —
 * which then shows. Derived during render, so there is no moment where a stale effect could
 * overwrite what was just typed.
 */
import { useState } from 'preact/hooks';

export interface Draft {
  text: string;
  invalid: boolean;
  set(text: string, invalid: boolean): void;
}

export function useDraft(stored: string): Draft {
  const [draft, setDraft] = useState({ basis: stored, text: stored, invalid: false });
  const current = draft.basis === stored ? draft : { basis: stored, text: stored, invalid: false };
  return {
    text: current.text,
    invalid: current.invalid,
    set: (text, invalid) => setDraft({ basis: stored, text, invalid }),
  };
}
