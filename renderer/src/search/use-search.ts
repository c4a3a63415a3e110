import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useDesk } from '../desk/desk-context.tsx';
import { queryKeys } from '../data/query-keys.ts';

/** How long typing pauses before a search runs. */
export const SEARCH_DEBOUNCE_MS = 80;
/** Hits per group. */
export const SEARCH_GROUP_LIMIT = 8;

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Results for the text as typed (debounced); the previous results stay while the next ones come. */
export function useSearchResults(text: string) {
  const desk = useDesk();
  const debounced = useDebounced(text, SEARCH_DEBOUNCE_MS);
  const enabled = debounced.trim() !== '';
  return useQuery({
    queryKey: queryKeys.searchResults(debounced),
    queryFn: () => desk.invoke('search.query', { text: debounced, limit: SEARCH_GROUP_LIMIT }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 0,
    // While the index is being built, results grow: look again now and then.
    refetchInterval: (query) => (query.state.data?.indexing ? 2000 : false),
  });
}

export function useSearchArticle(id: string | null) {
  const desk = useDesk();
  return useQuery({
    queryKey: queryKeys.searchArticle(id ?? ''),
    queryFn: () => desk.invoke('search.article', { id: id ?? '' }),
    enabled: id !== null,
  });
}
