#!/usr/bin/env node
'use strict';
// Prepares Node 24 and n8n (one folder per n8n version) in a cache folder outside
// the repo, so the end-to-end suite can run a real n8n. A completion marker is
// written last and the install is verified (binary runs, sqlite3 binding loads)
// before it is trusted; anything half-finished is wiped and installed again.
// Node 24 is shared by every n8n version and only installed when it is missing.
//
//   node test/e2e/setup-n8n.cjs [version…]         install if needed, print the paths as JSON
//                                                  (no version given: N8N_E2E_VERSIONS' versions
//                                                  when set, as `npm run test:e2e` reads it, else
//                                                  the default n8n)
//   require('./setup-n8n.cjs').ensureN8n(version)  same, from code (default: N8N_VERSION)
//
// The versions the suite runs on (N8N_E2E_VERSIONS) are listed in E2E_VERSIONS below.
//
// Plain CommonJS on purpose: n8n's lint rules forbid fs/child_process/process in .ts files.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

/** The default n8n: the 2.x line the package is developed against. */
const N8N_VERSION = '2.41.1';
/**
 * Every n8n the end-to-end suite runs on by default: the current 2.x, the newest 1.x, and the
 * oldest n8n the package is known to work on (README "Compatibility"; package.json's n8n block).
 */
const E2E_VERSIONS = [N8N_VERSION, '1.123.81', '1.100.1'];
const NODE_MAJOR = '24';
const MARKER_VERSION = 1;
/**
 * n8n 1.x depends on `xlsx` as a tarball from cdn.sheetjs.com, which is unreachable here; the
 * registry's last build of it (0.18.5) is the same API. Harmless for versions that don't use it.
 */
const INSTALL_OVERRIDES = { xlsx: '0.18.5' };

/** The versions to test: N8N_E2E_VERSIONS (comma separated) or E2E_VERSIONS. */
function e2eVersions(env = process.env) {
	const listed = (env.N8N_E2E_VERSIONS || '')
		.split(',')
		.map((version) => version.trim())
		.filter(Boolean);
	const versions = listed.length > 0 ? listed : E2E_VERSIONS;
	const invalid = versions.filter((version) => !/^\d+\.\d+\.\d+$/.test(version));
	if (invalid.length > 0) throw new Error(`N8N_E2E_VERSIONS must list exact versions like 1.123.81, not: ${invalid.join(', ')}`);
	return versions;
}

/** What the command line installs: the versions it names, else N8N_E2E_VERSIONS' when set, else the default n8n. */
function versionsToInstall(args, env = process.env) {
	if (args.length > 0) return args;
	return (env.N8N_E2E_VERSIONS || '').trim() ? e2eVersions(env) : [N8N_VERSION];
}

function cacheRoot() {
	return process.env.N8N_E2E_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-huaweicloud-ocr');
}

function layout(root = cacheRoot(), version = N8N_VERSION) {
	const nodeDir = path.join(root, `node${NODE_MAJOR}`);
	const n8nDir = path.join(root, `n8n-${version}`);
	return {
		root,
		version,
		nodeDir,
		n8nDir,
		marker: path.join(root, `.complete-n8n-${version}`),
		// One lock per n8n version, so versions install side by side; Node 24 has its own.
		lock: path.join(root, `.install-n8n-${version}.lock`),
		nodeLock: path.join(root, '.install.lock'),
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
		if (pkg.version !== '${paths.version}') throw new Error('n8n ' + pkg.version);
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

function freshFolder(dir, manifest = {}) {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	// Own package.json and .npmrc: an install here must not pick up any project's settings.
	const name = path.basename(dir).replace(/[^a-z0-9-]/gi, '-');
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, ...manifest }, null, 2));
	fs.writeFileSync(path.join(dir, '.npmrc'), 'fund=false\naudit=false\nupdate-notifier=false\n');
}

/**
 * Under `npm run`, npm exports the project's settings (ignore-scripts, local prefix, nodedir…) as
 * npm_* variables; none of them may leak into an install that belongs to the cache folder.
 */
function cleanNpmEnv() {
	const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
	return Object.assign(npmEnv, { CI: 'true', npm_config_yes: 'true', npm_config_ignore_scripts: 'false' });
}

/** Node 24 (shared by every n8n version): returns its dist folder, installing it only when missing. */
function ensureNode(paths) {
	const working = () => {
		const nodeDist = findNodeDist(paths.nodeDir);
		if (!nodeDist) return undefined;
		const result = spawnSync(path.join(nodeDist, 'bin', 'node'), ['-p', 'process.versions.node'], { encoding: 'utf8' });
		const headers = fs.existsSync(path.join(nodeDist, 'include', 'node', 'node.h'));
		return result.status === 0 && result.stdout.split('.')[0] === NODE_MAJOR && headers ? nodeDist : undefined;
	};
	const present = working();
	if (present) return present;
	return withLock(paths.nodeLock, () => {
		const again = working();
		if (again) return again;
		const started = Date.now();
		log(`installing node@${NODE_MAJOR} into ${paths.nodeDir}`);
		freshFolder(paths.nodeDir);
		run('npm', ['install', '--no-save', `node@${NODE_MAJOR}`], { cwd: paths.nodeDir, env: cleanNpmEnv() });
		const nodeDist = working();
		if (!nodeDist) throw new Error(`node@${NODE_MAJOR} installed, but no working bin/node with headers was found under ${paths.nodeDir}`);
		log(`node ready in ${Math.round((Date.now() - started) / 1000)} s`);
		return nodeDist;
	});
}

function install(paths) {
	fs.rmSync(paths.marker, { force: true });
	const nodeDist = ensureNode(paths);

	let started = Date.now();
	log(`installing n8n@${paths.version} into ${paths.n8nDir} (several minutes)`);
	freshFolder(paths.n8nDir, { overrides: INSTALL_OVERRIDES });
	const n24Env = {
		...cleanNpmEnv(),
		PATH: `${path.join(nodeDist, 'bin')}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: nodeDist,
	};
	// Scripts off: some optional natives (kafka, profilers) download from the internet while building.
	run('npm', ['install', '--no-save', `n8n@${paths.version}`, '--ignore-scripts'], { cwd: paths.n8nDir, env: n24Env });
	log(`n8n installed in ${Math.round((Date.now() - started) / 1000)} s; building sqlite3 against Node ${NODE_MAJOR}`);
	started = Date.now();
	run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], { cwd: paths.n8nDir, env: n24Env });
	log(`sqlite3 built in ${Math.round((Date.now() - started) / 1000)} s`);

	fs.writeFileSync(
		paths.marker,
		JSON.stringify({ markerVersion: MARKER_VERSION, n8n: paths.version, nodeDist, finishedAt: new Date().toISOString() }, null, 2),
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

/** Ensures Node 24 + the given n8n version are installed and verified; returns their paths. */
function ensureN8n(version = N8N_VERSION) {
	const paths = layout(cacheRoot(), version);
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
		log(`n8n ${version} ready in ${Math.round((Date.now() - started) / 1000)} s`);
		return verified;
	});
}

module.exports = { ensureN8n, layout, verify, e2eVersions, versionsToInstall, cacheRoot, N8N_VERSION, E2E_VERSIONS };

if (require.main === module) {
	const started = Date.now();
	try {
		const versions = versionsToInstall(process.argv.slice(2));
		const installs = versions.map((version) => ensureN8n(version));
		log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		process.stdout.write(`${JSON.stringify(installs.length === 1 ? installs[0] : installs, null, 2)}\n`);
	} catch (error) {
		log(error.message);
		process.exit(1);
	}
}
