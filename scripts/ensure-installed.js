#!/usr/bin/env node
// Lets `npm start` and `npm test` work straight from a fresh clone: when the dependencies are
// not installed yet (or lack an engine of the test matrix), installs them exactly as locked
// (`npm ci`, whose postinstall prepares the Deno runtimes). Uses nothing but Node itself.
'use strict';
const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');
const { MATRIX } = require('./engines');

const root = path.resolve(__dirname, '..');
const packages = new Set(MATRIX.flatMap((entry) => [entry.packageName, entry.denoPackage]));
const missing = [...packages].filter((name) => !fs.existsSync(path.join(root, 'node_modules', name, 'package.json')));
if (missing.length > 0) {
	process.stdout.write(`Dependencies are not installed yet (${missing.join(', ')}): running npm ci…\n`);
	execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
