// `npm run lint` (part of `npm test`): typescript-eslint with type information for everything
// tsconfig.json compiles (the app, its typings, the tests, the host and the bench); the scripts
// and the console's browser modules (JavaScript) only for their imports. `npx eslint --fix .`
// sorts imports.
import { fileURLToPath } from 'node:url';

import { defineConfig, globalIgnores } from 'eslint/config';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

export default defineConfig(
	// Built or installed output, and the Deno modules prepare-deno-runtime.js points the engines'
	// runtimes at (outside tsconfig.json).
	globalIgnores(['node_modules/', 'dist/', 'build/', 'coverage/', 'scripts/deno-shims/']),
	{
		linterOptions: { reportUnusedDisableDirectives: 'error' },
		plugins: { 'simple-import-sort': simpleImportSort },
		rules: {
			'simple-import-sort/imports': 'error',
			'simple-import-sort/exports': 'error',
		},
	},
	{
		files: ['**/*.ts'],
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { project: './tsconfig.json', tsconfigRootDir: fileURLToPath(new URL('.', import.meta.url)) },
		},
		plugins: { '@typescript-eslint': tseslint.plugin },
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-require-imports': 'error',
		},
	},
	{
		// The app logs through its logger only: Administration > Apps > Logs never shows a console line.
		files: ['TicketsApp.ts', 'src/**/*.ts'],
		rules: {
			'no-console': 'error',
		},
	},
	{
		files: ['test/host/console/js/**/*.js'],
		languageOptions: { sourceType: 'module' },
	},
	{
		files: ['scripts/**/*.js', 'test/support/**/*.js', '*.js'],
		languageOptions: { sourceType: 'commonjs' },
	},
);
