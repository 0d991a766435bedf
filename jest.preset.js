// Shared Jest settings: SWC transpiles TypeScript (with decorator metadata for Nest DI),
// and the tsconfig path aliases resolve to library sources.
const { compilerOptions } = require('./tsconfig.base.json');
const path = require('node:path');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias}$`,
    path.join(__dirname, target),
  ]),
);

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: {
    // jose, json-schema-ref-parser (under swagger-parser) and oidc-provider (the browser test's
    // identity provider) ship only ES modules; SWC turns them into CommonJS for Jest's modules.
    '^.+\\.(ts|js|mjs)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(jose|@apidevtools/json-schema-ref-parser|oidc-provider)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.infra/'],
};
