#!/usr/bin/env node
// Prepares the Deno runtime of every Apps-Engine of the test matrix (engines.js) to run
// offline on this machine: points the jsr and deno.land imports at local shims, maps the one
// missing engine source file, gives the older engines the `deno` wrapper they need, and fills
// each engine's Deno cache from the npm registry. Idempotent and quick when done.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { MATRIX, engine } = require('./engines');

const shimSource = path.join(__dirname, 'deno-shims');

// Entries of the engines' import maps that would need the network (jsr, deno.land) or the
// engine's TypeScript sources (not in the npm tarball). An entry an engine does not use is harmless.
const importOverrides = {
	'@std/io': './local-shims/std_io.ts',
	'@std/streams': './local-shims/std_streams.ts',
	'@std/cli/parse-args': './local-shims/std_cli_parse_args.ts',
	'https://deno.land/std@0.216.0/io/write_all.ts': './local-shims/std_io.ts',
	'@rocket.chat/apps-engine/definition/exceptions/AppsEngineException.ts': './local-shims/apps_engine_exception.ts',
};
const removedImports = ['@std/io', '@std/streams', '@std/cli'];

/*
 * Engines before 1.62 spawn `deno run --allow-… <engine>/deno-runtime/main.ts …` from PATH without
 * the runtime's deno.jsonc, and Deno then refuses the TypeScript entry file under node_modules.
 * The wrapper adds the config and --cached-only (the cache is filled here, offline), which 1.62
 * passes itself.
 */
function wrapperScript(target) {
	const config = path.join(target.runtimeDir, 'deno.jsonc');
	return [
		'#!/bin/sh',
		`# Written by scripts/prepare-deno-runtime.js for Apps-Engine ${target.version}: adds the runtime's config to \`deno run\`.`,
		`DENO='${target.denoBinary}'`,
		'if [ "$1" = run ]; then',
		'\tshift',
		'\tcase " $* " in',
		`\t*" --cached-only "*) exec "$DENO" run '--config=${config}' "$@" ;;`,
		`\t*) exec "$DENO" run '--config=${config}' --cached-only "$@" ;;`,
		'\tesac',
		'fi',
		'exec "$DENO" "$@"',
		'',
	].join('\n');
}

function fingerprint(target) {
	const hash = crypto.createHash('sha256');
	for (const name of fs.readdirSync(shimSource).sort()) {
		hash.update(name).update(fs.readFileSync(path.join(shimSource, name)));
	}
	hash.update(JSON.stringify(importOverrides));
	hash.update(wrapperScript(target));
	hash.update(fs.readFileSync(path.join(target.engineDir, 'package.json')));
	hash.update(fs.readFileSync(path.join(path.dirname(target.denoBinary), 'package.json')));
	return hash.digest('hex');
}

function rewriteConfig(target) {
	const configPath = path.join(target.runtimeDir, 'deno.jsonc');
	const raw = fs.readFileSync(configPath, 'utf8');
	const config = JSON.parse(raw.replace(/^\s*\/\/.*$/gm, ''));
	for (const key of removedImports) {
		delete config.imports[key];
	}
	Object.assign(config.imports, importOverrides);
	fs.writeFileSync(configPath, `${JSON.stringify(config, null, '\t')}\n`);
	fs.rmSync(path.join(target.runtimeDir, 'deno.lock'), { force: true });
}

function copyShims(target) {
	const shimTarget = path.join(target.runtimeDir, 'local-shims');
	fs.mkdirSync(shimTarget, { recursive: true });
	for (const name of fs.readdirSync(shimSource)) {
		fs.copyFileSync(path.join(shimSource, name), path.join(shimTarget, name));
	}
}

function installDeno(target) {
	// npm does not keep the executable bit of every Deno tarball (1.46.3 comes without it).
	fs.chmodSync(target.denoBinary, 0o755);
	if (!target.spawnsDenoWithConfig) {
		fs.mkdirSync(target.denoPathDir, { recursive: true });
		fs.writeFileSync(path.join(target.denoPathDir, 'deno'), wrapperScript(target), { mode: 0o755 });
	}
}

function npmRegistry() {
	try {
		return execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
	} catch {
		return 'https://registry.npmjs.org/';
	}
}

function fillCache(target, registry) {
	// Deno 2 fills the cache with `install --entrypoint`; Deno 1 has only `cache`.
	const args = Number(target.denoVersion.split('.')[0]) >= 2
		? ['install', '--config=deno.jsonc', '--entrypoint', 'main.ts']
		: ['cache', '--config=deno.jsonc', 'main.ts'];
	execFileSync(target.denoBinary, args, {
		cwd: target.runtimeDir,
		stdio: 'inherit',
		env: {
			...process.env,
			DENO_DIR: target.cacheDir,
			NPM_CONFIG_REGISTRY: registry,
			DENO_TLS_CA_STORE: 'system',
			DENO_NO_UPDATE_CHECK: '1',
		},
	});
}

function prepare(target, registry) {
	const marker = path.join(target.cacheDir, '.tickets-prepared');
	const wanted = fingerprint(target);
	if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) {
		return false;
	}
	copyShims(target);
	rewriteConfig(target);
	installDeno(target);
	fillCache(target, registry());
	fs.writeFileSync(marker, wanted);
	process.stdout.write(`Deno runtime of Apps-Engine ${target.version} (Deno ${target.denoVersion}) prepared for offline use.\n`);
	return true;
}

function main() {
	let registry;
	const lazyRegistry = () => (registry = registry || npmRegistry());
	for (const { version } of MATRIX) {
		prepare(engine(version), lazyRegistry);
	}
}

main();
