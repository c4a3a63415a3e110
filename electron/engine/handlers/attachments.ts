import type { attachmentProcedures } from '../../../shared/ipc/features/attachments.ts';
import type { EngineContext } from '../engine-context.ts';
import type { Handlers } from './types.ts';

export function attachmentHandlers(_ctx: EngineContext): Pick<Handlers, keyof typeof attachmentProcedures> {
  return {};
}
