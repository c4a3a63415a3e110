import { z } from 'zod';
import { DeskErrorBody, DeskError, isProcedureName, procedures, type ProcedureName } from './contract.ts';

/**
 * What a procedure call returns over any transport (Electron IPC, the browser host's
 * WebSocket, the engine worker's port). Errors travel as data, so their code survives.
 */
export const DeskResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: DeskErrorBody }),
]);
export type DeskResult = z.infer<typeof DeskResult>;

/** Messages on the browser host's WebSocket (`/desk`). */
export const SocketClientMessage = z.object({
  t: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  name: z.string().max(100),
  input: z.unknown(),
});
export type SocketClientMessage = z.infer<typeof SocketClientMessage>;

export const SocketServerMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('result'), id: z.number().int().nonnegative(), result: DeskResult }),
  z.object({ t: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type SocketServerMessage = z.infer<typeof SocketServerMessage>;

/**
 * Checks a call from an untrusted side (renderer) before it reaches the engine:
 * the name must be a procedure and the input must match its schema.
 */
export function parseInvocation(name: unknown, input: unknown): { name: ProcedureName; input: unknown } {
  if (!isProcedureName(name)) throw new DeskError('unknown_procedure', `Unknown procedure: ${String(name).slice(0, 100)}`);
  const parsed = procedures[name].input.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` (${first.path.join('.')})` : '';
    throw new DeskError('invalid_input', `Invalid input for ${name}${where}: ${first?.message ?? 'does not match'}`);
  }
  return { name, input: parsed.data };
}

/** Turns anything thrown by a handler into the error shape that crosses IPC, without leaking internals. */
export function toDeskResultError(err: unknown): DeskResult {
  if (err instanceof DeskError) return { ok: false, error: err.toBody() };
  return { ok: false, error: { code: 'internal', message: 'Something went wrong in the workstation engine. Try again; if it keeps happening, restart Orbit.' } };
}

/** The renderer-side inverse: unwraps a result or throws the DeskError it carries. */
export function unwrapDeskResult(result: DeskResult): unknown {
  if (result.ok) return result.value;
  throw new DeskError(result.error.code, result.error.message);
}

/**
 * What actually crosses a process boundary, and so what `window.desk` is: calls return
 * a DeskResult (errors as data, since contextBridge strips custom error fields) and
 * events arrive by name. The renderer wraps it into the typed DeskApi (createDeskApi).
 * The Electron preload, the browser host's socket client and the engine worker all speak it.
 */
export interface DeskTransport {
  invoke(name: string, input: unknown): Promise<DeskResult>;
  on(listener: (event: string, payload: unknown) => void): () => void;
}
