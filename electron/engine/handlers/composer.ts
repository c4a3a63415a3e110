import type { composerProcedures, Draft } from '../../../shared/ipc/features/composer.ts';
import { newId } from '../../../shared/ids.ts';
import type { Macro } from '../../../shared/model/index.ts';
import { macroDelete, macroSave } from '../../../shared/mutators/index.ts';
import type { EngineContext } from '../engine-context.ts';
import { mutate } from '../outbox/mutate.ts';
import { mutationHandler } from './mutation-handler.ts';
import type { Handlers } from './types.ts';

interface DraftRow {
  ticket_id: string;
  mode: Draft['mode'];
  html: string;
  base_message_id: string | null;
  updated_at: string;
}

const DRAFT_GET = 'SELECT ticket_id, mode, html, base_message_id, updated_at FROM _drafts WHERE ticket_id = ?';
const DRAFT_SAVE = `INSERT INTO _drafts (ticket_id, mode, html, base_message_id, updated_at) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (ticket_id) DO UPDATE SET mode = excluded.mode, html = excluded.html, base_message_id = excluded.base_message_id, updated_at = excluded.updated_at`;
const DRAFT_CLEAR = 'DELETE FROM _drafts WHERE ticket_id = ?';
const MACROS = 'SELECT data FROM macros ORDER BY title COLLATE NOCASE, id';

/** Drafts (engine-local, per ticket) and macros. */
export function composerHandlers(ctx: EngineContext): Pick<Handlers, keyof typeof composerProcedures> {
  return {
    'draft.get': ({ ticketId }) => {
      ctx.session.require();
      const row = ctx.sql.get1<DraftRow>({ sql: DRAFT_GET, params: [ticketId] });
      return row ? { ticketId: row.ticket_id, mode: row.mode, html: row.html, baseMessageId: row.base_message_id, updatedAt: row.updated_at } : null;
    },
    'draft.save': async ({ ticketId, mode, html, baseMessageId }) => {
      ctx.session.require();
      await ctx.replica.writer.transaction(() => ctx.sql.get(DRAFT_SAVE).run(ticketId, mode, html, baseMessageId, new Date().toISOString()));
      return null;
    },
    'draft.clear': async ({ ticketId }) => {
      ctx.session.require();
      await ctx.replica.writer.transaction(() => ctx.sql.get(DRAFT_CLEAR).run(ticketId));
      return null;
    },
    'macro.list': () => {
      const { agentId } = ctx.session.require();
      return ctx.sql
        .all<{ data: string }>({ sql: MACROS, params: [] })
        .map((r) => JSON.parse(r.data) as Macro)
        .filter((m) => m.ownerId === null || m.ownerId === agentId);
    },
    'macro.save': async ({ id, ...input }) => {
      const macroId = id ?? newId();
      await mutate(ctx, macroSave, { ...input, id: macroId });
      return { macroId };
    },
    'macro.delete': mutationHandler(ctx, macroDelete),
  };
}
