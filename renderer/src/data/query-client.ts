import { QueryCache, QueryClient } from '@tanstack/react-query';
import { DeskError } from '../../../shared/ipc/contract.ts';
import { queryKeys } from './query-keys.ts';

/**
 * Replica data changes only when the engine says so (`changed` events), so nothing goes
 * stale on a timer or on focus, and a failed local query is not worth retrying blindly.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // The engine forgot the session (logged out elsewhere, token refused): back to the log-in screen.
        if (error instanceof DeskError && error.code === 'not_signed_in') void queryClient.invalidateQueries({ queryKey: queryKeys.session });
      },
    }),
    defaultOptions: {
      queries: { staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false, retry: false },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
