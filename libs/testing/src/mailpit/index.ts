export * from './mailpit-messages';
export * from './mailpit-client';
export * from './private-mailpit';
