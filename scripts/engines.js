// The Apps-Engine versions the app is tested on (the matrix), where each one and the Deno it
// runs apps with live in node_modules, and which one this process uses: ENGINE=<version>
// (default: the newest). The older engines are npm aliases in package.json. Also the newer
// engines the app is only type-checked against (TYPES_ONLY): npm has their definitions only.
'use strict';
const path = require('path');

/*
 * rocketChat: the Rocket.Chat release that ships this engine.
 * spawnsDenoWithConfig: 1.62 runs `deno run --config=<engine>/deno-runtime/deno.jsonc …`; older
 *   engines run `deno run …` from PATH without it, so the host puts a small wrapper first on PATH
 *   that adds it (scripts/prepare-deno-runtime.js writes it).
 * integrationOnly: `npm run test:engines` runs only the integration suites there (the unit
 *   suites do not touch the engine).
 */
const MATRIX = [
	{ version: '1.62.0', rocketChat: '8.4', packageName: '@rocket.chat/apps-engine', denoPackage: '@deno/linux-x64-glibc', spawnsDenoWithConfig: true, integrationOnly: false },
	{ version: '1.59.0', rocketChat: '8.0', packageName: 'apps-engine-1.59.0', denoPackage: 'deno-1.46.3', spawnsDenoWithConfig: false, integrationOnly: true },
	{ version: '1.53.1', rocketChat: '7.8', packageName: 'apps-engine-1.53.1', denoPackage: 'deno-1.46.3', spawnsDenoWithConfig: false, integrationOnly: true },
];

/*
 * Engines newer than the matrix's that npm publishes as type definitions only: no server side
 * (AppManager, bridges) and no deno-runtime, so nothing runs on them and ENGINE= refuses them.
 * `npm run typecheck` checks the app's own code (TicketsApp.ts, src/, types/) against them; the
 * host and the tests import the engine's server side, absent there. npm has nothing between
 * 1.62.0 and 1.65.1 (no 1.63, no 1.64), nor 1.60 or 1.61.
 * rocketChat: the Rocket.Chat release that ships this engine (its GitHub release notes, "Engine
 *   versions": 8.7.3 ships 1.65.1; 8.8.0's release candidates ship 1.66.0-rc.0).
 */
const TYPES_ONLY = [
	{ version: '1.66.0', rocketChat: '8.8', packageName: 'apps-engine-1.66.0' },
	{ version: '1.65.1', rocketChat: '8.7', packageName: 'apps-engine-1.65.1' },
];

const DEFAULT_ENGINE = MATRIX[0].version;

function packageDir(name) {
	return path.dirname(require.resolve(`${name}/package.json`));
}

function installedVersion(dir) {
	return require(path.join(dir, 'package.json')).version;
}

/** Everything about one engine of the matrix: its folders, its Deno, the folder to put first on PATH. */
function engine(version) {
	const entry = MATRIX.find((candidate) => candidate.version === version);
	if (!entry) {
		throw new Error(`ENGINE=${version} is not one of the tested Apps-Engine versions: ${MATRIX.map((candidate) => candidate.version).join(', ')}`);
	}
	const engineDir = packageDir(entry.packageName);
	const denoDir = packageDir(entry.denoPackage);
	if (installedVersion(engineDir) !== entry.version) {
		throw new Error(`${entry.packageName} in node_modules is ${installedVersion(engineDir)}, not ${entry.version}: run npm ci`);
	}
	return {
		...entry,
		isDefault: entry.version === DEFAULT_ENGINE,
		engineDir,
		runtimeDir: path.join(engineDir, 'deno-runtime'),
		cacheDir: path.join(engineDir, '.deno-cache'),
		denoBinary: path.join(denoDir, 'deno'),
		denoVersion: installedVersion(denoDir),
		// The folder whose `deno` the engine finds on PATH.
		denoPathDir: entry.spawnsDenoWithConfig ? denoDir : path.join(engineDir, '.deno-bin'),
	};
}

/** An engine the app is type-checked against: one of the matrix, or one of TYPES_ONLY (`typesOnly: true`, its folder only). */
function typeTarget(version) {
	if (MATRIX.some((candidate) => candidate.version === version)) {
		return { ...engine(version), typesOnly: false };
	}
	const entry = TYPES_ONLY.find((candidate) => candidate.version === version);
	if (!entry) {
		throw new Error(`${version} is not an Apps-Engine the app is checked against: ${[...MATRIX, ...TYPES_ONLY].map((candidate) => candidate.version).join(', ')}`);
	}
	const engineDir = packageDir(entry.packageName);
	if (installedVersion(engineDir) !== entry.version) {
		throw new Error(`${entry.packageName} in node_modules is ${installedVersion(engineDir)}, not ${entry.version}: run npm ci`);
	}
	return { ...entry, isDefault: false, engineDir, typesOnly: true };
}

/** The engine this process runs: ENGINE=<version>, or the newest. */
function selectedEngine() {
	return engine(process.env.ENGINE || DEFAULT_ENGINE);
}

module.exports = { MATRIX, TYPES_ONLY, DEFAULT_ENGINE, engine, typeTarget, selectedEngine };
