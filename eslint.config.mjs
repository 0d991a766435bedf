import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import { layers } from './tools/eslint/layers.mjs';

const scopes = ['scheduling', 'sessions', 'training', 'compliance', 'analytics', 'notifications'];

/** Layer and context rules: a service never imports another, libs never import services. */
function boundaries({ tests }) {
  const testing = tests ? ['type:testing'] : [];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', ...testing] },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', ...testing] },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      ...scopes.map((scope) => ({
        sourceTag: `scope:${scope}`,
        onlyDependOnLibsWithTags: ['scope:shared', `scope:${scope}`],
      })),
    ],
  };
}

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.infra', '**/coverage', 'infra/**/*.mjs'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries({ tests: false })],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Domain code is pure: decisions from facts and time given to it. The framework, the
    // database and the broker stay at the edges, so a decider is tested with plain values.
    files: ['services/*/src/**/domain/**/*.ts', 'libs/*/src/**/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@thc/event-store',
              message:
                'domain code is pure: take decider types from @thc/event-store/decider; the store is for infrastructure',
            },
          ],
          patterns: [
            {
              group: [
                '@nestjs/*',
                'mongoose',
                'mongoose/*',
                'mongodb',
                'mongodb/*',
                'kafkajs',
                '@thc/messaging',
                '@thc/service-runtime',
                '@thc/testing',
              ],
              message:
                'domain code is pure: no Nest, MongoDB or Kafka here; do that in the handler or infrastructure beside it',
            },
          ],
        },
      ],
    },
  },
  {
    // A use case is read on its own: it never imports a sibling use case, and its controller
    // hands work to a handler or a query rather than to storage.
    files: ['services/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    plugins: { layers },
    rules: {
      'layers/no-sibling-use-case-imports': 'error',
      'layers/controllers-use-handlers': 'error',
    },
  },
  {
    // Specs, and the test apps and kits in a part's testing/ folder, may use the test
    // infrastructure; production code may not (testing/ is left out of the build).
    files: ['**/*.spec.ts', 'services/*/src/**/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': ['error', boundaries({ tests: true })],
    },
  },
  {
    // Whole-platform tests assemble several services, which no service or library may do;
    // this folder is the one place allowed to, and nothing imports it.
    files: ['tests/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // The scenario drives the APIs like a client would: it reads response bodies freely.
    files: ['tests/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
];
