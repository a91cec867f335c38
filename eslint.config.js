// ESLint flat config: type-aware rules, and the architecture boundaries from DESIGN.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const pureCoreBans = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'The pure core renders nothing.' },
    { group: ['zustand', 'zustand/*'], message: 'The pure core holds no app state.' },
    { group: ['**/store/**', '**/features/**', '**/components/**', '**/lib/**', '**/worker/**'], message: 'The pure core imports nothing from the app layers above it.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.ci/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain Node scripts (launchers, CI glue) are JavaScript: lint them without type information.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['app/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['app/pki/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', pureCoreBans] },
  },
  {
    files: ['app/snippets/**/*.ts', 'app/layouts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...pureCoreBans.patterns,
          { group: ['@peculiar/*', 'asn1js', 'pvtsutils'], message: 'Snippets and layouts are strings in, strings out: no crypto.' },
        ],
      }],
    },
  },
  {
    files: ['app/features/**/*.{ts,tsx}', 'app/components/**/*.{ts,tsx}', 'app/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@peculiar/*', 'asn1js'], message: 'Only app/pki talks to the ASN.1 and X.509 libraries.' }],
      }],
    },
  },
);
