import { z } from 'zod';
import { entitySchemas, type EntityKind, type EntityOf } from '../../shared/model/index.ts';
import type { EntityRow } from './schema.ts';

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

interface Field {
  name: string;
  column: string;
  json: boolean;
  /** Stored as integer 0/1 on both dialects. */
  boolean: boolean;
}

/** The type under a field's default and nullability: what decides how it is stored. */
function bare(type: z.ZodType): z.ZodType {
  let t = type;
  while (t instanceof z.ZodDefault || t instanceof z.ZodNullable) t = t.unwrap() as z.ZodType;
  return t;
}

/** Columns of each kind, read off the shared zod schema: arrays, records, objects and unions of objects are JSON text (SQL NULL for null). */
const fieldsOf = Object.fromEntries(
  Object.entries(entitySchemas).map(([kind, schema]) => [
    kind,
    Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, type]): Field => {
      const inner = bare(type);
      const json = inner instanceof z.ZodArray || inner instanceof z.ZodRecord || inner instanceof z.ZodObject || inner instanceof z.ZodDiscriminatedUnion;
      return { name, column: snakeCase(name), json, boolean: inner instanceof z.ZodBoolean };
    }),
  ]),
) as Record<EntityKind, Field[]>;

export function toRow<K extends EntityKind>(kind: K, entity: EntityOf<K>, scope: string): EntityRow<K> {
  const values = entity as Record<string, unknown>;
  const row: Record<string, unknown> = { scope };
  for (const f of fieldsOf[kind]) {
    const value = values[f.name];
    row[f.column] = f.json && value !== null ? JSON.stringify(value) : f.boolean ? Number(value) : value;
  }
  return row as EntityRow<K>;
}

export function fromRow<K extends EntityKind>(kind: K, row: Record<string, unknown>): EntityOf<K> {
  const entity: Record<string, unknown> = {};
  for (const f of fieldsOf[kind]) {
    const value = row[f.column];
    entity[f.name] = f.json && value !== null ? JSON.parse(value as string) : f.boolean ? Boolean(value) : value;
  }
  return entity as EntityOf<K>;
}
