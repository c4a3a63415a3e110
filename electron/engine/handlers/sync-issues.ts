import { DeskError } from '../../../shared/ipc/contract.ts';
import { mutators } from '../../../shared/mutators/index.ts';
import type { EngineContext } from '../engine-context.ts';
import { mutate, resolve } from '../outbox/mutate.ts';
import { describeSyncIssue } from '../outbox/sync-issues.ts';
import type { Handlers } from './types.ts';

export function syncIssueHandlers(ctx: EngineContext): Pick<Handlers, 'syncIssues.list' | 'syncIssues.retry' | 'syncIssues.discard'> {
  const { outbox, store, writer } = ctx.replica;
  const announce = () => ctx.events.emit('syncIssues.changed', { count: outbox.counts().rejected });
  return {
    'syncIssues.list': () => {
      ctx.session.require();
      return outbox.rejected().map((m) => describeSyncIssue(store, m));
    },
    'syncIssues.retry': async ({ id }) => {
      ctx.session.require();
      const issue = outbox.findRejected(id);
      if (!issue) throw new DeskError('invalid_input', 'This sync issue has already been dealt with.');
      const mutator = mutators.get(issue.name);
      if (!mutator) throw new DeskError('rejected', `This version of Orbit cannot send ${issue.name} again; copy what you need and discard it.`);
      // The same intent as a new mutation at the end of the outbox; if it is refused here already, the issue stays.
      await mutate(ctx, mutator, issue.args, { replacing: id });
      announce();
      return null;
    },
    'syncIssues.discard': async ({ id }) => {
      ctx.session.require();
      const kinds = await writer.transaction(() => resolve(ctx, id));
      ctx.events.emit('changed', { kinds: [...kinds] });
      ctx.status.update();
      announce();
      return null;
    },
  };
}
