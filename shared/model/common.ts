import { z } from 'zod';

/** UUIDv7 (or any UUID): made by whoever creates the row, so offline creation needs no server. */
export const Id = z.uuid();
export const IsoTime = z.iso.datetime({ offset: true });

/** Every replicated entity kind. The order is the order a bootstrap downloads them in. */
export const EntityKind = z.enum(['team', 'agent', 'account', 'contact', 'ticket', 'message', 'article', 'slaPolicy', 'macro', 'view', 'report']);
export type EntityKind = z.infer<typeof EntityKind>;
