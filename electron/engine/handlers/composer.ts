import type { composerProcedures } from '../../../shared/ipc/features/composer.ts';
import type { EngineContext } from '../engine-context.ts';
import type { Handlers } from './types.ts';

export function composerHandlers(_ctx: EngineContext): Pick<Handlers, keyof typeof composerProcedures> {
  return {};
}
