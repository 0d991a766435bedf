export * from './command-budget';
export * from './command-counter';
export * from './command-usage';
export * from './observed-command';
