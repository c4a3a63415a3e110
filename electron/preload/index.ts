import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the allowed import: the rule's `!` pattern cannot re-include a file under an excluded folder
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/ipc/channels.ts';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- type only, erased from the bundle: the shape stays the contract's
import type { DeskTransport } from '../../shared/ipc/envelope.ts';

/**
 * `window.desk`, the renderer's only way out (DESIGN.md §6): a call goes to the main process's
 * IPC router, which checks and forwards it to the engine; events come back by name. The
 * Electron event object never reaches the page (it would expose the sender).
 */
const desk: DeskTransport = {
  invoke: (name, input) => ipcRenderer.invoke(INVOKE_CHANNEL, name, input),
  on(listener) {
    const forward = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('desk', desk);
