// Where the selected engine (ENGINE=<version>, see engines.js) lives, and the folder to put first
// on PATH so that the `deno` it spawns is the one Rocket.Chat ships with that engine.
'use strict';
const { selectedEngine } = require('./engines');

const { engineDir, denoPathDir } = selectedEngine();

module.exports = { engineDir, denoBinDir: denoPathDir };
