/**
 * « Enregistré » beside the part of the page that was just saved (or why it was not). The live
 * region is always there, empty until a save, so screen readers announce the change.
 */
import { type SettingsArea, useOptions, useText } from './context';

export function SaveNote({ area }: { area: SettingsArea }) {
  const { lastSave } = useOptions();
  const t = useText();
  const mine = lastSave?.area === area ? lastSave : null;
  return (
    <>
      <p role="status" class="save-note">
        {mine?.ok ? t('saved') : ''}
      </p>
      {mine && !mine.ok && (
        <p role="alert" class="problem">
          {t('saveFailed', { reason: mine.reason })}
        </p>
      )}
    </>
  );
}
