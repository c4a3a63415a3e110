import type { slaProcedures } from '../../../shared/ipc/features/sla.ts';
import { DEFAULT_SLA_POLICY_ID } from '../../../shared/model/index.ts';
import { slaPolicySave } from '../../../shared/mutators/index.ts';
import type { EngineContext } from '../engine-context.ts';
import { currentAgent } from '../queries/viewer.ts';
import { mutationHandler } from './mutation-handler.ts';
import type { Handlers } from './types.ts';

export function slaHandlers(ctx: EngineContext): Pick<Handlers, keyof typeof slaProcedures> {
  return {
    'sla.policy': () => {
      currentAgent(ctx.replica, ctx.session);
      return ctx.replica.store.get('slaPolicy', DEFAULT_SLA_POLICY_ID) ?? null;
    },
    'sla.savePolicy': mutationHandler(ctx, slaPolicySave),
  };
}
