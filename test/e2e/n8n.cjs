'use strict';
// Drives a real n8n (installed by setup-n8n.cjs; the version comes from N8N_E2E_VERSION, set per
// leg by matrix.cjs, default 2.41.1) from the end-to-end suite:
// a throw-away user folder with our packed package installed, `n8n import:*`,
// `n8n execute --rawOutput`, and an `n8n start` server. Every child runs
// asynchronously, because the emulator it talks to lives in the test's own event loop.
// Plain CommonJS: child processes and fs are off limits for .ts files under n8n's lint rules.

const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { ensureN8n, N8N_VERSION } = require('./setup-n8n.cjs');
const { installIntoN8n } = require('./pack.cjs');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const ENCRYPTION_KEY = 'e2e-fixed-encryption-key-not-secret';

function n8nEnv(userFolder, install, extra = {}) {
	const env = {};
	// Keep the PATH/HOME basics, drop jest's and npm's variables (NODE_ENV=test changes n8n's behaviour).
	for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ']) if (process.env[key]) env[key] = process.env[key];
	Object.assign(env, {
		PATH: `${path.join(install.nodeDist, 'bin')}${path.delimiter}${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: 'warn',
		N8N_RUNNERS_MODE: 'internal',
		DB_SQLITE_POOL_SIZE: '2',
		GENERIC_TIMEZONE: 'UTC',
		...extra,
	});
	return env;
}

/** Runs the n8n CLI; resolves with { code, stdout, stderr, ms }. Never rejects on a non-zero exit. */
async function runCli(ctx, args, { timeoutMs = 240000, env = {} } = {}) {
	const started = Date.now();
	// Every n8n process starts a task broker; a free port keeps parallel processes apart.
	const brokerPort = await freePort();
	return await new Promise((resolve, reject) => {
		const child = spawn(ctx.install.nodeBin, [ctx.install.n8nBin, ...args], {
			cwd: ctx.userFolder,
			env: n8nEnv(ctx.userFolder, ctx.install, { ...ctx.env, N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...env }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const stdout = [];
		const stderr = [];
		child.stdout.on('data', (chunk) => stdout.push(chunk));
		child.stderr.on('data', (chunk) => stderr.push(chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({
				code: code === null ? `signal ${signal}` : code,
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8'),
				ms: Date.now() - started,
			});
		});
	});
}

function describeFailure(what, result) {
	const tail = (text) => text.trim().split('\n').slice(-25).join('\n');
	return `${what} exited ${result.code}\n--- stdout ---\n${tail(result.stdout)}\n--- stderr ---\n${tail(result.stderr)}`;
}

async function runCliOk(ctx, args, options) {
	const result = await runCli(ctx, args, options);
	if (result.code !== 0) throw new Error(describeFailure(`n8n ${args.join(' ')}`, result));
	return result;
}

function newestMtime(dir) {
	let newest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
	}
	return newest;
}

/** Refuses to test a missing or stale build: the suite installs what `npm pack` ships, i.e. dist/. */
function assertFreshBuild() {
	const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	const entries = [...manifest.n8n.nodes, ...manifest.n8n.credentials].map((file) => path.join(REPO_ROOT, file));
	const missing = entries.filter((file) => !fs.existsSync(file));
	if (missing.length > 0) throw new Error(`build output missing (${missing.join(', ')}): run \`npm run build\` first`);
	const built = Math.min(...entries.map((file) => fs.statSync(file).mtimeMs));
	const sources = Math.max(newestMtime(path.join(REPO_ROOT, 'nodes')), newestMtime(path.join(REPO_ROOT, 'credentials')));
	if (sources > built) throw new Error('dist/ is older than nodes/ or credentials/: run `npm run build` first');
}

/** The n8n version this run tests: N8N_E2E_VERSION (set by matrix.cjs), else the default. */
function n8nVersion() {
	return process.env.N8N_E2E_VERSION || N8N_VERSION;
}

/** The major version of the n8n under test, for the few CLI commands that differ between lines. */
function n8nMajor(ctx) {
	return Number(ctx.version.split('.')[0]);
}

/**
 * Prepares Node 24 + n8n (cached), a fresh user folder, and our package installed from
 * `npm pack` output. dist/ must be built (npm run build).
 */
function prepare(version = n8nVersion()) {
	assertFreshBuild();
	const install = ensureN8n(version);
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'hwocr-e2e-'));
	const work = path.join(userFolder, 'work');
	fs.mkdirSync(work);
	const packageDir = installIntoN8n(REPO_ROOT, userFolder, path.join(work, 'pack'));
	return { version, install, userFolder, work, packageDir };
}

function writeJson(ctx, name, value) {
	const file = path.join(ctx.work, name);
	fs.writeFileSync(file, JSON.stringify(value, null, 2));
	return file;
}

async function importCredentials(ctx, credentials) {
	return runCliOk(ctx, ['import:credentials', `--input=${writeJson(ctx, 'credentials.json', credentials)}`]);
}

/** Imports workflows (an array) in one n8n boot. */
async function importWorkflows(ctx, workflows) {
	const dir = path.join(ctx.work, 'workflows');
	fs.mkdirSync(dir, { recursive: true });
	for (const wf of workflows) fs.writeFileSync(path.join(dir, `${wf.id}.json`), JSON.stringify(wf, null, 2));
	return runCliOk(ctx, ['import:workflow', '--separate', `--input=${dir}`]);
}

/**
 * Pulls the run JSON out of `n8n execute --rawOutput` stdout: it is printed with 2-space indentation,
 * so it starts with a line `{` and ends with a line `}`; log lines may come before and after it.
 */
function parseRawOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	const end = lines.lastIndexOf('}');
	if (start < 0 || end < start) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n'));
	} catch {
		return undefined;
	}
}

/**
 * Executes a workflow; resolves { code, run, stdout, stderr, ms }. `run` is the IRun JSON when printed.
 * n8n prints the run through its logger at level info (also for a failed run), hence the log level.
 */
async function execute(ctx, workflowId) {
	const result = await runCli(ctx, ['execute', `--id=${workflowId}`, '--rawOutput'], { env: { N8N_LOG_LEVEL: 'info' } });
	return { ...result, run: parseRawOutput(result.stdout) };
}

/**
 * Publishes (activates) a workflow, so that `n8n start` registers its production webhooks.
 * n8n 1.x has no publish:workflow; its `update:workflow --active=true` does the same.
 */
async function publishWorkflow(ctx, workflowId) {
	if (n8nMajor(ctx) < 2) return runCliOk(ctx, ['update:workflow', `--id=${workflowId}`, '--active=true']);
	return runCliOk(ctx, ['publish:workflow', `--id=${workflowId}`]);
}

/** Absolute path of a binary stored in filesystem mode (`filesystem-v2:<relative path>`). */
function binaryPath(ctx, binary) {
	const id = binary && binary.id;
	if (!id || !id.startsWith('filesystem-v2:')) throw new Error(`not a filesystem-v2 binary: ${JSON.stringify(binary)}`);
	return path.join(ctx.userFolder, '.n8n', 'storage', id.slice('filesystem-v2:'.length));
}

/**
 * The bytes of a binary n8n printed: from the filesystem store (n8n 2.x's default mode), or inline
 * Base64 (n8n 1.x's default mode keeps binaries in the execution data).
 */
function readBinary(ctx, binary) {
	if (binary && !binary.id && typeof binary.data === 'string') return Buffer.from(binary.data, 'base64');
	return fs.readFileSync(binaryPath(ctx, binary));
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** How a started n8n process ended (undefined while it runs), and a stop that waits for its exit (SIGKILL after 15 s). */
function watchChild(child) {
	let exited;
	child.on('exit', (code, signal) => {
		exited = code === null ? `signal ${signal}` : `code ${code}`;
	});
	const stop = () =>
		new Promise((resolve) => {
			if (exited !== undefined) return resolve();
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
			setTimeout(() => child.kill('SIGKILL'), 15000).unref();
		});
	return { exited: () => exited, stop };
}

/** Starts `n8n start` on 127.0.0.1 and waits until it is ready and serves its REST API. `env` adds variables (e.g. queue mode). */
async function startServer(ctx, { timeoutMs = 120000, env = {}, logName = 'server.log' } = {}) {
	const port = await freePort();
	const logFile = path.join(ctx.work, logName);
	const log = fs.openSync(logFile, 'w');
	const brokerPort = await freePort();
	const child = spawn(ctx.install.nodeBin, [ctx.install.n8nBin, 'start'], {
		cwd: ctx.userFolder,
		env: n8nEnv(ctx.userFolder, ctx.install, {
			...ctx.env,
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			WEBHOOK_URL: `http://127.0.0.1:${port}/`,
			N8N_LOG_LEVEL: 'info',
			...env,
		}),
		stdio: ['ignore', log, log],
	});
	const baseUrl = `http://127.0.0.1:${port}`;
	const { exited, stop } = watchChild(child);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (exited() !== undefined) {
			throw new Error(`n8n start exited (${exited()}) before it was ready:\n${tailFile(logFile)}`);
		}
		try {
			// n8n 1.x answers readiness before its REST routes are mounted: wait for both.
			const ready = await fetch(`${baseUrl}/healthz/readiness`);
			if (ready.ok && (await fetch(`${baseUrl}/rest/settings`)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n start was not ready after ${timeoutMs} ms:\n${tailFile(logFile)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return { baseUrl, port, pid: child.pid, logFile, stop, log: () => tailFile(logFile) };
}

/**
 * Starts `n8n worker` (queue mode: ctx.env holds the database and Redis settings) and waits until it
 * is ready. Its log is at `logFile` (level info: "Worker started execution <id>" per job).
 */
async function startWorker(ctx, { name, concurrency = 5, timeoutMs = 120000 } = {}) {
	const logFile = path.join(ctx.work, `${name}.log`);
	const log = fs.openSync(logFile, 'w');
	const child = spawn(ctx.install.nodeBin, [ctx.install.n8nBin, 'worker', `--concurrency=${concurrency}`], {
		cwd: ctx.userFolder,
		env: n8nEnv(ctx.userFolder, ctx.install, {
			...ctx.env,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
			N8N_LOG_LEVEL: 'info',
		}),
		stdio: ['ignore', log, log],
	});
	const { exited, stop } = watchChild(child);
	const deadline = Date.now() + timeoutMs;
	while (!fs.readFileSync(logFile, 'utf8').includes('n8n worker is now ready')) {
		if (exited() !== undefined) throw new Error(`n8n worker ${name} exited (${exited()}) before it was ready:\n${tailFile(logFile)}`);
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n worker ${name} was not ready after ${timeoutMs} ms:\n${tailFile(logFile)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return { name, pid: child.pid, logFile, stop, log: () => fs.readFileSync(logFile, 'utf8') };
}

function tailFile(file, lines = 40) {
	try {
		return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

function cleanup(ctx) {
	if (ctx && ctx.userFolder && !process.env.HWOCR_E2E_KEEP) fs.rmSync(ctx.userFolder, { recursive: true, force: true });
}

module.exports = {
	REPO_ROOT,
	n8nEnv,
	freePort,
	tailFile,
	n8nVersion,
	prepare,
	runCli,
	importCredentials,
	importWorkflows,
	execute,
	publishWorkflow,
	parseRawOutput,
	readBinary,
	binaryPath,
	startServer,
	startWorker,
	cleanup,
	describeFailure,
};
