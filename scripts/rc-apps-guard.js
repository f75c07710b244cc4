#!/usr/bin/env node
// Puts a guard in front of the project's rc-apps (node_modules/.bin/rc-apps, what `npx rc-apps`
// runs): in a Tickets checkout, `rc-apps deploy`, `package`, `watch` and `submit` stop at once
// with one line saying to use `npm run deploy`, before rc-apps reads or writes anything.
// Everywhere else, and for its other commands, rc-apps runs as installed.
//
// Why: rc-apps 1.9.0 compiles the folder's TypeScript itself and does not bundle the npm
// packages the app uses (emoji-toolkit, mime-types, node-emoji), so what it would upload is not
// a working app; it fails in a Tickets checkout ('There must be an exported class "TicketsApp"')
// anyway, misleadingly. (That no rc-apps, this guard or not, rewrites app.json on the way is
// package.json's doing: its @rocket.chat/apps-engine range starts at app.json's requiredApiVersion,
// so FolderDetails.matchAppsEngineVersion finds nothing to "fix".) `npm run package` stages the
// app's files into build/ and runs rc-apps there: a folder without scripts/, which the guard
// lets through.
//
// Run by `npm ci`/`npm install` (postinstall) and before the tests (pretest); idempotent. It
// writes the guard into apps-cli's bin/ folder and points node_modules/.bin/rc-apps at it: npm
// replaces a link into the package's own folder without complaint when it relinks the package
// (the guard is gone until the next install then; `node scripts/rc-apps-guard.js` puts it back).
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const BIN_LINK = path.join(root, 'node_modules', '.bin', 'rc-apps');
const CLI_BIN = path.join(root, 'node_modules', '@rocket.chat', 'apps-cli', 'bin');
const GUARD_NAME = 'tickets-guard';

/** The one line rc-apps prints in a Tickets checkout instead of building. */
const MESSAGE = 'rc-apps cannot build Tickets (it would leave out the npm packages the app bundles): '
	+ 'use `npm run deploy` (`npm run package` for the zip); nothing was changed.';
/** The rc-apps commands that package the folder (and would rewrite app.json first). */
const STOPPED_COMMANDS = ['deploy', 'package', 'p', 'pack', 'watch', 'submit'];

/** The guard itself, a program of its own next to rc-apps' bin/run (it must not need this repository). */
function guardSource() {
	return [
		'#!/usr/bin/env node',
		'// Written by scripts/rc-apps-guard.js of Tickets (npm postinstall): in a Tickets checkout,',
		'// rc-apps must not build the app; anywhere else this is rc-apps (./run) unchanged.',
		'\'use strict\';',
		'const fs = require(\'fs\');',
		'const path = require(\'path\');',
		'',
		'function isTicketsCheckout(dir) {',
		'\ttry {',
		'\t\treturn JSON.parse(fs.readFileSync(path.join(dir, \'package.json\'), \'utf8\')).name === \'tickets-rocketchat-app\'',
		'\t\t\t&& fs.existsSync(path.join(dir, \'scripts\', \'package-app.js\'));',
		'\t} catch {',
		'\t\treturn false;',
		'\t}',
		'}',
		'',
		'const command = process.argv.slice(2).find((arg) => !arg.startsWith(\'-\'));',
		`if (${JSON.stringify(STOPPED_COMMANDS)}.includes(command) && isTicketsCheckout(process.cwd())) {`,
		`\tprocess.stderr.write(${JSON.stringify(`${MESSAGE}\n`)});`,
		'\tprocess.exit(1);',
		'}',
		'require(\'./run\');',
		'',
	].join('\n');
}

function install() {
	if (!fs.existsSync(path.join(CLI_BIN, 'run'))) {
		return false;
	}
	const guard = path.join(CLI_BIN, GUARD_NAME);
	const source = guardSource();
	if (!fs.existsSync(guard) || fs.readFileSync(guard, 'utf8') !== source) {
		fs.writeFileSync(guard, source, { mode: 0o755 });
	}
	fs.chmodSync(guard, 0o755);
	const target = path.relative(path.dirname(BIN_LINK), guard);
	let current;
	try {
		current = fs.readlinkSync(BIN_LINK);
	} catch {
		current = undefined;
	}
	if (current !== target) {
		fs.mkdirSync(path.dirname(BIN_LINK), { recursive: true });
		const temporary = `${BIN_LINK}.${process.pid}.tmp`;
		fs.symlinkSync(target, temporary);
		fs.renameSync(temporary, BIN_LINK);
	}
	return true;
}

if (require.main === module) {
	install();
}

module.exports = { MESSAGE, STOPPED_COMMANDS, install };
