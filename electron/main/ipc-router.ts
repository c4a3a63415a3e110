import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/ipc/channels.ts';
import { DeskError } from '../../shared/ipc/contract.ts';
import { parseInvocation, toDeskResultError, type DeskResult, type DeskTransport } from '../../shared/ipc/envelope.ts';
import { describeError, type Log } from './log.ts';

export interface IpcRouterDeps {
  engine: DeskTransport;
  /** True only for the URL of our own renderer (see renderer-location.ts). */
  isTrustedSender(url: string): boolean;
  log: Log;
}

/**
 * The one gate between a renderer and the engine: a call from any other page, to an unknown
 * procedure or with input that does not match the contract is answered with a DeskError and
 * never reaches the engine.
 */
export function createInvokeHandler(deps: IpcRouterDeps) {
  return async (senderUrl: string | null | undefined, name: unknown, input: unknown): Promise<DeskResult> => {
    if (!senderUrl || !deps.isTrustedSender(senderUrl)) {
      deps.log(`Refused an engine call from a foreign page: ${String(senderUrl).slice(0, 200)}`);
      return toDeskResultError(new DeskError('unavailable', 'This page may not use the Orbit workstation engine.'));
    }
    try {
      const call = parseInvocation(name, input);
      return await deps.engine.invoke(call.name, call.input);
    } catch (err) {
      if (!(err instanceof DeskError)) deps.log(`Engine call ${String(name).slice(0, 100)} failed: ${describeError(err)}`);
      return toDeskResultError(err);
    }
  };
}

export function attachIpcRouter(ipcMain: Pick<IpcMain, 'handle'>, deps: IpcRouterDeps): void {
  const handle = createInvokeHandler(deps);
  // senderFrame is null when the frame navigated away or was destroyed: nobody to trust then.
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, input: unknown) => handle(event.senderFrame?.url, name, input));
}

/** Sends every engine event to every open window; returns the unsubscribe. */
export function forwardEngineEvents(engine: Pick<DeskTransport, 'on'>, windows: () => Pick<WebContents, 'isDestroyed' | 'send'>[]): () => void {
  return engine.on((event, payload) => {
    for (const contents of windows()) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
    }
  });
}
