import { copyFileSync } from 'node:fs';
import { Replica } from '../../electron/engine/replica/replica.ts';
import { rebase } from '../../electron/engine/sync/rebase.ts';
import { ticketSetPriority } from '../../shared/mutators/index.ts';
import { Cursor } from '../../shared/sync/protocol.ts';
import { priorityChange } from './priority-churn.ts';

/**
 * Milliseconds of the engine's rebase (undo every pending mutation, apply one server change,
 * replay them all, move the cursor: one transaction) with `pending` mutations in the outbox, on a
 * copy of a synced agent replica so the original stays as it was.
 */
export async function rebaseTimes(replicaFile: string, copy: string, agentId: string, pending: number, runs: number): Promise<number[]> {
  copyFileSync(replicaFile, copy);
  const replica = await Replica.open(copy);
  try {
    const open = (order: 'ASC' | 'DESC', n: number) => replica.db.prepare<[number], string>(`SELECT id FROM tickets WHERE unsolved = 1 ORDER BY id ${order} LIMIT ?`).pluck().all(n);
    const mine = open('ASC', pending);
    // Other agents' changes go to other tickets where the replica has enough of them.
    const theirs = open('DESC', runs);
    const acknowledged = Number(replica.meta.get('last_mutation_id') ?? 0);
    const ctx = { actorId: agentId, role: 'agent' as const, now: new Date().toISOString() };
    await replica.writer.transaction(async () => {
      for (let i = 0; i < pending; i++) await replica.outbox.record(ticketSetPriority, priorityChange(mine, i), ctx);
    });
    let cursor = replica.meta.getJson('cursor', Cursor) as Cursor;
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      const ticket = replica.store.get('ticket', theirs[run % theirs.length] as string);
      if (!ticket) throw new Error('The replica has too few open tickets for this rebase.');
      cursor = { ...cursor, seq: cursor.seq + 1 };
      const change = { seq: cursor.seq, kind: 'ticket' as const, id: ticket.id, op: 'put' as const, data: { ...ticket, subject: `${ticket.subject} (${run})` } };
      const started = performance.now();
      await replica.writer.transaction(() => rebase(replica, { changes: [change], lastMutationId: acknowledged, cursor }));
      samples.push(performance.now() - started);
    }
    return samples;
  } finally {
    await replica.close();
  }
}
