/** Procedures and events of the agent workspace: queue views, saved views, bulk actions. Spread into shared/ipc/contract.ts. */
export const viewProcedures = {} as const;

export const viewEvents = {} as const;
