/** Procedures and events of the agent workspace: SLA policy and timers. Spread into shared/ipc/contract.ts. */
export const slaProcedures = {} as const;

export const slaEvents = {} as const;
