import { builtinModules } from 'node:module';
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layering is enforced here, not remembered: shared/ is pure and imports neither
 * side; renderer/ never reaches Node, Electron or the backend; electron/ never
 * imports UI code. Tests beside shared code may read fixture files with node:fs.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)].filter((m) => !m.startsWith('_'));

const noNode = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'This side must not use Node built-ins; go through the API contract.' })),
  patterns: [{ group: ['node:*'], message: 'This side must not use Node built-ins.' }],
};
const noElectron = [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }];
const noBackendPatterns = [{ group: ['@backend/*', '**/electron/**'], message: 'Reach the backend through the API contract (renderer/api/client.ts).' }];
/**
 * renderer/app composes the screens, so it sits on top: nothing below it (features, ui,
 * api, navigation) may import it back. Navigation lives in renderer/navigation for that.
 */
const noAppPatterns = [{ group: ['@renderer/app/*', '**/app/*'], message: 'renderer/app imports the features, not the other way round; put what both need below them (renderer/navigation, renderer/ui).' }];
const noFeaturePatterns = [{ group: ['@renderer/features/*', '**/features/*'], message: 'This module sits below the features; it must not import one.' }];
const noRendererPatterns = [{ group: ['@renderer/*', '**/renderer/**'], message: 'The backend and shared code must not import UI code.' }];
/**
 * Inside the backend a feature reaches another feature's table through that
 * feature's store (or shared/domain), never through its handlers: handlers sit
 * on top and only the router imports them.
 */
const noOtherFeatureHandlers = [
  {
    group: ['../*/handlers', '../*/handlers.ts', '../../*/handlers', '@backend/*/handlers', '@backend/*/handlers.ts'],
    message: "Call the other feature's store (or a rule in shared/domain), not its handlers; only router.ts imports handlers.",
  },
];

/**
 * Folders whose user-facing text all comes from the catalogues (shared/i18n/locales).
 * A folder joins when it is converted; still to convert: transactions/TransactionImportPanel
 * (its preview is being reworked on another branch), and renderer/bench (a developer page, not translated).
 */
const TRANSLATED = [
  'renderer/app/**/*.tsx',
  'renderer/ui/**/*.tsx',
  'renderer/features/settings/**/*.tsx',
  'renderer/features/updates/**/*.tsx',
  'renderer/features/backup/**/*.tsx',
  'renderer/features/charts/**/*.tsx',
  'renderer/features/holdings/**/*.tsx',
  'renderer/features/accounts/AccountSwitcher.tsx',
  'renderer/features/accounts/CashBalances.tsx',
  'renderer/features/accounts/AccountsDialog.tsx',
  'renderer/features/accounts/CashForm.tsx',
  'renderer/features/accounts/TransferForm.tsx',
  'renderer/features/transactions/TransactionTable.tsx',
  'renderer/features/transactions/TransactionForm.tsx',
  'renderer/features/transactions/UndoToast.tsx',
  'renderer/features/transactions/TransactionImportPanel.tsx',
  'renderer/features/income/**/*.tsx',
  'renderer/features/returns/ReturnsPanel.tsx',
  'renderer/features/returns/ReturnFigures.tsx',
  'renderer/features/returns/PerformanceCharts.tsx',
  'renderer/features/securities/**/*.tsx',
  'renderer/features/news/NewsScreen.tsx',
  'renderer/features/news/NewsListPane.tsx',
  'renderer/features/news/NewsFilterBar.tsx',
  'renderer/features/news/NewsDetailPane.tsx',
  'renderer/features/news/NewsImportPanel.tsx',
  'renderer/features/news/NewsEntryForm.tsx',
  'renderer/features/prices/**/*.tsx',
  'renderer/features/import/ImportScreen.tsx',
];

/**
 * i18next/no-literal-string on JSX text, string literals inside JSX and the attributes a
 * person reads or hears. Allowed without a catalogue (the short list):
 * - `·`, `—`, `–`, `…`, `%`, `+`, `/`, `×`, `→`, `▲`, `▼`, `(`, `)`: punctuation and signs between translated parts;
 * - words in capitals (EUR, HKD, ISIN, TTWROR, OHLC): codes, the same in every language;
 * - 'Tickerline': the product's name; 'https://…': a web address's shape; <kbd>: key names (Esc, Enter) as printed on the keyboard;
 * - the field name given to the forms' helpers `input(field, label)`, `err(field)`, `fieldError(field)`, `invalid(field)`;
 * - strings compared or switched on inside JSX (`kind === 'error'`): the plugin cannot tell
 *   those from text without type information, so they are written outside JSX or allowed by
 *   `jsx-attributes` (only the human-facing attributes below are checked).
 */
const noLiteralString = [
  'error',
  {
    mode: 'jsx-only',
    'jsx-attributes': { include: ['title', 'aria-label', 'aria-description', 'placeholder', 'alt', 'label', 'subtitle', 'hint', 'emptyText'] },
    'jsx-components': { include: [], exclude: ['Trans', 'kbd'] },
    callees: { exclude: ['t', 'i18n\\.t', 'useTranslation', 'formatMoney', 'formatNumber', 'formatPercent', 'formatDate', 'formatPoints', 'input', 'err', 'invalid', 'fieldError'] },
    words: { exclude: ['[0-9!-/:-@[-`{-~·—–…×→▲▼\\s]+', '[A-Z][A-Z0-9_-]*', 'Tickerline', 'https://…'] },
  },
];

/**
 * Errors carry codes and parameters; the text is chosen where it is shown. An AppError made here
 * must therefore carry a catalogue key: through localizedError / textError (shared/domain/common/errors.ts),
 * or the four-argument constructor with its ErrorText. Every backend and shared file is covered
 * (tests excepted: they may build a bare AppError to check how one is handled).
 */
const KEYED_ERRORS = ['electron/**/*.ts', 'shared/**/*.ts'];
const noUnkeyedError = [
  'error',
  {
    selector: "NewExpression[callee.name='AppError'][arguments.length<4]",
    message: 'Give the error a catalogue key: localizedError(code, "errors:…", params, details) with English and German texts in shared/i18n/locales/*/errors.json.',
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/.generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [...noNode.paths, ...noElectron], patterns: [...noNode.patterns, ...noBackendPatterns] }],
    },
  },
  {
    files: ['renderer/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...noNode.paths, ...noElectron], patterns: [...noNode.patterns, ...noBackendPatterns, ...noAppPatterns] }],
    },
  },
  {
    // Below the features: shared UI, cross-feature stores (settings, import inbox), navigation, API client.
    // Folder-level circles are also checked as a whole in scripts/renderer-import-cycles.test.ts.
    files: ['renderer/api/**/*.{ts,tsx}', 'renderer/navigation/**/*.{ts,tsx}', 'renderer/ui/**/*.{ts,tsx}', 'renderer/stores/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...noNode.paths, ...noElectron], patterns: [...noNode.patterns, ...noBackendPatterns, ...noAppPatterns, ...noFeaturePatterns] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...noNode.paths, ...noElectron], patterns: [...noNode.patterns, ...noBackendPatterns, ...noRendererPatterns] }],
    },
  },
  {
    files: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: noElectron, patterns: [...noBackendPatterns, ...noRendererPatterns] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: noRendererPatterns }],
    },
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      // The backend runs in plain Node for browser mode and tests, so it cannot depend on Electron.
      'no-restricted-imports': ['error', { paths: noElectron, patterns: noRendererPatterns }],
    },
  },
  {
    files: ['electron/backend/*/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: noElectron, patterns: [...noRendererPatterns, ...noOtherFeatureHandlers] }],
    },
  },
  {
    files: KEYED_ERRORS,
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-syntax': noUnkeyedError },
  },
  {
    files: TRANSLATED,
    plugins: { i18next },
    rules: { 'i18next/no-literal-string': noLiteralString },
  },
);
