#!/usr/bin/env node
'use strict';
// `npm run test:e2e`: the real-n8n suite once per n8n version (N8N_E2E_VERSIONS, comma separated,
// default setup-n8n.cjs's E2E_VERSIONS). Each leg installs its n8n into the cache if needed, then
// runs jest with N8N_E2E_VERSION set, so prepare() in n8n.cjs boots that version. Extra arguments
// go to jest (e.g. a test path or -t). Prints install and run times per version at the end.

const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ensureN8n, e2eVersions } = require('./setup-n8n.cjs');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const seconds = (ms) => `${Math.round(ms / 1000)} s`;

function main() {
	const versions = e2eVersions();
	const legs = [];
	for (const version of versions) {
		process.stderr.write(`\n[e2e] n8n ${version}\n`);
		let started = Date.now();
		ensureN8n(version);
		const install = Date.now() - started;
		started = Date.now();
		const jest = spawnSync(
			process.execPath,
			[require.resolve('jest/bin/jest', { paths: [REPO_ROOT] }), '-c', 'test/e2e/jest.config.js', ...process.argv.slice(2)],
			{ cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, N8N_E2E_VERSION: version } },
		);
		legs.push({ version, install, run: Date.now() - started, passed: jest.status === 0 });
	}
	process.stderr.write('\n[e2e] n8n version   install (cache check)   suite   result\n');
	for (const leg of legs) {
		const row = [leg.version.padEnd(15), seconds(leg.install).padEnd(23), seconds(leg.run).padEnd(7), leg.passed ? 'passed' : 'FAILED'];
		process.stderr.write(`[e2e] ${row.join(' ')}\n`);
	}
	return legs.every((leg) => leg.passed) ? 0 : 1;
}

try {
	process.exitCode = main();
} catch (error) {
	process.stderr.write(`[e2e] ${error.message}\n`);
	process.exitCode = 1;
}
