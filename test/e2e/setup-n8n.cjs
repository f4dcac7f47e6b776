#!/usr/bin/env node
'use strict';
// Prepares Node 24 and n8n 2.41.1 in a cache folder outside the repo, so the
// end-to-end suite can run a real n8n. A completion marker is written last and
// the install is verified (binary runs, sqlite3 binding loads) before it is
// trusted; anything half-finished is wiped and installed again.
//
//   node test/e2e/setup-n8n.cjs            install if needed, print the paths as JSON
//   require('./setup-n8n.cjs').ensureN8n() same, from code
//
// Plain CommonJS on purpose: n8n's lint rules forbid fs/child_process/process in .ts files.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const N8N_VERSION = '2.41.1';
const NODE_MAJOR = '24';
const MARKER_VERSION = 1;

function cacheRoot() {
	return process.env.N8N_E2E_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-huaweicloud-ocr');
}

function layout(root = cacheRoot()) {
	const nodeDir = path.join(root, `node${NODE_MAJOR}`);
	const n8nDir = path.join(root, `n8n-${N8N_VERSION}`);
	return {
		root,
		nodeDir,
		n8nDir,
		marker: path.join(root, `.complete-n8n-${N8N_VERSION}`),
		lock: path.join(root, '.install.lock'),
		n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

/** Finds the directory of the Node 24 distribution (bin/node + include/node) inside the node@24 package. */
function findNodeDist(nodeDir) {
	const candidates = [
		path.join(nodeDir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`),
		path.join(nodeDir, 'node_modules', `node-${process.platform}-${process.arch}`),
	];
	return candidates.find((dir) => fs.existsSync(path.join(dir, 'bin', 'node')));
}

function run(command, args, options) {
	const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });
	if (result.status !== 0) {
		const output = `${result.stdout || ''}\n${result.stderr || ''}`.trim().split('\n').slice(-30).join('\n');
		throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${output}`);
	}
	return result.stdout;
}

function log(message) {
	process.stderr.write(`[setup-n8n] ${message}\n`);
}

/** Returns the verified paths, or undefined when the cached install is missing or broken. */
function verify(paths) {
	if (!fs.existsSync(paths.marker)) return undefined;
	const nodeDist = findNodeDist(paths.nodeDir);
	if (!nodeDist) return undefined;
	const nodeBin = path.join(nodeDist, 'bin', 'node');
	const probe = `
		const v = process.versions.node.split('.')[0];
		if (v !== '${NODE_MAJOR}') throw new Error('node ' + v);
		const pkg = require(${JSON.stringify(path.join(paths.n8nDir, 'node_modules', 'n8n', 'package.json'))});
		if (pkg.version !== '${N8N_VERSION}') throw new Error('n8n ' + pkg.version);
		const sqlite3 = require(${JSON.stringify(path.join(paths.n8nDir, 'node_modules', 'sqlite3'))});
		const db = new sqlite3.Database(':memory:');
		db.get('select 41 + 1 as answer', (err, row) => {
			if (err || row.answer !== 42) { console.error(err || row); process.exit(1); }
			db.close(() => console.log('ok'));
		});`;
	const result = spawnSync(nodeBin, ['-e', probe], { encoding: 'utf8', cwd: paths.n8nDir });
	if (result.status !== 0 || result.stdout.trim() !== 'ok') {
		const lines = (result.stderr || result.stdout).trim().split('\n');
		log(`cached install failed verification: ${lines.find((line) => /error/i.test(line)) ?? lines[0]}`);
		return undefined;
	}
	if (!fs.existsSync(paths.n8nBin)) return undefined;
	return { ...paths, nodeDist, nodeBin };
}

function freshFolder(dir) {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	// Own package.json and .npmrc: an install here must not pick up any project's settings.
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(dir), private: true }, null, 2));
	fs.writeFileSync(path.join(dir, '.npmrc'), 'fund=false\naudit=false\nupdate-notifier=false\n');
}

function install(paths) {
	fs.rmSync(paths.marker, { force: true });
	// Under `npm run`, npm exports the project's settings (ignore-scripts, local prefix, nodedir…) as
	// npm_* variables; none of them may leak into an install that belongs to the cache folder.
	const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
	Object.assign(npmEnv, { CI: 'true', npm_config_yes: 'true', npm_config_ignore_scripts: 'false' });

	let started = Date.now();
	log(`installing node@${NODE_MAJOR} into ${paths.nodeDir}`);
	freshFolder(paths.nodeDir);
	run('npm', ['install', '--no-save', `node@${NODE_MAJOR}`], { cwd: paths.nodeDir, env: npmEnv });
	const nodeDist = findNodeDist(paths.nodeDir);
	if (!nodeDist) throw new Error(`node@${NODE_MAJOR} installed, but no bin/node was found under ${paths.nodeDir}`);
	if (!fs.existsSync(path.join(nodeDist, 'include', 'node', 'node.h'))) {
		throw new Error(`Node ${NODE_MAJOR} headers are missing in ${nodeDist}/include/node`);
	}
	log(`node ready in ${Math.round((Date.now() - started) / 1000)} s`);

	started = Date.now();
	log(`installing n8n@${N8N_VERSION} into ${paths.n8nDir} (several minutes)`);
	freshFolder(paths.n8nDir);
	const n24Env = {
		...npmEnv,
		PATH: `${path.join(nodeDist, 'bin')}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: nodeDist,
	};
	// Scripts off: some optional natives (kafka, profilers) download from the internet while building.
	run('npm', ['install', '--no-save', `n8n@${N8N_VERSION}`, '--ignore-scripts'], { cwd: paths.n8nDir, env: n24Env });
	log(`n8n installed in ${Math.round((Date.now() - started) / 1000)} s; building sqlite3 against Node ${NODE_MAJOR}`);
	started = Date.now();
	run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], { cwd: paths.n8nDir, env: n24Env });
	log(`sqlite3 built in ${Math.round((Date.now() - started) / 1000)} s`);

	fs.writeFileSync(
		paths.marker,
		JSON.stringify({ markerVersion: MARKER_VERSION, n8n: N8N_VERSION, nodeDist, finishedAt: new Date().toISOString() }, null, 2),
	);
}

/** Waits for the cross-process install lock (a directory), breaking it when its owner is gone. */
function withLock(lockDir, fn) {
	const deadline = Date.now() + 30 * 60 * 1000;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {
				// pid not written yet
			}
			if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) {
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`timed out waiting for the install lock ${lockDir}`);
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
		}
	}
	try {
		return fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** Ensures Node 24 + n8n are installed and verified; returns their paths. */
function ensureN8n() {
	const paths = layout();
	const cached = verify(paths);
	if (cached) return cached;
	fs.mkdirSync(paths.root, { recursive: true });
	return withLock(paths.lock, () => {
		const again = verify(paths); // another process may have finished meanwhile
		if (again) return again;
		const started = Date.now();
		install(paths);
		const verified = verify(paths);
		if (!verified) throw new Error('n8n was installed but failed verification; see the messages above');
		log(`n8n ${N8N_VERSION} ready in ${Math.round((Date.now() - started) / 1000)} s`);
		return verified;
	});
}

module.exports = { ensureN8n, layout, verify, N8N_VERSION };

if (require.main === module) {
	const started = Date.now();
	try {
		const paths = ensureN8n();
		log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		process.stdout.write(`${JSON.stringify(paths, null, 2)}\n`);
	} catch (error) {
		log(error.message);
		process.exit(1);
	}
}
