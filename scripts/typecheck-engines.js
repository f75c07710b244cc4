#!/usr/bin/env node
// Type-checks against the type definitions of every engine of the matrix (engines.js) and of the
// newer engines npm has the definitions of only (TYPES_ONLY), or of the versions given as
// arguments. Against the matrix: the app, the host and the tests (the app is compiled against
// the newest, and must still compile against the oldest it supports: IMessage.files, for one, is
// missing before 1.62). Against TYPES_ONLY: the app's own code only (TicketsApp.ts, src/, types/),
// since the host and the tests import the engine's server side, which those packages lack.
//
// The 1.65/1.66 definitions were built with TypeScript 5 and re-export their type-only modules
// with `export type * from` (TS 5.0 syntax); TypeScript 4.9 reads that as `export *` (a grammar
// error inside node_modules, which skipLibCheck leaves unreported). That reading is exact for
// the app: every runtime value 1.62's definition indexes export is still exported at runtime.
// Those definitions import @rocket.chat/ui-kit (1.x when built); they get the project's 0.31, which
// the app never meets: it uses no UIKit type.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { MATRIX, TYPES_ONLY, typeTarget } = require('./engines');

const root = path.resolve(__dirname, '..');
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
/** What the app is built from (scripts/package-inputs.js stages the same), and its own typings. */
const APP_SOURCES = ['TicketsApp.ts', 'src/**/*.ts', 'types/**/*.d.ts'];

function configFor(target) {
	if (target.isDefault) {
		return path.join(root, 'tsconfig.json');
	}
	const dir = path.join(root, 'build');
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `tsconfig.engine-${target.version}.json`);
	const base = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
	const compilerOptions = { baseUrl: '..', paths: { '@rocket.chat/apps-engine/*': [`${path.relative(root, target.engineDir)}/*`] } };
	if (target.typesOnly) {
		// No jest globals: only the app's code is checked.
		compilerOptions.types = ['node'];
	}
	const include = target.typesOnly ? APP_SOURCES : base.include;
	fs.writeFileSync(file, `${JSON.stringify({
		extends: '../tsconfig.json',
		compilerOptions,
		include: include.map((pattern) => `../${pattern}`),
	}, null, '\t')}\n`);
	return file;
}

function main() {
	const versions = process.argv.slice(2).length ? process.argv.slice(2) : [...MATRIX, ...TYPES_ONLY].map((entry) => entry.version);
	let failed = 0;
	for (const version of versions) {
		const target = typeTarget(version);
		process.stdout.write(target.typesOnly
			? `typecheck the app against Apps-Engine ${version} (Rocket.Chat ${target.rocketChat}; type definitions only)\n`
			: `typecheck against Apps-Engine ${version}\n`);
		try {
			execFileSync(tsc, ['-p', configFor(target), '--noEmit'], { cwd: root, stdio: 'inherit' });
		} catch {
			failed++;
		}
	}
	process.exit(failed ? 1 : 0);
}

main();
