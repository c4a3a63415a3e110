import type { DeskApi } from './contract.ts';
import { unwrapDeskResult, type DeskTransport } from './envelope.ts';

/** The typed API over a raw transport: results unwrapped (errors rethrown as DeskError), events filtered by name. */
export function createDeskApi(transport: DeskTransport): DeskApi {
  return {
    invoke: (async (name: string, input?: unknown) => unwrapDeskResult(await transport.invoke(name, input))) as DeskApi['invoke'],
    on: ((event: string, listener: (payload: unknown) => void) =>
      transport.on((name, payload) => {
        if (name === event) listener(payload);
      })) as DeskApi['on'],
  };
}
