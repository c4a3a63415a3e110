import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateKinds } from '../../../renderer/src/data/invalidation.ts';
import { queryKeys } from '../../../renderer/src/data/query-keys.ts';

function cacheWithEverything() {
  const client = new QueryClient();
  const keys = [
    queryKeys.session,
    queryKeys.views,
    queryKeys.viewPages({ view: 'mine' }, null),
    queryKeys.ticketDetail('t1'),
    queryKeys.customerPane('t1'),
    queryKeys.agents,
    queryKeys.syncStatus,
  ];
  for (const key of keys) client.setQueryData(key, {});
  const invalidated = () =>
    client
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => q.queryKey.map((part) => (typeof part === 'object' && part !== null ? JSON.stringify(part) : String(part))).join('/'))
      .sort();
  return { client, invalidated };
}

describe('invalidateKinds (the `changed` event)', () => {
  it('a new message refreshes the open ticket only', () => {
    const { client, invalidated } = cacheWithEverything();
    invalidateKinds(client, ['message']);
    expect(invalidated()).toEqual(['ticket/t1']);
  });

  it('a ticket change refreshes the queue pages, the views with their counts, the ticket and the customer pane, not the directory or sync status', () => {
    const { client, invalidated } = cacheWithEverything();
    invalidateKinds(client, ['ticket']);
    expect(invalidated()).toEqual(['customer/t1', 'queue/view-pages/{"view":"mine"}/null', 'queue/views', 'ticket/t1']);
  });

  it('asks the engine for the open ticket and its customer pane before the queue and the counts', async () => {
    const client = new QueryClient();
    const asked: string[] = [];
    const shown: [QueryKey, string][] = [
      [queryKeys.views, 'views'],
      [queryKeys.viewPages({ view: 'mine' }, null), 'pages'],
      [queryKeys.ticketDetail('t1'), 'ticket'],
      [queryKeys.customerPane('t1'), 'customer'],
    ];
    const observers = shown.map(([queryKey, name]) => new QueryObserver(client, { queryKey, queryFn: async () => (asked.push(name), {}), staleTime: Infinity }));
    const offs = observers.map((o) => o.subscribe(() => {}));
    await Promise.all(shown.map(([queryKey]) => client.fetchQuery({ queryKey })));
    asked.length = 0;
    invalidateKinds(client, ['ticket']);
    await Promise.all(shown.map(([queryKey]) => client.fetchQuery({ queryKey })));
    expect(asked).toEqual(['ticket', 'customer', 'views', 'pages']);
    offs.forEach((off) => off());
  });

  it('articles are not shown yet, so they refresh nothing', () => {
    const { client, invalidated } = cacheWithEverything();
    invalidateKinds(client, ['article']);
    expect(invalidated()).toEqual([]);
  });
});
