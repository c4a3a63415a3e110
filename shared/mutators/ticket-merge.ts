import { z } from 'zod';
import { Id, type Ticket } from '../model/index.ts';
import { MAX_TAGS } from '../rules/tags.ts';
import { noteMerge } from './activity.ts';
import { mustGet } from './load.ts';
import { MAX_FOLLOWERS } from './ticket-follow.ts';
import { defineMutator, MutationRejected } from './types.ts';

/** Most tickets merged into one survivor at once. */
export const MAX_MERGE_SOURCES = 20;

const label = (t: Pick<Ticket, 'number'>) => (t.number === null ? 'a new ticket' : `#${t.number}`);

/**
 * Merges tickets into a survivor: each source's messages move to the survivor, its tags and followers
 * join the survivor's, and the source is closed pointing to the survivor (`mergedIntoId`). A merge
 * bypasses the status machine: a source in any state but closed may be merged. Replaying it (rebase)
 * finds the sources already merged and changes nothing.
 */
export const ticketMerge = defineMutator({
  name: 'ticket.merge@1',
  args: z.object({
    sourceIds: z
      .array(Id)
      .min(1, 'Pick at least one ticket to merge.')
      .max(MAX_MERGE_SOURCES, `At most ${MAX_MERGE_SOURCES} tickets can be merged at once.`)
      .transform((ids) => [...new Set(ids)]),
    targetId: Id,
  }),
  async run(tx, { sourceIds, targetId }) {
    if (sourceIds.includes(targetId)) throw new MutationRejected('A ticket cannot be merged into itself.');
    let target = await mustGet(tx, 'ticket', targetId);
    if (target.mergedIntoId !== null) throw new MutationRejected(`${label(target)} was itself merged into another ticket; merge into that one instead.`);
    if (target.status === 'closed') throw new MutationRejected(`${label(target)} is closed; a closed ticket cannot take merged tickets.`);
    const sources: Ticket[] = [];
    for (const id of sourceIds) {
      const source = await mustGet(tx, 'ticket', id);
      // A replay (or a repeat) meets the sources already merged: nothing more to do for them.
      if (source.mergedIntoId === targetId) continue;
      if (source.mergedIntoId !== null) throw new MutationRejected(`${label(source)} was already merged into another ticket.`);
      if (source.status === 'closed') throw new MutationRejected(`${label(source)} is closed; a closed ticket cannot be merged.`);
      sources.push(source);
    }
    if (sources.length === 0) return;
    const now = tx.ctx.now;
    const tags = new Set(target.tags);
    const followers = new Set(target.followerIds);
    for (const source of sources) {
      // The thread moves to the survivor; the server moves each row's scopes with it.
      for (const message of await tx.threadOf(source.id)) await tx.put('message', { ...message, ticketId: targetId });
      source.tags.forEach((t) => tags.add(t));
      source.followerIds.forEach((f) => followers.add(f));
      await tx.put('ticket', { ...source, status: 'closed', mergedIntoId: targetId, solvedAt: source.solvedAt ?? now, updatedAt: now });
    }
    // A merged problem's incidents follow to the survivor (or, when the survivor is an incident, to its problem).
    if (target.problemId !== null && sources.some((s) => s.id === target.problemId)) target = { ...target, problemId: null };
    const problemId = target.problemId ?? target.id;
    for (const source of sources) {
      for (const incident of tx.incidentsOf ? await tx.incidentsOf(source.id) : []) {
        if (incident.id === targetId || sourceIds.includes(incident.id) || incident.problemId !== source.id) continue;
        await tx.put('ticket', { ...incident, problemId, updatedAt: now });
      }
    }
    // The survivor now holds the sources' replies too: its reply count must say so.
    const replyCount = sources.reduce((n, s) => n + s.replyCount, target.replyCount);
    target = { ...target, tags: [...tags].slice(0, MAX_TAGS), followerIds: [...followers].slice(0, MAX_FOLLOWERS), replyCount, updatedAt: now };
    await tx.put('ticket', target);
    for (const source of sources) await noteMerge(tx, source, target);
  },
  describe: ({ sourceIds, targetId }) => ({ action: `Merge ${sourceIds.length} ticket${sourceIds.length === 1 ? '' : 's'} into another`, ticketId: targetId }),
});
