/**
 * The one protocol between Postulo's contexts (the scripts in pages, popup, options, background).
 * Every message type is declared here once, with the zod schema its receiver validates the
 * payload against: nothing that crosses a context boundary is trusted as typed.
 *
 * Who may send what: content scripts (the posting reader and the panel, which the background
 * injects into the posting sites' pages) run inside pages we do not control, so they may only
 * report and ask about the page they are on (`PAGE_MESSAGES`); everything that edits or deletes
 * the candidate's data must come from the extension's own pages (popup, options).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import { CustomReminder, Instant, OfferEdits, Stage } from './application';
import { Offer } from './offer';
import { SavedOffer } from './saved-offer';

const OfferId = z.string().url().max(4096);

/** What the panel and listing markers show about a saved offer. */
export const OfferMark = z.object({
  id: OfferId,
  stage: Stage,
  /** When the current stage was reached (ISO instant). */
  stageAt: Instant,
});
export type OfferMark = z.infer<typeof OfferMark>;

export interface SaveOutcome {
  mark: OfferMark;
  created: boolean;
  /** Changes that matter noticed on this visit (closed, filled, closing date moved). */
  changes: SavedOffer['changes'];
}

/** Payload schemas, one per message type. */
export const MESSAGE_SCHEMAS = {
  saveOffer: z.object({ offer: Offer }),
  lookupOffers: z.object({ urls: z.array(z.string().max(4096)).max(500) }),
  openOffer: z.object({ id: OfferId }),
  showPanel: z.object({}),
  readPageState: z.object({}),
  editOffer: z.object({ id: OfferId, edits: OfferEdits }),
  setStage: z.object({ id: OfferId, stage: Stage, at: Instant.optional(), note: z.string().max(2000).optional() }),
  editStageDate: z.object({ id: OfferId, index: z.number().int().min(0), at: Instant }),
  updateNotes: z.object({
    id: OfferId,
    notes: z.string().max(20000).optional(),
    contactPerson: z.string().max(300).nullable().optional(),
  }),
  deleteOffer: z.object({ id: OfferId }),
  restoreOffer: z.object({ saved: SavedOffer }),
  addReminder: z.object({ offerId: OfferId, reminder: CustomReminder.omit({ id: true }) }),
  removeReminder: z.object({ offerId: OfferId, reminderId: z.string().min(1).max(64) }),
  readActiveTab: z.object({}),
  saveActiveTab: z.object({}),
  // A backup is read and validated by the background in full before anything is written.
  restoreBackup: z.object({ text: z.string().max(60 * 1024 * 1024), mode: z.enum(['merge', 'replace']) }),
  deleteAllData: z.object({ confirm: z.literal('delete-all') }),
} as const;

export type MessageType = keyof typeof MESSAGE_SCHEMAS;
export type MessageData<T extends MessageType> = z.infer<(typeof MESSAGE_SCHEMAS)[T]>;

export interface ProtocolMap {
  saveOffer(data: MessageData<'saveOffer'>): SaveOutcome;
  /** Canonicalises the URLs and answers those that are saved. */
  lookupOffers(data: MessageData<'lookupOffers'>): Record<string, OfferMark>;
  /** Opens the popup's view of an offer (in a tab when the popup cannot be opened). */
  openOffer(data: MessageData<'openOffer'>): void;
  /**
   * Asks the background to inject the panel's UI into the sender's frame. The panel (Preact) is
   * loaded only on postings, so the script that runs on every page of the sites stays small.
   */
  showPanel(data: MessageData<'showPanel'>): void;
  /**
   * Reads the app-state globals of the sender's frame in the page's own world (lib/app-state.ts):
   * the data a page hid from the posting reader's isolated world, as `window.<NAME>=<JSON>;`
   * texts. Empty when there is none or the frame cannot be read.
   */
  readPageState(data: MessageData<'readPageState'>): string[];
  editOffer(data: MessageData<'editOffer'>): void;
  setStage(data: MessageData<'setStage'>): void;
  editStageDate(data: MessageData<'editStageDate'>): void;
  updateNotes(data: MessageData<'updateNotes'>): void;
  /** Returns the removed record so the UI can offer « Annuler ». */
  deleteOffer(data: MessageData<'deleteOffer'>): SavedOffer;
  restoreOffer(data: MessageData<'restoreOffer'>): void;
  addReminder(data: MessageData<'addReminder'>): CustomReminder;
  removeReminder(data: MessageData<'removeReminder'>): void;
  /** Reads the active tab with the extractor (activeTab), without saving: the popup's "this page". */
  readActiveTab(data: MessageData<'readActiveTab'>): ActiveTabReading;
  /** Reads and saves the active tab, whatever site it is on (what cannot be read, the user fills in). */
  saveActiveTab(data: MessageData<'saveActiveTab'>): SaveOutcome;
  /** Validates the whole file, then merges or replaces in one transaction; settings restored too. */
  restoreBackup(data: MessageData<'restoreBackup'>): RestoreAnswer;
  /** Removes every offer, reminder and setting. */
  deleteAllData(data: MessageData<'deleteAllData'>): void;
}

/** The outcome of a restore, as the options page shows it. */
export type RestoreAnswer =
  | { ok: true; offers: { added: number; updated: number; unchanged: number }; reminders: number }
  | { ok: false; code: string; message: string; path?: string };

export interface ActiveTabReading {
  isPosting: boolean;
  /** Null when the tab cannot be read (browser pages, the store, a PDF…). */
  offer: Offer | null;
  mark: OfferMark | null;
}

// Every protocol entry has a schema and every schema a protocol entry.
type _SameKeys = [Exclude<keyof ProtocolMap, MessageType>, Exclude<MessageType, keyof ProtocolMap>] extends [
  never,
  never,
]
  ? true
  : never;
const _sameKeys: _SameKeys = true;
void _sameKeys;

/** Messages a script in a page (posting reader, panel) may send: about that page, nothing else. */
export const PAGE_MESSAGES: ReadonlySet<MessageType> = new Set([
  'saveOffer',
  'lookupOffers',
  'openOffer',
  'showPanel',
  'readPageState',
]);

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();

/** The part of `runtime.MessageSender` the checks need. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * True when the sender is one of our own contexts allowed to send `type`: same extension id,
 * and, for anything but page messages, one of our own extension pages (not a script in a page).
 */
export function isAllowedSender(
  type: MessageType,
  sender: SenderInfo,
  runtimeId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== runtimeId) return false;
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
  return fromExtensionPage || PAGE_MESSAGES.has(type);
}

export class RefusedMessage extends Error {
  override name = 'RefusedMessage';
}

/** Validates a payload against its schema; throws a RefusedMessage naming the first problem. */
export function parsePayload<T extends MessageType>(type: T, data: unknown): MessageData<T> {
  const parsed = MESSAGE_SCHEMAS[type].safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RefusedMessage(`${type}: invalid payload at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data as MessageData<T>;
}
