import { describe, expect, it } from 'vitest';
import { newerPublicReplies, newestPublicId, repliedAgo } from '../../../renderer/src/composer/newer-replies.ts';
import type { TimelineMessage } from '../../../shared/ipc/views.ts';
import { agentAlex, agentDee, customerMessage, T0 } from '../shared/fixtures.ts';

const id = (n: number) => `0195f0a0-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;
const msg = (n: number, over: Partial<TimelineMessage> = {}): TimelineMessage => ({ ...customerMessage({ id: id(n) }), authorName: 'Carla Customer', pendingSync: false, ...over });
const byDee = { authorType: 'agent' as const, authorId: agentDee.id, authorName: 'Dee Lane' };
const byMe = { authorType: 'agent' as const, authorId: agentAlex.id, authorName: 'Alex Agent' };

describe('reply warning: public messages since the draft was started', () => {
  const thread = [msg(1), msg(2, { ...byDee, kind: 'note' }), msg(3, byDee), msg(4), msg(5, byMe), msg(6, { kind: 'event', authorType: 'system', authorId: null })];

  it('takes the newest public message as the baseline', () => {
    expect(newestPublicId(thread)).toBe(id(5));
    expect(newestPublicId([msg(2, { kind: 'note' })])).toBeNull();
  });

  it('lists public replies by others after the baseline, never notes, events or my own', () => {
    expect(newerPublicReplies(thread, id(1), agentAlex.id).map((m) => m.id)).toEqual([id(3), id(4)]);
    expect(newerPublicReplies(thread, id(4), agentAlex.id)).toEqual([]);
    expect(newerPublicReplies(thread, null, agentAlex.id).map((m) => m.id)).toEqual([id(1), id(3), id(4)]);
  });

  it('says nothing when the baseline left the thread', () => {
    expect(newerPublicReplies(thread, id(99), agentAlex.id)).toEqual([]);
  });

  it('words it with the first name and the age', () => {
    const at = Date.parse(T0);
    expect(repliedAgo(msg(3, byDee), at + 20_000)).toBe('Dee replied just now');
    expect(repliedAgo(msg(3, byDee), at + 2 * 60_000)).toBe('Dee replied 2 minutes ago');
    expect(repliedAgo(msg(3, byDee), at + 60_000)).toBe('Dee replied 1 minute ago');
    expect(repliedAgo(msg(3, byDee), at + 5 * 3_600_000)).toBe('Dee replied 5 hours ago');
  });
});
