#!/usr/bin/env node
// Lets `npm start` and `npm test` work straight from a fresh clone: when the dependencies are
// not installed yet, installs them exactly as locked (`npm ci`, whose postinstall prepares the
// Deno runtime). Uses nothing but Node itself.
'use strict';
const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const marker = path.join(root, 'node_modules', '@rocket.chat', 'apps-engine', 'package.json');
if (!fs.existsSync(marker)) {
	process.stdout.write('Dependencies are not installed yet: running npm ci…\n');
	execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
