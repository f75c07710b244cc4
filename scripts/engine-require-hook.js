// Preloaded (`tsx --require`) by npm start and npm run bench: when ENGINE=<version> selects an
// older engine of the matrix (engines.js), the host's imports of @rocket.chat/apps-engine/* load
// that engine's package instead of the newest. Jest does the same with moduleNameMapper.
'use strict';
const Module = require('module');
const path = require('path');
const { selectedEngine } = require('./engines');

const engine = selectedEngine();
const PREFIX = '@rocket.chat/apps-engine/';

if (!engine.isDefault) {
	const resolve = Module._resolveFilename;
	Module._resolveFilename = function resolveToSelectedEngine(request, ...rest) {
		const mapped = typeof request === 'string' && request.startsWith(PREFIX) ? path.join(engine.engineDir, request.slice(PREFIX.length)) : request;
		return resolve.call(this, mapped, ...rest);
	};
}
