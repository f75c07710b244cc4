#!/usr/bin/env node
// Type-checks the app, the host and the tests against the type definitions of every engine of
// the matrix (engines.js), or of the versions given as arguments: the app is compiled against
// the newest, and must still compile against the oldest it supports (IMessage.files, for one,
// is missing before 1.62).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { MATRIX, engine } = require('./engines');

const root = path.resolve(__dirname, '..');
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');

function configFor(target) {
	if (target.isDefault) {
		return path.join(root, 'tsconfig.json');
	}
	const dir = path.join(root, 'build');
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `tsconfig.engine-${target.version}.json`);
	const base = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
	fs.writeFileSync(file, `${JSON.stringify({
		extends: '../tsconfig.json',
		compilerOptions: { baseUrl: '..', paths: { '@rocket.chat/apps-engine/*': [`${path.relative(root, target.engineDir)}/*`] } },
		include: base.include.map((pattern) => `../${pattern}`),
	}, null, '\t')}\n`);
	return file;
}

function main() {
	const versions = process.argv.slice(2).length ? process.argv.slice(2) : MATRIX.map((entry) => entry.version);
	let failed = 0;
	for (const version of versions) {
		const target = engine(version);
		process.stdout.write(`typecheck against Apps-Engine ${version}\n`);
		try {
			execFileSync(tsc, ['-p', configFor(target), '--noEmit'], { cwd: root, stdio: 'inherit' });
		} catch {
			failed++;
		}
	}
	process.exit(failed ? 1 : 0);
}

main();
