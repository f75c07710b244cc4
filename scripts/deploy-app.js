#!/usr/bin/env node
// Deploys the app to a Rocket.Chat server: builds the bundled zip (npm run package) or takes the
// one --zip names, then uploads it with rc-apps' own deploy code (apps-cli's deployHelpers), which
// installs the app, or updates it in place when the server has it (its settings and data stay).
// `rc-apps deploy` itself would re-package the raw folder, tests included and npm packages left
// out, and rewrite app.json; this script only reads app.json.
// Every refusal ends it with exit code 1 and the server's own reason; success says whether the
// app was installed or updated, and from which version.
//
// Usage: npm run deploy -- --url https://chat.example.com --username admin --password '…' [--code 123456] [--zip dist/tickets_0.1.0.zip]
//    or: npm run deploy -- --url … --token <personal access token> --userId <user id>
//    or: RC_URL=… RC_USERNAME=… RC_PASSWORD=… npm run deploy   (RC_TOKEN and RC_USER_ID work too)
'use strict';
const path = require('path');
const { execFileSync } = require('child_process');
const AdmZip = require('adm-zip');
const { FolderDetails } = require('@rocket.chat/apps-cli/lib/misc');
const deployHelpers = require('@rocket.chat/apps-cli/lib/misc/deployHelpers');
const { inputsDigest, upToDateZip } = require('./package-inputs');

const root = path.resolve(__dirname, '..');
const ENABLED = ['auto_enabled', 'manually_enabled'];

function option(name, envName) {
	const index = process.argv.indexOf(`--${name}`);
	if (index >= 0 && process.argv[index + 1]) {
		return process.argv[index + 1];
	}
	return process.env[envName] || undefined;
}

/** One call to the server's REST API: the status and the JSON answer (undefined when it is not JSON). */
async function call(url, method, pathname, { headers = {}, body } = {}) {
	const response = await fetch(deployHelpers.normalizeUrl(url, pathname), { method, headers, body });
	const text = await response.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, json, text };
}

/** The server's reason for an answer, in its own words. */
function reason(answer) {
	const said = answer.json && (answer.json.error || answer.json.message);
	return `${said || answer.text.slice(0, 200) || 'no reason given'} (HTTP ${answer.status})`;
}

/** What an admin can do about a refusal the server explains only by a key or a terse message. */
function hint(text) {
	if (/\[error-unauthorized\]/.test(text)) {
		return '\nThe user needs the manage-apps permission (Rocket.Chat gives it to the admin role).';
	}
	if (/\bUnauthorized\b/.test(text)) {
		return '\nCheck the username and password; with two-factor authentication on, add --code <code>.';
	}
	if (/You must be logged in/.test(text)) {
		return '\nThe personal access token or user id is wrong, or the token was removed.';
	}
	if (/Cannot_Update_Exempt_App/.test(text)) {
		return '\nRocket.Chat (7.0 and later) refuses to update a private app on a workspace without a license (Community). See the README, "Install on a real Rocket.Chat".';
	}
	return '';
}

/** The zip to deploy: --zip, else the one `npm run package` builds (rebuilt only when an input changed). */
function zipToDeploy(given) {
	if (given) {
		return path.resolve(given);
	}
	execFileSync('node', [path.join(__dirname, 'package-app.js')], { cwd: root, stdio: 'inherit' });
	const built = upToDateZip(root, inputsDigest(root));
	if (!built) {
		throw new Error('npm run package built no zip for the current sources (did a file change during the build?); run the deploy again');
	}
	return built;
}

/** Logs in (or checks the personal access token) as the deploy code would, but keeps the server's reason when it refuses. */
async function logIn(flags) {
	if (flags.token) {
		const me = await call(flags.url, 'GET', '/api/v1/me', { headers: { 'X-User-Id': flags.userId, 'X-Auth-Token': flags.token } });
		if (me.status !== 200 || !me.json || !me.json.success) {
			throw new Error(`The server refused the access token of user ${flags.userId}: ${reason(me)}${hint(reason(me))}`);
		}
		return { userId: flags.userId, authToken: flags.token };
	}
	const login = await call(flags.url, 'POST', '/api/v1/login', {
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ user: flags.username, password: flags.password, ...(flags.code ? { code: flags.code } : {}) }),
	});
	if (login.status !== 200 || !login.json || login.json.status !== 'success') {
		throw new Error(`The server refused the login of "${flags.username}": ${reason(login)}${hint(reason(login))}`);
	}
	return { userId: login.json.data.userId, authToken: login.json.data.authToken };
}

/** The app as the server has it (GET /api/apps/:id), or undefined when it has none. */
async function installedApp(flags, auth, appId) {
	const answer = await call(flags.url, 'GET', `/api/apps/${appId}`, { headers: { 'X-User-Id': auth.userId, 'X-Auth-Token': auth.authToken } });
	if (answer.status === 404) {
		return undefined;
	}
	if (answer.status !== 200 || !answer.json || !answer.json.app) {
		throw new Error(`The server refused to look the app up: ${reason(answer)}${hint(reason(answer))}`);
	}
	return answer.json.app;
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
	const zip = zipToDeploy(option('zip'));
	const info = JSON.parse(new AdmZip(zip).readAsText('app.json'));
	// Reads app.json (never writes it): the deploy code takes the app's id and permissions from it.
	const folder = new FolderDetails(root);
	await folder.readInfoFile();
	if (info.id !== folder.info.id) {
		throw new Error(`${zip} is not this app's package (its id is ${info.id}, app.json's ${folder.info.id})`);
	}
	const server = await deployHelpers.getServerInfo(folder, { ...flags });
	const auth = await logIn(flags);
	const before = await installedApp(flags, auth, info.id);
	process.stdout.write(`${before ? `Updating ${info.name} ${before.version} to ${info.version}` : `Installing ${info.name} ${info.version}`} on ${flags.url} (Rocket.Chat ${server.serverVersion || 'of unknown version'}) from ${path.relative(process.cwd(), zip)}…\n`);
	try {
		await deployHelpers.uploadApp({ url: flags.url, token: auth.authToken, userId: auth.userId }, folder, path.relative(root, zip));
	} catch (error) {
		// The deploy code wraps the server's answer in "Error: Deployment error: <error>".
		const said = String(error && error.message ? error.message : error).replace(/^(Error: )+/, '');
		throw new Error(`The server refused the ${before ? 'update' : 'upload'}: ${said}${hint(said)}`);
	}
	const after = await installedApp(flags, auth, info.id);
	if (!after) {
		throw new Error('The server accepted the upload, yet has no such app now');
	}
	const done = before ? `Updated ${info.name} from ${before.version} to ${after.version}` : `Installed ${info.name} ${after.version}`;
	if (!ENABLED.includes(after.status)) {
		throw new Error(`${done}, but it is not enabled (status "${after.status}"). Rocket.Chat 7.0 and later enable no private app on a workspace without a license (Community); `
			+ 'with a license, the app may be over its private-app limit, or was disabled by hand: see Administration > Apps > Tickets, and the README, "Install on a real Rocket.Chat".');
	}
	process.stdout.write(`${done}: enabled${before ? '; its settings and data are kept' : '. Set the App Secret under Administration > Apps > Tickets'}.\n`);
}

main().catch((error) => {
	process.stderr.write(`Deploy failed: ${error && error.message ? error.message : error}\n`);
	process.exit(1);
});
