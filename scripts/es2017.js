// The parse Apps-Engine 1.53 and older run on the app's code before loading it
// (deno-runtime/lib/ast/mod.ts: acorn 8.10.0, ecmaVersion 2017, these options). Anything newer
// (`?.`, `??`, object spread, a lookbehind or named group in a regular expression literal…)
// makes the install fail on those servers.
'use strict';
const acorn = require('acorn');

const ENGINE_PARSE_OPTIONS = {
	ecmaVersion: 2017,
	allowReserved: true,
	allowReturnOutsideFunction: true,
	allowImportExportEverywhere: true,
	allowAwaitOutsideFunction: true,
	allowSuperOutsideMethod: true,
};

/** Throws, naming the problem and showing the code around it, when `code` does not parse as ES2017. */
function assertParsesAsEs2017(code, fileName) {
	try {
		acorn.parse(code, ENGINE_PARSE_OPTIONS);
	} catch (error) {
		const at = typeof error.pos === 'number' ? error.pos : 0;
		const excerpt = code.slice(Math.max(0, at - 80), at + 80).replace(/\s+/g, ' ');
		throw new Error(`${fileName} does not parse as ES2017, so Apps-Engine 1.47–1.53 would refuse to install it: ${error.message}\n  near: …${excerpt}…`);
	}
}

module.exports = { assertParsesAsEs2017 };
