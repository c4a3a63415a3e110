import { z } from 'zod';
import { ApiFailure } from './api-failure.ts';

/** Validates a request body with a shared schema; a mismatch is a 400 that names the fields. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new ApiFailure(400, 'invalid_request', `The request body is not valid: ${z.prettifyError(result.error).replace(/\n+/g, ' ')}`);
}
