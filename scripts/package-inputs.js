// What the zip is built from, and a digest of it: `npm run package` (and so `npm start` and the
// test runs) rebuilds only when the digest differs from the one recorded with the last build.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

/** The app's own files (staged into the zip), relative to the project root. */
const APP_FILES = ['app.json', 'package.json', 'TicketsApp.ts', 'icon.png', 'src', 'i18n'];
/**
 * Everything else that changes the zip: the locked and the installed dependency versions
 * (the bundle carries npm packages; rc-apps, esbuild and TypeScript build it) and the build
 * scripts themselves.
 */
const BUILD_FILES = ['package-lock.json', path.join('node_modules', '.package-lock.json'), path.join('scripts', 'package-app.js'), path.join('scripts', 'package-inputs.js'), path.join('scripts', 'es2017.js')];
/** Where the digest of the inputs of the zip in dist/ is recorded. */
const RECORD = path.join('dist', '.package-inputs.json');

function filesUnder(root, relative) {
	const full = path.join(root, relative);
	if (!fs.existsSync(full)) {
		return [];
	}
	if (!fs.statSync(full).isDirectory()) {
		return [relative];
	}
	return fs.readdirSync(full).sort().flatMap((name) => filesUnder(root, path.join(relative, name)));
}

/** SHA-256 over every input file's path and bytes, in a fixed order; a missing file counts as absent. */
function inputsDigest(root) {
	const hash = crypto.createHash('sha256');
	for (const relative of [...APP_FILES, ...BUILD_FILES].flatMap((name) => filesUnder(root, name))) {
		const bytes = fs.readFileSync(path.join(root, relative));
		hash.update(`${relative.split(path.sep).join('/')}\0${bytes.length}\0`);
		hash.update(bytes);
	}
	return hash.digest('hex');
}

/** The zip in dist/ when it was built from exactly these inputs, else undefined. */
function upToDateZip(root, digest) {
	let record;
	try {
		record = JSON.parse(fs.readFileSync(path.join(root, RECORD), 'utf8'));
	} catch {
		return undefined;
	}
	const zip = record && typeof record.zip === 'string' ? path.join(root, 'dist', record.zip) : undefined;
	return record.digest === digest && zip && fs.existsSync(zip) ? zip : undefined;
}

function recordBuild(root, digest, zipName) {
	const target = path.join(root, RECORD);
	const temporary = `${target}.${process.pid}.tmp`;
	fs.writeFileSync(temporary, `${JSON.stringify({ digest, zip: zipName }, null, 2)}\n`);
	fs.renameSync(temporary, target);
}

module.exports = { APP_FILES, inputsDigest, upToDateZip, recordBuild };
