export * from './common.ts';
export * from './account.ts';
export * from './contact.ts';
export * from './agent.ts';
export * from './ticket.ts';
export * from './message.ts';
export * from './article.ts';
export * from './entities.ts';
