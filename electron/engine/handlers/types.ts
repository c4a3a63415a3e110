import type { z } from 'zod';
import type { ProcedureName, ProcedureOutput, procedures } from '../../../shared/ipc/contract.ts';

/** A procedure's implementation: gets the input already validated by parseInvocation. */
export type Handler<N extends ProcedureName> = (input: z.output<(typeof procedures)[N]['input']>) => ProcedureOutput<N> | Promise<ProcedureOutput<N>>;

export type Handlers = { [N in ProcedureName]: Handler<N> };
