#!/usr/bin/env node
// Deploys the app to a real Rocket.Chat: builds the bundled zip (npm run package), then
// uploads it with rc-apps' own deploy code (login, install, or update when the app is
// already installed). `rc-apps deploy` itself would re-package the raw folder, tests
// included and npm packages left out, so it is driven through its helpers instead.
//
// Usage: npm run deploy -- --url https://chat.example.com --username admin --password '…' [--code 123456]
//    or: npm run deploy -- --url … --token <personal access token> --userId <user id>
//    or: RC_URL=… RC_USERNAME=… RC_PASSWORD=… npm run deploy   (RC_TOKEN and RC_USER_ID work too)
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { FolderDetails } = require('@rocket.chat/apps-cli/lib/misc');
const deployHelpers = require('@rocket.chat/apps-cli/lib/misc/deployHelpers');

function option(name, envName) {
	const index = process.argv.indexOf(`--${name}`);
	if (index >= 0 && process.argv[index + 1]) {
		return process.argv[index + 1];
	}
	return process.env[envName] || undefined;
}

async function main() {
	const flags = {
		url: option('url', 'RC_URL'),
		username: option('username', 'RC_USERNAME'),
		password: option('password', 'RC_PASSWORD'),
		token: option('token', 'RC_TOKEN'),
		userId: option('userId', 'RC_USER_ID'),
		code: option('code', 'RC_2FA_CODE'),
	};
	if (!flags.url || !((flags.username && flags.password) || (flags.token && flags.userId))) {
		process.stderr.write('Give the server URL and credentials: --url with --username and --password (or --token and --userId), or RC_URL, RC_USERNAME, RC_PASSWORD (RC_TOKEN, RC_USER_ID).\n');
		process.exit(2);
	}
	const root = path.resolve(__dirname, '..');
	execFileSync('node', [path.join(__dirname, 'package-app.js')], { cwd: root, stdio: 'inherit' });
	const zip = fs.readdirSync(path.join(root, 'dist')).find((name) => name.endsWith('.zip'));
	const folder = new FolderDetails(root);
	await folder.readInfoFile();
	const server = await deployHelpers.getServerInfo(folder, flags);
	process.stdout.write(`Deploying ${zip} to ${flags.url} (Rocket.Chat ${server.serverVersion || 'unknown version'})…\n`);
	await deployHelpers.uploadApp(server, folder, path.join('dist', zip));
	process.stdout.write('Deployed. Set the App Secret under Administration > Apps > Tickets.\n');
}

main().catch((error) => {
	process.stderr.write(`Deploy failed: ${error && error.message ? error.message : error}\n`);
	process.exit(1);
});
