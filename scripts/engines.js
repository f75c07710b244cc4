// The Apps-Engine versions the app is tested on (the matrix), where each one and the Deno it
// runs apps with live in node_modules, and which one this process uses: ENGINE=<version>
// (default: the newest). The older engines are npm aliases in package.json.
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

/** The engine this process runs: ENGINE=<version>, or the newest. */
function selectedEngine() {
	return engine(process.env.ENGINE || DEFAULT_ENGINE);
}

module.exports = { MATRIX, DEFAULT_ENGINE, engine, selectedEngine };
