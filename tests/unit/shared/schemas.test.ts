import { describe, expect, it } from 'vitest';
import { EntityKind, entitySchemas, Ticket } from '../../../shared/model/index.ts';
import { newId } from '../../../shared/ids.ts';
import { PullResponse, PushRequest } from '../../../shared/sync/protocol.ts';
import { ticket } from './fixtures.ts';

describe('model schemas', () => {
  it('has a schema for every entity kind', () => {
    expect(Object.keys(entitySchemas).sort()).toEqual([...EntityKind.options].sort());
  });

  it('accepts a well-formed ticket and refuses bad fields with a path', () => {
    expect(Ticket.parse(ticket())).toEqual(ticket());
    const bad = Ticket.safeParse({ ...ticket(), status: 'archived', createdAt: 'yesterday' });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['createdAt', 'status']);
  });

  it('makes time-ordered UUIDv7 ids', () => {
    const ids = Array.from({ length: 50 }, newId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('sync wire schemas', () => {
  const clientId = newId();

  it('refuses empty, oversized and gapless-id-violating pushes', () => {
    expect(PushRequest.safeParse({ clientId, mutations: [] }).success).toBe(false);
    const m = { id: 1, name: 'message.add@1', args: {}, createdAt: '2026-11-01T09:00:00.000Z' };
    expect(PushRequest.safeParse({ clientId, mutations: Array.from({ length: 501 }, (_, i) => ({ ...m, id: i + 1 })) }).success).toBe(false);
    expect(PushRequest.safeParse({ clientId, mutations: [{ ...m, id: 0 }] }).success).toBe(false);
    expect(PushRequest.safeParse({ clientId, mutations: [m] }).success).toBe(true);
  });

  it('tells a reset from a page of changes', () => {
    expect(PullResponse.parse({ reset: true, reason: 'epoch changed' }).reset).toBe(true);
    const page = PullResponse.parse({ reset: false, cursor: { epoch: 'e1', seq: 3 }, lastMutationId: 0, changes: [], more: false });
    expect(page.reset === false && page.cursor.seq).toBe(3);
  });
});
