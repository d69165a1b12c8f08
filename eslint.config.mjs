// ESLint flat config. The engine is pure: it may not import SDKs or the edges around it.
import tseslint from 'typescript-eslint';

const SDKS = [
  'botbuilder',
  'botbuilder-*',
  'botframework-*',
  'restify',
  '@microsoft/microsoft-graph-client',
  '@azure/*',
  'openai',
  'better-sqlite3',
  'pg',
  'pino',
  'adaptivecards-templating',
  'node:http',
  'node:https',
  'http',
  'https',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'appPackage/build/', 'devTools/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    // Type-aware: a promise nobody awaits (or one handed to a callback that ignores it) is a lost error.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: SDKS, message: 'The engine is pure: depend on a port in src/engine/ports.ts instead of an SDK.' },
            {
              // src/retry is pure (timers and headers only): the engine shares its withTimeout.
              group: ['../*', '!../engine', '!../retry', '!../retry/*'],
              message: 'The engine may not import the edges (teams, graph, store, actions, planning, sandbox).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only src/config.ts reads process.env.' },
      ],
    },
  },
);
