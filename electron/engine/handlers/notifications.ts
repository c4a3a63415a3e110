import type { notificationProcedures } from '../../../shared/ipc/features/notifications.ts';
import type { EngineContext } from '../engine-context.ts';
import type { Handlers } from './types.ts';

export function notificationHandlers(_ctx: EngineContext): Pick<Handlers, keyof typeof notificationProcedures> {
  return {};
}
