/**
 * One handler per message type of lib/messaging.ts. Every message goes through `receiveMessage`:
 * the sender is checked first (our extension only; scripts in pages may send page messages only),
 * then the payload against its zod schema, and only then is the repository called. A refused
 * message throws — the sender gets the error — and changes nothing; so does a write the browser
 * refuses for lack of space, as a StorageFullError whose message the popup and panel can show.
 */
import type { Locale } from '../i18n';
import {
  isAllowedSender,
  type MessageData,
  type MessageType,
  type ProtocolMap,
  parsePayload,
  RefusedMessage,
} from '../messaging';
import {
  addReminder,
  deleteOffer,
  editFields,
  editStageDate,
  lookup,
  removeReminder,
  restoreOffer,
  saveOffer,
  setStage,
  updateNotes,
} from '../offers-repo';
import { isQuotaError, StorageFullError } from '../storage-full';
import type { BackgroundContext } from './context';
import { deleteAllData, restoreFromBackup } from './data';
import { showPanel } from './panel';
import { readPageState } from './read-page-state';
import { readActiveTab, runAfterWrite, saveActiveTab } from './save-tab';
import type { PageSender } from './sender';
import { backgroundText } from './texts';

export type Reply<T extends MessageType> = Awaited<ReturnType<ProtocolMap[T]>>;
/** `sender`: for the handlers that act on the sender's own tab and frame (showPanel, readPageState). */
type Handler<T extends MessageType> = (
  data: MessageData<T>,
  ctx: BackgroundContext,
  sender: PageSender,
) => Promise<Reply<T>>;

/**
 * Awaits a repository write and answers as soon as it is committed; the after-write hook
 * (reminders, badge) starts at once but is not waited for: it halves the save round-trip, and
 * its failures are logged by runAfterWrite, never turned into a failed write.
 */
async function written<R>(ctx: BackgroundContext, write: Promise<R>): Promise<R> {
  const result = await write;
  void runAfterWrite(ctx);
  return result;
}

const HANDLERS: { [T in MessageType]: Handler<T> } = {
  saveOffer: ({ offer }, ctx) => written(ctx, saveOffer(ctx.db, offer, ctx.now())),
  lookupOffers: ({ urls }, ctx) => lookup(ctx.db, urls),
  openOffer: ({ id }, ctx) => ctx.openOffer(id),
  showPanel: (_data, _ctx, sender) => showPanel(sender),
  readPageState: (_data, _ctx, sender) => readPageState(sender),
  editOffer: async ({ id, edits }, ctx) => {
    await written(ctx, editFields(ctx.db, id, edits, ctx.now()));
  },
  setStage: async ({ id, stage, at, note }, ctx) => {
    const now = ctx.now();
    await written(ctx, setStage(ctx.db, id, { stage, at: at ?? now.toISOString(), note }, now));
  },
  editStageDate: async ({ id, index, at }, ctx) => {
    await written(ctx, editStageDate(ctx.db, id, index, at, ctx.now()));
  },
  updateNotes: async ({ id, notes, contactPerson }, ctx) => {
    await written(ctx, updateNotes(ctx.db, id, { notes, contactPerson }, ctx.now()));
  },
  deleteOffer: ({ id }, ctx) => written(ctx, deleteOffer(ctx.db, id)),
  restoreOffer: ({ saved }, ctx) => written(ctx, restoreOffer(ctx.db, saved)),
  addReminder: ({ offerId, reminder }, ctx) => written(ctx, addReminder(ctx.db, offerId, reminder, ctx.now())),
  removeReminder: async ({ offerId, reminderId }, ctx) => {
    await written(ctx, removeReminder(ctx.db, offerId, reminderId, ctx.now()));
  },
  readActiveTab: (_data, ctx) => readActiveTab(ctx),
  saveActiveTab: (_data, ctx) => saveActiveTab(ctx),
  restoreBackup: restoreFromBackup,
  deleteAllData,
};

export const MESSAGE_TYPES = Object.keys(HANDLERS) as MessageType[];

/** Checks the sender, then the payload, then handles the message. */
export async function receiveMessage<T extends MessageType>(
  type: T,
  data: unknown,
  sender: PageSender,
  ctx: BackgroundContext,
): Promise<Reply<T>> {
  if (!isAllowedSender(type, sender, ctx.runtimeId, ctx.extensionOrigin)) {
    throw new RefusedMessage(`${type}: refused, the sender may not send this message`);
  }
  const payload = parsePayload(type, data);
  const handler: Handler<T> = HANDLERS[type];
  try {
    return await handler(payload, ctx, sender);
  } catch (error) {
    // The write was one transaction, so nothing changed: say why in words the candidate can act on.
    if (isQuotaError(error)) throw new StorageFullError(backgroundText(await localeOf(ctx), 'storageFull'));
    throw error;
  }
}

async function localeOf(ctx: BackgroundContext): Promise<Locale> {
  try {
    return await ctx.locale();
  } catch {
    return 'fr';
  }
}
