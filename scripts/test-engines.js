#!/usr/bin/env node
// `npm run test:engines [-- <version>…]`: the test matrix. For every engine of engines.js (or the
// versions given): type-check against its definitions (without versions given, also against the
// engines npm has the definitions of only, TYPES_ONLY), then run jest with ENGINE=<version>: the
// whole suite on the newest engine, the integration suites (everything that runs the engine) on
// the older ones. The outage suite's downtime defaults to 10 s there (TICKETS_OUTAGE_SECONDS
// overrides it); the newest engine keeps the full 60 s. Runs every step, then fails if any did.
// The lint (`npm run lint`) runs once, after the type-check: it is the same on every engine.
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');
const { MATRIX, TYPES_ONLY, engine } = require('./engines');

const root = path.resolve(__dirname, '..');
const OLDER_ENGINE_OUTAGE_SECONDS = '10';

function run(label, command, args, env) {
	process.stdout.write(`\n=== ${label}\n`);
	const started = Date.now();
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	const ok = result.status === 0;
	return { label, ok, seconds: Math.round((Date.now() - started) / 1000) };
}

function main() {
	const versions = process.argv.slice(2).length ? process.argv.slice(2) : MATRIX.map((entry) => entry.version);
	const targets = versions.map((version) => engine(version));
	const results = [];
	// Without versions, the type check also covers the engines npm has the definitions of only.
	const checked = process.argv.slice(2).length ? versions : [...versions, ...TYPES_ONLY.map((entry) => entry.version)];
	results.push(run(`typecheck against ${checked.join(', ')}`, process.execPath, [path.join(__dirname, 'typecheck-engines.js'), ...checked], {}));
	results.push(run('lint (npm run lint)', path.join(root, 'node_modules', '.bin', 'eslint'), ['.'], {}));
	for (const target of targets) {
		const env = { ENGINE: target.version };
		if (target.integrationOnly && !process.env.TICKETS_OUTAGE_SECONDS) {
			env.TICKETS_OUTAGE_SECONDS = OLDER_ENGINE_OUTAGE_SECONDS;
		}
		const jestArgs = target.integrationOnly ? ['test/integration'] : [];
		const what = target.integrationOnly ? 'integration suites' : 'whole suite';
		results.push(run(`${what} on Apps-Engine ${target.version} (Rocket.Chat ${target.rocketChat}, Deno ${target.denoVersion})`,
			path.join(root, 'node_modules', '.bin', 'jest'), jestArgs, env));
	}
	process.stdout.write('\n=== test matrix\n');
	for (const result of results) {
		process.stdout.write(`${result.ok ? 'pass' : 'FAIL'}  ${String(result.seconds).padStart(4)} s  ${result.label}\n`);
	}
	process.exit(results.every((result) => result.ok) ? 0 : 1);
}

main();
