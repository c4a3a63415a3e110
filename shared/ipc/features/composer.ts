/** Procedures and events of the agent workspace: macros, drafts, mentions. Spread into shared/ipc/contract.ts. */
export const composerProcedures = {} as const;

export const composerEvents = {} as const;
