// ESLint flat config: type-aware rules, and the architecture boundaries of ../shared/DESIGN.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const pureCoreBans = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'The pure core renders nothing.' },
    { group: ['zustand', 'zustand/*'], message: 'The pure core holds no app state.' },
    {
      group: ['**/store/**', '**/features/**', '**/components/**', '**/lib/**', '**/worker/**'],
      message: 'The pure core imports nothing from the app layers above it.',
    },
  ],
};

/**
 * Boundaries between the app's layers (issue 10; ../shared/DESIGN.md habits 12, 14, 15), as
 * regular expressions over import specifiers, checked by typescript-eslint's no-restricted-imports
 * so a type-only import may be allowed where only code is banned. Tests and test kits may reach
 * anywhere. boundaries-lint.test.ts holds each zone to its word.
 */
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/testing/**', 'app/test/**'];
/**
 * Outside app/pki the core is imported through an index: app/pki/index.ts (everything), or a
 * narrower surface with the same names, so a lazily loaded chunk holds only what it uses (issue 14):
 * light/ (the page: no WebCrypto, no X.509 library), runtime/ (WebCrypto choice, key types),
 * export/ (key encodings, PKCS#12, PKCS#7, PEM bundles), lifecycle/ (renew, revoke, CRL, rotate),
 * and the module indexes (read/, inspect/, validate/, diagnose/, lint/, relations/, model/, signatures/ ...).
 */
const DEEP_CORE = {
  regex: '(^|/)pki/(?!index\\.ts$)(?![^/]+/index\\.ts$)',
  message:
    "Import the core through app/pki/index.ts, a surface (app/pki/light/index.ts for the page: no WebCrypto, no X.509 library; runtime/, export/, lifecycle/) or a core module's index.ts.",
};
const OTHER_FEATURE = {
  regex: '^\\.\\./(?!issuing/)[a-z0-9-]+/',
  message:
    'Features do not import each other: move what both need to app/flows/ (pure), app/components/ (presentational) or app/features/issuing/ (shared issuing).',
};
const WORKER_CALLS = {
  regex: '(^|/)worker/',
  allowTypeImports: true,
  message:
    'Components do not call the worker: a view that needs it lives in a feature (app/features/issuing/ for the shared selects).',
};
const UI = {
  regex: '(^|/)(features|components|lib)/|^react(-dom)?(/|$)',
  allowTypeImports: true,
  message: 'This layer runs without the page: no features, components, browser effects or React.',
};
const UI_OR_WORKER = {
  regex: '(^|/)(features|components|lib|worker)/|^react(-dom)?(/|$)',
  allowTypeImports: true,
  message:
    'This layer runs without the page and the worker: no features, components, browser effects, worker or React.',
};
const E2E = {
  regex: '(^|/)e2e/',
  message: 'The bench does not import the e2e suite: shared helpers live in app/test/.',
};

/** One zone: these files may not import what `patterns` names. */
function zone(files, patterns, ignores = []) {
  return {
    files,
    ignores: [...TESTS, ...ignores],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  };
}

const boundaries = [
  zone(['app/features/**/*.{ts,tsx}'], [DEEP_CORE, OTHER_FEATURE]),
  zone(
    ['app/components/**/*.{ts,tsx}'],
    [
      DEEP_CORE,
      WORKER_CALLS,
      { regex: '(^|/)features/', message: 'Components are shared by features and import none.' },
    ],
  ),
  zone(['app/store/**/*.ts'], [DEEP_CORE, UI_OR_WORKER]),
  zone(['app/flows/**/*.ts', 'app/targets/**/*.ts'], [DEEP_CORE, UI_OR_WORKER]),
  zone(['app/worker/**/*.ts'], [DEEP_CORE, UI]),
  zone(
    ['app/cli/**/*.ts'],
    [DEEP_CORE, UI_OR_WORKER, { regex: '(^|/)store/', allowTypeImports: true, message: 'The CLI keeps no workspace.' }],
  ),
  zone(['app/bench/**/*.ts'], [DEEP_CORE, E2E]),
  zone(['app/snippets/**/*.ts', 'app/layouts/**/*.ts', 'app/lib/**/*.{ts,tsx}', 'app/*.{ts,tsx}'], [DEEP_CORE]),
];

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
  ...boundaries,
  {
    files: ['app/pki/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', pureCoreBans] },
  },
  {
    files: ['app/snippets/**/*.ts', 'app/layouts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...pureCoreBans.patterns,
            {
              group: ['@peculiar/*', 'asn1js', 'pvtsutils'],
              message: 'Snippets and layouts are strings in, strings out: no crypto.',
            },
          ],
        },
      ],
    },
  },
  {
    // The store persists; encryption is the core's (the key lock's: app/pki/sealing/).
    files: ['app/store/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='subtle']",
          message: "The store only persists: WebCrypto work lives in app/pki (the key lock's in app/pki/sealing/).",
        },
      ],
    },
  },
  {
    files: ['app/features/**/*.{ts,tsx}', 'app/components/**/*.{ts,tsx}', 'app/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@peculiar/*', 'asn1js'], message: 'Only app/pki talks to the ASN.1 and X.509 libraries.' },
          ],
        },
      ],
    },
  },
);
