/** The thin loop that connects every message type to `receiveMessage`. */
import { type MessageType, onMessage } from '../messaging';
import type { BackgroundContext } from './context';
import { MESSAGE_TYPES, receiveMessage } from './handlers';

/** Registers one listener per message type; returns a function removing them all. */
export function registerMessageHandlers(ctx: BackgroundContext): () => void {
  const removers = MESSAGE_TYPES.map((type) => listen(type, ctx));
  return () => {
    for (const remove of removers) remove();
  };
}

function listen<T extends MessageType>(type: T, ctx: BackgroundContext): () => void {
  return onMessage(type, (message) => receiveMessage(type, message.data, message.sender, ctx));
}
