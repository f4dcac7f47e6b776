/**
 * Our Huawei Cloud: IAM and every OCR operation on one 127.0.0.1 port, as strict as the real service.
 * Tests, benchmarks and the demo start it in-process; `npm run emulator` runs it standalone (cli.ts).
 */
import { createServer } from '../nodejs/http.cjs';
import type { AddressInfo } from '../nodejs/net.cjs';
import { AccountRegistry, EMULATOR_ACCOUNT, withProjects } from './account';
import { Answers } from './ocr/answers';
import { Downloads } from './ocr/download';
import { FaultController } from './faults';
import { createRequestHandler, type ServerState } from './server';
import { DEFAULT_TOKEN_LIFETIME_MS, TokenStore } from './tokens';
import type { Emulator, EmulatorOptions, EmulatorStats } from './types';

export { EMULATOR_ACCOUNT, makeAccount, OCR_REGIONS, hexId } from './account';
export { makePng, FIXTURE_BASE_URL } from './fixtures';
export { MAX_CLOCK_SKEW_MS } from './auth';
export { MAX_BASE64_CHARS } from './ocr/bodyRules';
export { MAX_BODY_BYTES } from './ocr/service';
export { OPERATION_SPECS } from './spec/operations';
export { sdkShapeProblems } from './ocr/sdkShape';
export { UnshapedAnswerError } from './ocr/answers';
export type * from './types';
export type { AnswerRequest } from './ocr/answers';

function emptyStats(): EmulatorStats {
	return { requests: 0, ocrRequests: 0, ocrSucceeded: 0, throttled: 0, tokensIssued: 0, faults: {} };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const account = options.projects ? withProjects(EMULATOR_ACCOUNT, options.projects) : EMULATOR_ACCOUNT;
	const accounts = [account, ...(options.accounts ?? [])];
	const stats = emptyStats();
	const faults = new FaultController(stats, options.latencyMs);
	if (options.faults) faults.set(options.faults);
	const state: ServerState = {
		registry: new AccountRegistry(accounts),
		tokens: new TokenStore(options.tokenLifetimeMs ?? DEFAULT_TOKEN_LIFETIME_MS),
		faults,
		downloads: new Downloads(),
		answers: new Answers(),
		options,
		log: [],
		stats,
		clockOffsetMs: options.clockOffsetMs ?? 0,
		baseUrl: '',
		hanging: new Set(),
		seq: 0,
	};
	const server = createServer(createRequestHandler(state));
	server.keepAliveTimeout = 5_000;
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	state.baseUrl = `http://${host}:${port}`;

	return {
		url: state.baseUrl,
		port,
		requests: state.log,
		account,
		accounts,
		stats,
		setFaults: (settings) => faults.set(settings),
		failNext: (kind, count, match) => faults.failNext(kind, count, match),
		resetFaults: () => faults.reset(),
		expireTokens: () => state.tokens.expireAll(Date.now() + state.clockOffsetMs),
		setClockOffset: (ms) => {
			state.clockOffsetMs = ms;
		},
		clearLog: () => {
			state.log.length = 0;
		},
		putObject: (bucket, region, key, bytes, opts) =>
			state.downloads.putObject(bucket, region, key, bytes, opts?.publicRead ?? false),
		putUrl: (url, bytes) => state.downloads.putUrl(url, bytes),
		answerWith: (operation, result) => state.answers.set(operation, result),
		answerNext: (operation, ...results) => state.answers.next(operation, ...results),
		clearAnswers: () => state.answers.clear(),
		stop: async () => {
			for (const res of state.hanging) res.destroy();
			state.hanging.clear();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
