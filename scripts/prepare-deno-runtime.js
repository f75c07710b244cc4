#!/usr/bin/env node
// Prepares the Apps-Engine's Deno runtime to run offline on this machine:
// points the jsr imports at local shims, maps the one missing engine source file,
// and fills the Deno cache from the npm registry. Idempotent and quick when done.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { denoBinDir, engineDir } = require('./deno-paths');

const runtimeDir = path.join(engineDir, 'deno-runtime');
const shimSource = path.join(__dirname, 'deno-shims');
const shimTarget = path.join(runtimeDir, 'local-shims');
const configPath = path.join(runtimeDir, 'deno.jsonc');
const cacheDir = path.join(engineDir, '.deno-cache');
const marker = path.join(cacheDir, '.tickets-prepared');

const importOverrides = {
	'@std/io': './local-shims/std_io.ts',
	'@std/streams': './local-shims/std_streams.ts',
	'@std/cli/parse-args': './local-shims/std_cli_parse_args.ts',
	'@rocket.chat/apps-engine/definition/exceptions/AppsEngineException.ts': './local-shims/apps_engine_exception.ts',
};

function fingerprint() {
	const hash = crypto.createHash('sha256');
	for (const name of fs.readdirSync(shimSource).sort()) {
		hash.update(name).update(fs.readFileSync(path.join(shimSource, name)));
	}
	hash.update(JSON.stringify(importOverrides));
	hash.update(fs.readFileSync(path.join(engineDir, 'package.json')));
	hash.update(fs.readFileSync(path.join(denoBinDir, 'package.json')));
	return hash.digest('hex');
}

function rewriteConfig() {
	const raw = fs.readFileSync(configPath, 'utf8');
	const config = JSON.parse(raw.replace(/^\s*\/\/.*$/gm, ''));
	for (const key of ['@std/io', '@std/streams', '@std/cli']) {
		delete config.imports[key];
	}
	Object.assign(config.imports, importOverrides);
	fs.writeFileSync(configPath, `${JSON.stringify(config, null, '\t')}\n`);
	fs.rmSync(path.join(runtimeDir, 'deno.lock'), { force: true });
}

function copyShims() {
	fs.mkdirSync(shimTarget, { recursive: true });
	for (const name of fs.readdirSync(shimSource)) {
		fs.copyFileSync(path.join(shimSource, name), path.join(shimTarget, name));
	}
}

function npmRegistry() {
	try {
		return execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
	} catch {
		return 'https://registry.npmjs.org/';
	}
}

function fillCache() {
	execFileSync(path.join(denoBinDir, 'deno'), ['install', '--config=deno.jsonc', '--entrypoint', 'main.ts'], {
		cwd: runtimeDir,
		stdio: 'inherit',
		env: {
			...process.env,
			DENO_DIR: cacheDir,
			NPM_CONFIG_REGISTRY: npmRegistry(),
			DENO_TLS_CA_STORE: 'system',
			DENO_NO_UPDATE_CHECK: '1',
		},
	});
}

function main() {
	const wanted = fingerprint();
	if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) {
		return;
	}
	copyShims();
	rewriteConfig();
	fillCache();
	fs.writeFileSync(marker, wanted);
	process.stdout.write('Deno runtime prepared for offline use.\n');
}

main();
