// The runtime's import map points at the engine's TypeScript sources, which the npm
// tarball lacks; load the shipped CommonJS build instead.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const mod = require('../../definition/exceptions/AppsEngineException.js');

export const AppsEngineException = mod.AppsEngineException;
