import type { Message, Reply } from './messages.ts';

/** Ask the worker; a failed reply becomes an exception with the worker's words. */
export async function send<T extends Record<string, unknown> = Record<string, unknown>>(m: Message): Promise<T & { ok: true }> {
  const reply = (await chrome.runtime.sendMessage(m)) as Reply | undefined;
  if (!reply) throw new Error('no answer from the extension');
  if (!reply.ok) throw new Error(reply.error);
  return reply as T & { ok: true };
}
