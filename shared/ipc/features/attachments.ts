/** Procedures and events of the agent workspace: attachments: upload, lazy download. Spread into shared/ipc/contract.ts. */
export const attachmentProcedures = {} as const;

export const attachmentEvents = {} as const;
