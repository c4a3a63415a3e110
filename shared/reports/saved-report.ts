import { z } from 'zod';
import { Id, IsoTime } from '../model/common.ts';
import { ReportDefinition } from './definition.ts';

/**
 * A custom report someone saved. Personal ones show only to their owner, shared ones to everyone;
 * `pinned` puts it on its owner's dashboard below the stock widgets. Synced in the org scope.
 */
export const SavedReport = z.object({
  id: Id,
  name: z.string().min(1).max(100),
  ownerId: Id,
  shared: z.boolean(),
  pinned: z.boolean(),
  definition: ReportDefinition,
  position: z.number().int().nonnegative(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type SavedReport = z.infer<typeof SavedReport>;
