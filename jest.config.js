// Jest runs the suites against the engine ENGINE=<version> selects (scripts/engines.js; default
// the newest): the host's imports of @rocket.chat/apps-engine/* go to that engine's package.
'use strict';
const { selectedEngine } = require('./scripts/engines');

const engine = selectedEngine();

module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testTimeout: 60000,
	maxWorkers: 2,
	globalSetup: '<rootDir>/test/support/globalSetup.js',
	setupFilesAfterEnv: ['<rootDir>/test/support/failOnHostErrors.ts'],
	moduleNameMapper: engine.isDefault ? {} : { '^@rocket\\.chat/apps-engine/(.*)$': `${engine.engineDir}/$1` },
};
