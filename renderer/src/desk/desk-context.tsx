import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { DeskApi } from '../../../shared/ipc/contract.ts';
import type { Desk } from './connect-desk.ts';
import type { ConnectionState } from './connection.ts';

const DeskContext = createContext<Desk | null>(null);

export function DeskProvider({ desk, children }: { desk: Desk; children: ReactNode }) {
  return <DeskContext.Provider value={desk}>{children}</DeskContext.Provider>;
}

function useDeskContext(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk must be used inside <DeskProvider>');
  return desk;
}

export function useDesk(): DeskApi {
  return useDeskContext().api;
}

export function useConnectionState(): ConnectionState {
  const { connection } = useDeskContext();
  return useSyncExternalStore(
    (listener) => connection.subscribe(listener),
    () => connection.getState(),
  );
}
