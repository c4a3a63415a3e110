/** Procedures and events of the agent workspace: search over the replica. Spread into shared/ipc/contract.ts. */
export const searchProcedures = {} as const;

export const searchEvents = {} as const;
