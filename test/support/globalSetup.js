// Builds the app package once per test run; every integration test installs that zip.
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async () => {
	const root = path.resolve(__dirname, '..', '..');
	execFileSync('node', [path.join(root, 'scripts', 'prepare-deno-runtime.js')], { stdio: 'inherit' });
	execFileSync('node', [path.join(root, 'scripts', 'package-app.js')], { stdio: ['ignore', 'ignore', 'inherit'] });
};
