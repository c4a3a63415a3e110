import type { DeskApi } from '../../../shared/ipc/contract.ts';
import { createDeskApi } from '../../../shared/ipc/desk-api.ts';
import { alwaysOpen, type DeskConnection } from './connection.ts';
import { SocketTransport } from './socket-transport.ts';
import { deskSocketUrl } from './socket-url.ts';

export interface Desk {
  api: DeskApi;
  connection: DeskConnection;
}

/** The Electron preload's `window.desk` when present, else the browser host's socket. */
export function connectDesk(): Desk {
  if (window.desk) return { api: createDeskApi(window.desk), connection: alwaysOpen };
  const transport = new SocketTransport({ url: deskSocketUrl(window.location) });
  return { api: createDeskApi(transport), connection: transport };
}
