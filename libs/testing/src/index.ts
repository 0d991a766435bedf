export * from './eventually';
export * from './infra/infrastructure';
export * from './test-namespace';
