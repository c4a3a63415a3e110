import type { notificationProcedures } from '../../../shared/ipc/features/notifications.ts';
import type { EngineContext } from '../engine-context.ts';
import type { Handlers } from './types.ts';

export function notificationHandlers(ctx: EngineContext): Pick<Handlers, keyof typeof notificationProcedures> {
  const { store } = ctx.notifications;
  const byNumber = ctx.replica.db.prepare<[number], { id: string }>('SELECT id FROM tickets WHERE number = ? LIMIT 1');
  return {
    'notifications.list': (input) => {
      ctx.session.require();
      return { items: store.list(input?.limit), unread: store.unread() };
    },
    'notifications.markRead': async (input) => {
      ctx.session.require();
      const unread = await ctx.replica.writer.transaction(() => {
        store.markRead('all' in input ? 'all' : input.ids, new Date().toISOString());
        return store.unread();
      });
      ctx.events.emit('notifications.changed', { unread, added: [] });
      return { unread };
    },
    'palette.ticketByNumber': ({ number }) => {
      ctx.session.require();
      return byNumber.get(number) ?? null;
    },
  };
}
