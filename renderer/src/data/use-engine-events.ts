import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useConnectionState, useDesk } from '../desk/desk-context.tsx';
import { invalidateKinds } from './invalidation.ts';
import { queryKeys } from './query-keys.ts';

/** Keeps the cache in step with the engine: its events, and a full refresh after the connection comes back. */
export function useEngineEvents(): void {
  const desk = useDesk();
  const queryClient = useQueryClient();
  const connection = useConnectionState();
  const seenOpen = useRef(false);
  const dropped = useRef(false);

  useEffect(() => {
    const offChanged = desk.on('changed', ({ kinds }) => invalidateKinds(queryClient, kinds));
    const offStatus = desk.on('sync.status', (status) => {
      queryClient.setQueryData(queryKeys.syncStatus, status);
      // The server refused the token: let the session say whether the log-in screen is due.
      if (status.phase === 'signed_out') void queryClient.invalidateQueries({ queryKey: queryKeys.session });
    });
    const offIssues = desk.on('syncIssues.changed', () => void queryClient.invalidateQueries({ queryKey: queryKeys.syncIssues }));
    return () => {
      offChanged();
      offStatus();
      offIssues();
    };
  }, [desk, queryClient]);

  useEffect(() => {
    if (connection !== 'open') {
      dropped.current = seenOpen.current;
      return;
    }
    // Events sent while the socket was down are lost: re-read everything shown.
    if (dropped.current) void queryClient.invalidateQueries();
    seenOpen.current = true;
    dropped.current = false;
  }, [connection, queryClient]);
}
