import { useEffect } from 'react';
import { useDesk } from '../desk/desk-context.tsx';
import { watchReconnect } from './reconnect-triggers.ts';

/** Asks the engine to sync when connectivity or the window comes back (see watchReconnect). */
export function useReconnectSync(): void {
  const desk = useDesk();
  // A failed sync.now says nothing new: the sync status already shows why the engine cannot sync.
  useEffect(() => watchReconnect({ window, document }, () => void desk.invoke('sync.now').catch(() => undefined)), [desk]);
}
