/** Procedures and events of the agent workspace: in-app notifications. Spread into shared/ipc/contract.ts. */
export const notificationProcedures = {} as const;

export const notificationEvents = {} as const;
