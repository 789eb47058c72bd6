import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const serviceScopes = ['gateway', 'actors', 'cases', 'referrals', 'learning'];

export default [
  { ignores: ['**/dist', '**/node_modules', '**/generated/**', '**/coverage', '.nx', 'tests/bench/results'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  // Formatting is prettier's (npm run format); eslint keeps to correctness and boundaries.
  prettier,
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: false,
          depConstraints: [
            // Contracts are the shared language: they depend on nothing of ours.
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:infrastructure', onlyDependOnLibsWithTags: ['type:contracts', 'type:infrastructure', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:infrastructure'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:contracts', 'type:infrastructure', 'type:testing'] },
            // Services never import each other: each may use its own code and shared libs only.
            ...serviceScopes.map((scope) => ({ sourceTag: `scope:${scope}`, onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'] })),
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Production code of services and libraries never reaches for test helpers.
    files: ['services/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', 'libs/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@samverkan/testing', message: 'test helpers belong in spec files' }] }],
    },
  },
  {
    // The cross-service tests are the one place that starts services side by side, so they
    // import the services' start functions; Nx forbids importing applications anywhere else.
    files: ['tests/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
