#!/usr/bin/env node
'use strict';
// `npm run test:queue`: n8n in queue mode for real (not part of `npm test`, which needs only Node
// and npm). Starts PostgreSQL and Redis from Debian's packages (installed when missing) as a
// non-root user, on 127.0.0.1, on free ports, in a temporary folder; runs test/queue's jest suite
// (n8n 2.41.1 main + 2 workers against them); stops both and removes the folder, also on failure
// or Ctrl-C. Extra arguments go to jest.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { freePort } = require('../e2e/n8n.cjs');

/** The whole suite takes under a minute; anything near this is a hang. */
const JEST_TIMEOUT_MS = 10 * 60 * 1000;
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SERVICE_USER = 'postgres';
const log = (message) => process.stderr.write(`[queue] ${message}\n`);

function onPath(program) {
	return spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).status === 0;
}

function postgresBin() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
	for (const version of versions) {
		const bin = path.join(root, version, 'bin');
		if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl'))) return bin;
	}
	return undefined;
}

function checked(command, args, options = {}) {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout ?? ''}${result.stderr ?? ''}`);
	}
	return result;
}

/** Debian's postgresql and redis-server, installed when missing (as root, or through sudo). */
function ensurePackages() {
	const missing = [];
	if (!postgresBin()) missing.push('postgresql');
	if (!onPath('redis-server')) missing.push('redis-server');
	if (missing.length === 0) return;
	log(`installing ${missing.join(' ')} from Debian`);
	const apt = process.getuid() === 0 ? ['apt-get'] : ['sudo', '-n', 'apt-get'];
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = () => spawnSync(apt[0], [...apt.slice(1), 'install', '-y', '-qq', ...missing], { env, stdio: 'inherit' }).status === 0;
	if (!install()) {
		checked(apt[0], [...apt.slice(1), 'update', '-qq'], { env });
		if (!install()) throw new Error(`could not install ${missing.join(' ')}`);
	}
}

/** Runs a program as the non-root service user (PostgreSQL refuses root); as is when not root. */
function asServiceUser(command, args) {
	return process.getuid() === 0 ? ['runuser', ['-u', SERVICE_USER, '--', command, ...args]] : [command, args];
}

function serviceUserIds() {
	if (process.getuid() !== 0) return undefined;
	const uid = Number(checked('id', ['-u', SERVICE_USER]).stdout.trim());
	const gid = Number(checked('id', ['-g', SERVICE_USER]).stdout.trim());
	return { uid, gid };
}

async function waitFor(what, probe, timeoutMs = 30000) {
	const deadline = Date.now() + timeoutMs;
	while (!probe()) {
		if (Date.now() > deadline) throw new Error(`${what} did not come up within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

async function main() {
	ensurePackages();
	const pgBin = postgresBin();
	const services = { cleanups: [] };
	const cleanup = () => {
		for (const step of services.cleanups.reverse()) {
			try {
				step();
			} catch (error) {
				log(`cleanup: ${error.message}`);
			}
		}
		services.cleanups = [];
	};
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			cleanup();
			process.exit(130);
		});
	}
	try {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hwocr-queue-'));
		services.cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
		fs.chmodSync(dir, 0o755);
		const ids = serviceUserIds();
		const pgData = path.join(dir, 'pg');
		const redisDir = path.join(dir, 'redis');
		for (const folder of [pgData, redisDir]) {
			fs.mkdirSync(folder, { mode: 0o700 });
			if (ids) fs.chownSync(folder, ids.uid, ids.gid);
		}

		const pgPort = await freePort();
		const redisPort = await freePort();
		let started = Date.now();
		const pg = (program, args) => checked(...asServiceUser(path.join(pgBin, program), args));
		pg('initdb', ['-D', pgData, '-U', 'n8n', '--auth=trust', '-E', 'UTF8']);
		pg('pg_ctl', ['-D', pgData, '-l', path.join(pgData, 'server.log'), '-w', '-o', `-p ${pgPort} -k ${pgData} -c listen_addresses=127.0.0.1`, 'start']);
		services.cleanups.push(() => pg('pg_ctl', ['-D', pgData, '-m', 'fast', '-w', 'stop']));
		pg('createdb', ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'n8n', 'n8n']);
		log(`PostgreSQL (${path.basename(path.dirname(pgBin))}) on 127.0.0.1:${pgPort} as ${ids ? SERVICE_USER : os.userInfo().username}, ready in ${Date.now() - started} ms`);

		started = Date.now();
		const [redisCommand, redisArgs] = asServiceUser('redis-server', [
			'--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', redisDir, '--daemonize', 'no',
		]);
		const redis = spawn(redisCommand, redisArgs, { stdio: ['ignore', fs.openSync(path.join(dir, 'redis.log'), 'w'), 'inherit'] });
		services.cleanups.push(() => {
			if (redis.exitCode === null) spawnSync('redis-cli', ['-p', String(redisPort), 'shutdown', 'nosave']);
			if (redis.exitCode === null) redis.kill('SIGKILL');
		});
		await waitFor('redis-server', () => spawnSync('redis-cli', ['-p', String(redisPort), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG');
		log(`Redis on 127.0.0.1:${redisPort}, ready in ${Date.now() - started} ms`);

		const jest = spawnSync(
			process.execPath,
			[require.resolve('jest/bin/jest', { paths: [REPO_ROOT] }), '-c', 'test/queue/jest.config.js', ...process.argv.slice(2)],
			{
				cwd: REPO_ROOT,
				stdio: 'inherit',
				env: { ...process.env, HWOCR_QUEUE_POSTGRES_PORT: String(pgPort), HWOCR_QUEUE_REDIS_PORT: String(redisPort) },
				// A handle left open keeps jest alive after the suite; CI must fail, not wait for its own limit.
				timeout: JEST_TIMEOUT_MS,
				killSignal: 'SIGKILL',
			},
		);
		if (jest.error) log(`jest did not finish within ${JEST_TIMEOUT_MS / 60000} min (${jest.error.message}); a handle left open?`);
		return jest.status === 0 ? 0 : 1;
	} finally {
		cleanup();
		log('PostgreSQL and Redis stopped, temporary folder removed');
	}
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error) => {
		log(error.stack ?? String(error));
		process.exitCode = 1;
	},
);
