import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/ipc/channels.ts';
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
