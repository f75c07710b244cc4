#!/usr/bin/env node
// Builds the installable zip into dist/: stages only what the app needs (no tests, no
// host, no scripts), compiles it with `rc-apps package`, then bundles the compiled files
// and the npm packages they use into one file, as Rocket.Chat's Deno runtime expects.
// One zip for every supported engine: the bundle is ES2017 (Apps-Engine 1.53 and older parse
// the app as ES2017 before running it; the build fails loudly when it would not parse), and
// app.json keeps the oldest supported engine as requiredApiVersion.
// Nothing is rebuilt when no input changed since the last build (package-inputs.js); `--force`
// rebuilds all the same.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const AdmZip = require('adm-zip');
const esbuild = require('esbuild');
const { assertParsesAsEs2017 } = require('./es2017');
const { APP_FILES, inputsDigest, recordBuild, upToDateZip } = require('./package-inputs');

const root = path.resolve(__dirname, '..');
// A staging folder per process, so parallel builds (two test runs) never share one.
const stage = path.join(root, 'build', `package-src-${process.pid}`);

function stageSources() {
	fs.rmSync(stage, { recursive: true, force: true });
	fs.mkdirSync(stage, { recursive: true });
	for (const name of APP_FILES) {
		fs.cpSync(path.join(root, name), path.join(stage, name), { recursive: true });
	}
	fs.symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
}

function compile() {
	execFileSync(path.join(root, 'node_modules', '.bin', 'rc-apps'), ['package'], { cwd: stage, stdio: ['ignore', 'ignore', 'inherit'] });
	const built = fs.readdirSync(path.join(stage, 'dist')).filter((name) => name.endsWith('.zip'));
	if (built.length !== 1) {
		throw new Error(`rc-apps package produced ${built.length} zips`);
	}
	return { name: built[0], zip: new AdmZip(path.join(stage, 'dist', built[0])) };
}

function bundle(compiled) {
	const out = path.join(stage, 'compiled');
	compiled.extractAllTo(out, true);
	const classFile = JSON.parse(compiled.readAsText('app.json')).classFile.replace(/\.ts$/, '.js');
	const result = esbuild.buildSync({
		entryPoints: [path.join(out, classFile)],
		bundle: true,
		write: false,
		platform: 'node',
		format: 'cjs',
		target: 'es2017',
		external: ['@rocket.chat/apps-engine/*'],
		nodePaths: [path.join(root, 'node_modules')],
		legalComments: 'inline',
		logLevel: 'error',
	});
	const code = result.outputFiles[0].text;
	assertParsesAsEs2017(code, `the bundle ${classFile}`);
	return { classFile, code };
}

// The zip keeps app.json's own requiredApiVersion, the oldest supported engine, whatever rc-apps
// wrote: it rewrites the staged copy to the apps-engine version of package.json unless that range
// starts at app.json's version (FolderDetails.matchAppsEngineVersion; package.json sees to it).
function manifest(compiledManifest) {
	const info = JSON.parse(compiledManifest.toString('utf8'));
	info.requiredApiVersion = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')).requiredApiVersion;
	return Buffer.from(JSON.stringify(info, null, 4));
}

function main() {
	const digest = inputsDigest(root);
	const current = process.argv.includes('--force') ? undefined : upToDateZip(root, digest);
	if (current) {
		process.stdout.write(`${path.relative(root, current)} (up to date: no input changed since it was built)\n`);
		return;
	}
	stageSources();
	const { name, zip } = compile();
	const { classFile, code } = bundle(zip);
	const final = new AdmZip();
	for (const entry of zip.getEntries()) {
		if (entry.entryName === 'app.json') {
			final.addFile(entry.entryName, manifest(entry.getData()));
		} else if (!entry.isDirectory && !entry.entryName.endsWith('.js')) {
			final.addFile(entry.entryName, entry.getData());
		}
	}
	final.addFile(classFile, Buffer.from(code));
	fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
	const target = path.join(root, 'dist', name);
	const temporary = `${target}.${process.pid}.tmp`;
	final.writeZip(temporary);
	fs.renameSync(temporary, target);
	recordBuild(root, digest, name);
	fs.rmSync(stage, { recursive: true, force: true });
	process.stdout.write(`${path.relative(root, target)}\n`);
}

main();
