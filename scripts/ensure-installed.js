#!/usr/bin/env node
// Lets `npm start` and `npm test` work straight from a fresh clone, or from a checkout whose
// package.json gained a dependency since the last install: when any dependency of package.json
// (the engines of the test matrix, their Deno, the browser the browser tests use included) is
// missing from node_modules, installs them exactly as locked (`npm ci`, whose postinstall
// prepares the Deno runtimes). Uses nothing but Node itself.
'use strict';
const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const manifest = require(path.join(root, 'package.json'));
const packages = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
const missing = packages.filter((name) => !fs.existsSync(path.join(root, 'node_modules', name, 'package.json')));
if (missing.length > 0) {
	process.stdout.write(`Dependencies are not installed yet (${missing.join(', ')}): running npm ci…\n`);
	execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
