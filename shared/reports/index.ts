export * from './metric.ts';
export * from './definition.ts';
export * from './result.ts';
export * from './saved-report.ts';
export * from './stock-dashboard.ts';
