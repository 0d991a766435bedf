export * from './eventually';
export * from './infra/infrastructure';
export * from './test-namespace';
export * from './test-tokens';
export * from './hostile-bodies';
export * from './route-walk';
export * from './decider-spec';
export * from './telemetry-capture';
