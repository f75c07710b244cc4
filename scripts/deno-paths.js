// Where the Deno binary and the Apps-Engine live inside node_modules.
'use strict';
const path = require('path');

const engineDir = path.dirname(require.resolve('@rocket.chat/apps-engine/package.json'));
const denoBinDir = path.dirname(require.resolve('@deno/linux-x64-glibc/package.json'));

module.exports = { engineDir, denoBinDir };
