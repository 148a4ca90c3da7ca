/**
 * Sends one page message to the background, in the wire format of @webext-core/messaging, whose
 * listener (lib/background/register.ts) receives every message.
 *
 * Why not the library's own `sendMessage`: with its error serialiser it weighs more than a kilobyte
 * gzipped in a script that runs on every page of the sites, while the reader only ever sends, and
 * only needs to know that a refusal is an error. The format is small and checked against the
 * library's real listener by tests/unit/content/send.test.ts: `{ id, type, data, timestamp }` out,
 * `{ res }` or `{ err }` back. Types come from lib/messaging.ts's `ProtocolMap`
 * (a type-only import: its zod schemas stay in the background, which validates).
 */
import { browser } from 'wxt/browser';
import type { ProtocolMap } from '../../lib/messaging';

/** The messages a script in a page may send (PAGE_MESSAGES in lib/messaging.ts). */
export type PageMessage = 'saveOffer' | 'lookupOffers' | 'openOffer' | 'showPanel' | 'readPageState';

type Payload<T extends PageMessage> = Parameters<ProtocolMap[T]>[0];
type Answer<T extends PageMessage> = ReturnType<ProtocolMap[T]>;

// Ids only tell a sender's own messages apart in logs; the library starts them at random too.
let nextId = Math.floor(Math.random() * 10_000);

/** Resolves with the background's answer; rejects when it refuses, fails or does not answer. */
export async function sendPageMessage<T extends PageMessage>(type: T, data: Payload<T>): Promise<Answer<T>> {
  const message = { id: nextId++, type, data, timestamp: Date.now() };
  const reply: unknown = await browser.runtime.sendMessage(message);
  if (typeof reply !== 'object' || reply === null) throw new Error(`${type}: no answer from the background`);
  const { res, err } = reply as { res?: Answer<T>; err?: unknown };
  if (err != null) throw new Error(`${type}: ${errorMessage(err)}`);
  return res as Answer<T>;
}

function errorMessage(err: unknown): string {
  const message: unknown = typeof err === 'object' && err !== null ? Reflect.get(err, 'message') : err;
  return typeof message === 'string' ? message : 'refused';
}
