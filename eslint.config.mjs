import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

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
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:scheduling', onlyDependOnLibsWithTags: ['scope:shared', 'scope:scheduling'] },
            { sourceTag: 'scope:sessions', onlyDependOnLibsWithTags: ['scope:shared', 'scope:sessions'] },
            { sourceTag: 'scope:training', onlyDependOnLibsWithTags: ['scope:shared', 'scope:training'] },
            { sourceTag: 'scope:compliance', onlyDependOnLibsWithTags: ['scope:shared', 'scope:compliance'] },
            { sourceTag: 'scope:analytics', onlyDependOnLibsWithTags: ['scope:shared', 'scope:analytics'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Whole-platform tests assemble several services, which no service or library may do;
    // this folder is the one place allowed to, and nothing imports it.
    files: ['tests/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
