/** Procedures and events of the agent workspace: follow, merge, problem/incident links, activity. Spread into shared/ipc/contract.ts. */
export const ticketActionProcedures = {} as const;

export const ticketActionEvents = {} as const;
