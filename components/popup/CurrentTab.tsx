/**
 * The current tab, at the top of the list: what Postulo reads there and a button to save it —
 * on any site, since the popup may read the active tab — or, once saved, its stage and a way
 * in. The saved state is read live from the database, so a save, a stage change or a delete
 * elsewhere shows here at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { stageName } from '../../lib/i18n/stages';
import type { ActiveTabReading } from '../../lib/messaging';
import { effectiveFields } from '../../lib/saved-offer';
import { CurrentTabSection } from './CurrentTabSection';
import { usePopup, useRun, useText } from './context';
import { useLiveQuery } from './useLiveQuery';

type TabState = { kind: 'reading' } | { kind: 'unreadable' } | { kind: 'read'; reading: ActiveTabReading };

/** A tab that has not answered by then (a frozen page, a background asleep) is treated as unreadable. */
export const TAB_READ_TIMEOUT_MS = 8000;

export function CurrentTab() {
  const { api } = usePopup();
  const t = useText();
  const [state, setState] = useState<TabState>({ kind: 'reading' });

  useEffect(() => {
    let settled = false;
    const settle = (next: TabState) => {
      if (settled) return;
      settled = true;
      setState(next);
    };
    const timer = setTimeout(() => settle({ kind: 'unreadable' }), TAB_READ_TIMEOUT_MS);
    api
      .readActiveTab({})
      .then((reading) => settle(reading.offer ? { kind: 'read', reading } : { kind: 'unreadable' }))
      .catch(() => settle({ kind: 'unreadable' }));
    return () => {
      settled = true;
      clearTimeout(timer);
    };
  }, [api]);

  const read =
    state.kind === 'unreadable' ? (
      <p class="muted">{t('tabUnreadable')}</p>
    ) : state.kind === 'read' ? (
      <TabOffer reading={state.reading} />
    ) : null;
  return <CurrentTabSection>{read}</CurrentTabSection>;
}

function TabOffer({ reading }: { reading: ActiveTabReading }) {
  const { api, db, locale, openOffer } = usePopup();
  const run = useRun();
  const t = useText();
  const [saving, setSaving] = useState(false);
  const offer = reading.offer;
  const id = reading.mark?.id ?? offer?.url ?? '';
  const saved = useLiveQuery(() => db.offers.get(id).then((row) => row ?? null), [db, id]);
  if (!offer) return null;

  const save = async () => {
    setSaving(true);
    const outcome = await run(() => api.saveActiveTab({}));
    setSaving(false);
    // What the extractor could not read on a page that is no posting, the candidate fills in.
    if (outcome.ok && !reading.isPosting) openOffer(outcome.value.mark.id);
  };

  const row = saved.status === 'ready' ? saved.value : null;
  return (
    <div class="current-tab__offer">
      <p class="current-tab__title">{row ? effectiveFields(row).title : offer.title}</p>
      {row ? (
        <div class="current-tab__actions">
          <span class={`badge badge--stage badge--stage-${row.stage}`}>
            {t('tabSaved', { stage: stageName(locale, row.stage) })}
          </span>
          <button type="button" class="button button--small" onClick={() => openOffer(row.id)}>
            {t('openTracking')}
          </button>
        </div>
      ) : (
        <>
          {!reading.isPosting && <p class="muted">{t('tabNotPosting')}</p>}
          <button
            type="button"
            class="button button--primary"
            disabled={saving || saved.status === 'loading'}
            onClick={() => void save()}
          >
            {saving ? t('saving') : t('saveOffer')}
          </button>
        </>
      )}
    </div>
  );
}
