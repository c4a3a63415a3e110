export * from './channels.ts';
export * from './contract.ts';
export * from './views.ts';
export * from './presence.ts';
export * from './envelope.ts';
export * from './desk-api.ts';
