/**
 * The in-page panel: what Postulo read on this posting, and the button that saves it. Every value
 * comes from a page we do not control, so it is rendered as text (Preact escapes it) and links are
 * only rendered for http(s) and mailto targets.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../lib/i18n';
import { panelText } from '../../lib/i18n/panel';
import type { OfferMark } from '../../lib/messaging';
import type { Offer } from '../../lib/offer';
import type { PageChange } from '../../lib/saved-offer';
import { changeText, closingText, contractText, isValidEmail, safeHref, savedText, statusText } from './format';

/** How the panel reaches the background; the posting reader binds these to messages (handoff.ts). */
export interface PanelActions {
  /** The saved offer at this URL, null when not saved or when nobody answers. */
  lookup(url: string): Promise<OfferMark | null>;
  save(offer: Offer): Promise<OfferMark>;
  /**
   * Re-reads a saved offer into Postulo (the page's fields only; the candidate's own never
   * change) and answers the changes that matter since the last visit.
   */
  refresh(offer: Offer): Promise<{ mark: OfferMark; changes: PageChange[] }>;
  open(id: string): Promise<void>;
}

export interface PanelProps {
  offer: Offer;
  locale: Locale;
  /** Today, for « clôture dans 3 j ». */
  now: Date;
  actions: PanelActions;
  onClose(): void;
}

type SaveState = 'idle' | 'saving' | 'failed';

export function Panel({ offer, locale, now, actions, onClose }: PanelProps) {
  const t = (key: Parameters<typeof panelText>[1], params?: Record<string, string | number>) =>
    panelText(locale, key, params);
  const [mark, setMark] = useState<OfferMark | null>(null);
  const [changes, setChanges] = useState<PageChange[]>([]);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [collapsed, setCollapsed] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const expandButton = useRef<HTMLButtonElement>(null);
  const collapseButton = useRef<HTMLButtonElement>(null);
  const focusAfterSave = useRef(false);

  useEffect(() => {
    let current = true;
    setMark(null);
    setChanges([]);
    const visit = async () => {
      const found = await actions.lookup(offer.url);
      if (!current || !found) return;
      setMark(found);
      // Already saved: this visit refreshes what the page says, and tells what changed.
      const refreshed = await actions.refresh(offer);
      if (!current) return;
      setMark(refreshed.mark);
      setChanges(refreshed.changes);
    };
    visit().catch(() => {
      // No answer (background not ready, extension reloaded): the reading is still worth showing.
    });
    return () => {
      current = false;
    };
  }, [actions, offer.url]);

  useEffect(() => {
    // The save button is gone once saved: keep keyboard focus in the panel, on what replaced it.
    if (mark && focusAfterSave.current) {
      focusAfterSave.current = false;
      openButton.current?.focus();
    }
  }, [mark]);

  const save = async () => {
    setSaveState('saving');
    try {
      const saved = await actions.save(offer);
      focusAfterSave.current = true;
      setMark(saved);
      setSaveState('idle');
    } catch {
      setSaveState('failed');
    }
  };

  const collapse = (value: boolean) => {
    setCollapsed(value);
    // Focus follows the toggle so a keyboard user is never left on a removed element.
    queueMicrotask(() => (value ? expandButton.current : collapseButton.current)?.focus());
  };

  if (collapsed) {
    return (
      <div class="postulo" lang={locale}>
        <button
          ref={expandButton}
          type="button"
          class="pill"
          aria-expanded="false"
          aria-label={t('expand')}
          onClick={() => collapse(false)}
        >
          <span aria-hidden="true" class="pill-mark">
            P
          </span>
          {t('heading')}
          {mark ? <span class="pill-saved">✓</span> : null}
        </button>
      </div>
    );
  }

  const contract = contractText(offer, locale);
  const closing = closingText(offer, locale, now);
  const email = offer.contact?.email && isValidEmail(offer.contact.email) ? offer.contact.email : null;
  const contactText = email ?? offer.contact?.name ?? offer.contact?.phone ?? null;
  const applyHref = safeHref(offer.applyUrl);

  return (
    <div class="postulo" lang={locale}>
      <section
        class="panel"
        aria-label={t('region')}
        onKeyDown={(event) => {
          if (event.key === 'Escape') collapse(true);
        }}
      >
        <header class="bar">
          <span class="brand">
            <span aria-hidden="true" class="brand-mark">
              P
            </span>
            {t('heading')}
          </span>
          <button
            ref={collapseButton}
            type="button"
            class="icon"
            aria-expanded="true"
            aria-label={t('collapse')}
            title={t('collapse')}
            onClick={() => collapse(true)}
          >
            <span aria-hidden="true">–</span>
          </button>
          <button type="button" class="icon" aria-label={t('close')} title={t('close')} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </header>

        <div class="body">
          <p class="role">{offer.title}</p>
          {offer.organization ? <p class="organization">{offer.organization}</p> : null}

          <dl class="fields">
            <Field label={t('contract')} value={contract} missing={t('notFound')} />
            <Field label={t('closesAt')} value={closing} missing={t('notFound')} />
            <Field label={t('status')} value={statusText(offer.status, locale)} missing={t('notFound')} />
            <div class="field">
              <dt>{t('contact')}</dt>
              <dd>
                {email ? (
                  <a href={`mailto:${email}`}>{email}</a>
                ) : (
                  (contactText ?? <span class="missing">{t('notFound')}</span>)
                )}
              </dd>
            </div>
          </dl>

          {applyHref ? (
            <p class="apply">
              <a href={applyHref} target="_blank" rel="noopener noreferrer">
                {t('apply')} <span class="hint">{t('applyHint')}</span>
              </a>
            </p>
          ) : null}
        </div>

        <footer class="actions" aria-live="polite">
          {mark ? (
            <>
              <p class="saved">
                <span aria-hidden="true">✓ </span>
                {savedText(mark, locale)}
              </p>
              <ChangesNotice changes={changes} locale={locale} />
              {/* Keyed apart from the save button: Preact would otherwise turn that very element into
                  this one, and its background would fade from blue under text already blue. */}
              <button
                key="open"
                ref={openButton}
                type="button"
                class="secondary"
                onClick={(event) => userOnly(event, () => void actions.open(mark.id))}
              >
                {t('open')}
              </button>
            </>
          ) : (
            <>
              <button
                key="save"
                type="button"
                class="primary"
                disabled={saveState === 'saving'}
                onClick={(event) => userOnly(event, () => void save())}
              >
                {saveState === 'saving' ? t('saving') : t('save')}
              </button>
              {saveState === 'failed' ? (
                <p class="error" role="alert">
                  {t('saveFailed')}
                </p>
              ) : null}
            </>
          )}
        </footer>
      </section>
    </div>
  );
}

function Field({ label, value, missing }: { label: string; value: string | null; missing: string }) {
  return (
    <div class="field">
      <dt>{label}</dt>
      <dd>{value ?? <span class="missing">{missing}</span>}</dd>
    </div>
  );
}

/**
 * Runs `action` only for a click the browser made for the user. The panel's shadow root is open,
 * so the page's own scripts can reach its buttons and call `click()`: such synthetic events have
 * `isTrusted` false and must not save or open anything.
 */
function userOnly(event: Event, action: () => void): void {
  if (event.isTrusted) action();
}

function ChangesNotice({ changes, locale }: { changes: readonly PageChange[]; locale: Locale }) {
  const lines = changes.map((change) => changeText(change, locale)).filter((line) => line !== null);
  if (lines.length === 0) return null;
  return (
    <div class="changes">
      <p>{panelText(locale, 'changesHeading')}</p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
