import { QueryClient } from '@tanstack/react-query';
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

  it('articles are not shown yet, so they refresh nothing', () => {
    const { client, invalidated } = cacheWithEverything();
    invalidateKinds(client, ['article']);
    expect(invalidated()).toEqual([]);
  });
});
