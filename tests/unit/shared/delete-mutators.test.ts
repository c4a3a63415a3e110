import { describe, expect, it } from 'vitest';
import type { Article, Message } from '../../../shared/model/index.ts';
import { articleDelete, MutationRejected, ticketDelete } from '../../../shared/mutators/index.ts';
import { agentAlex, serverCtx, T0, ticket } from './fixtures.ts';
import { memoryTx } from './memory-tx.ts';

const message = (n: number): Message => ({
  id: `0195f0a0-0000-7000-8000-0000000000e${n}`,
  ticketId: ticket().id,
  kind: 'note',
  authorType: 'agent',
  authorId: agentAlex.id,
  body: `Note ${n}`,
  event: null,
  bodyHtml: null,
  attachments: [],
  mentionIds: [],
  createdAt: T0,
});
const article = (overrides: Partial<Article> = {}): Article => ({
  id: '0195f0a0-0000-7000-8000-0000000000d1',
  title: 'Resetting a password',
  body: 'Click "Forgot password".',
  tags: [],
  product: null,
  status: 'published',
  revision: 1,
  authorId: agentAlex.id,
  createdAt: T0,
  updatedAt: T0,
  ...overrides,
});

describe('ticket.delete@1', () => {
  const world = (role: 'agent' | 'lead' | 'admin') =>
    memoryTx({ ...serverCtx, role }, [{ kind: 'ticket', row: ticket() }, { kind: 'message', row: message(1) }, { kind: 'message', row: message(2) }]);

  it('deletes the ticket and its whole thread, the thread first', async () => {
    const w = world('lead');
    await ticketDelete.run(w.tx, { ticketId: ticket().id });
    expect(w.writes).toEqual([
      { kind: 'message', id: message(1).id },
      { kind: 'message', id: message(2).id },
      { kind: 'ticket', id: ticket().id },
    ]);
    expect(w.read('ticket', ticket().id)).toBeUndefined();
  });

  it('refuses agents, and does nothing for a ticket already gone', async () => {
    const w = world('agent');
    await expect(ticketDelete.run(w.tx, { ticketId: ticket().id })).rejects.toThrow(MutationRejected);
    expect(w.writes).toEqual([]);
    const admin = memoryTx({ ...serverCtx, role: 'admin' });
    await ticketDelete.run(admin.tx, { ticketId: ticket().id });
    expect(admin.writes).toEqual([]);
  });
});

describe('article.delete@1', () => {
  it('lets an agent delete a draft of their own only', async () => {
    const own = memoryTx(serverCtx, [{ kind: 'article', row: article({ status: 'draft' }) }]);
    await articleDelete.run(own.tx, { articleId: article().id });
    expect(own.read('article', article().id)).toBeUndefined();

    for (const row of [article(), article({ status: 'draft', authorId: '0195f0a0-0000-7000-8000-000000000002' })]) {
      const other = memoryTx(serverCtx, [{ kind: 'article', row }]);
      await expect(articleDelete.run(other.tx, { articleId: row.id })).rejects.toThrow(/lead or an admin/);
      expect(other.writes).toEqual([]);
    }
  });

  it('lets a lead delete any article', async () => {
    const w = memoryTx({ ...serverCtx, role: 'lead' }, [{ kind: 'article', row: article() }]);
    await articleDelete.run(w.tx, { articleId: article().id });
    expect(w.writes).toEqual([{ kind: 'article', id: article().id }]);
  });
});
