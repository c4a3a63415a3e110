/** Whether the renderer can reach the engine at all (always true in Electron; the browser host's socket can drop). */
export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface DeskConnection {
  getState(): ConnectionState;
  subscribe(listener: () => void): () => void;
}

/** Electron's IPC never disconnects while the window exists. */
export const alwaysOpen: DeskConnection = {
  getState: () => 'open',
  subscribe: () => () => {},
};
