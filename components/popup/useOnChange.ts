/**
 * Runs `react` when `value` changes after the first render — not on mount. A mount effect that
 * resets a draft can run after the first keystroke (effects are deferred) and wipe it.
 */
import { useEffect, useRef } from 'preact/hooks';

export function useOnChange<T>(value: T, react: (value: T) => void): void {
  const previous = useRef(value);
  // Only a change of `value` matters; `react` is read fresh on each run.
  useEffect(() => {
    if (Object.is(previous.current, value)) return;
    previous.current = value;
    react(value);
  }, [value]);
}
