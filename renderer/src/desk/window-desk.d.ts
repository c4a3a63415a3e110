import type { DeskTransport } from '../../../shared/ipc/envelope.ts';

declare global {
  interface Window {
    /** Provided by the Electron preload; absent in a plain browser, where the socket transport stands in. */
    desk?: DeskTransport;
  }
}
