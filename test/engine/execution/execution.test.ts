/**
 * The execution layer inside n8n-core's engine, against the emulator: retries per class, the shared
 * throttle pause, timeouts, token single-flight, order and pairedItem under concurrency, and fault
 * mixes with and without Continue On Fail.
 */
import process from '../../nodejs/process.cjs';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { OPERATIONS } from '../../../nodes/HuaweiCloudOcr/catalog';
import { EMULATOR_ACCOUNT, type Emulator, startEmulator } from '../../emulator';
import type { FaultKind, RecognizerInput } from '../../emulator/types';
import { paddedJpeg } from '../../fixtures/syntheticFiles';
import { emulatorCredentials, fileItem, ocrCredentialsHelper, runOcr } from '../../harness/ocrNode';

const REGION = 'cn-north-4';
const GENERAL_TEXT = OPERATIONS.find((operation) => operation.id === 'general-text')!;

/** Each image carries its item number in its length, so a recognized answer can be traced to its input. */
const BASE_BYTES = 4096;
const imageFor = (itemNumber: number) => paddedJpeg(1000, 800, BASE_BYTES + itemNumber);
const itemNumberOf = (image: Buffer) => image.length - BASE_BYTES;

async function recognizeWidth(input: RecognizerInput): Promise<unknown> {
	return {
		direction: 0,
		words_block_count: 1,
		words_block_list: [{ words: `item-${itemNumberOf(input.image)}`, confidence: 0.99, location: [[0, 0], [9, 0], [9, 9], [0, 9]] }],
	};
}

let emulator: Emulator;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
	emulator = await startEmulator({ recognizer: recognizeWidth, logBodies: 'omitFiles' });
	process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
	process.off('unhandledRejection', onUnhandled);
	await emulator.stop();
});
beforeEach(() => {
	emulator.clearLog();
	emulator.resetFaults();
});
afterEach(() => expect(unhandled).toEqual([]));

const ocrCalls = () => emulator.requests.filter((request) => request.service === 'ocr');

async function items(count: number): Promise<INodeExecutionData[]> {
	const list: INodeExecutionData[] = [];
	for (let index = 0; index < count; index++) list.push(await fileItem(imageFor(index), `scan-${index}.jpg`, 'image/jpeg'));
	return list;
}

async function run(count: number, options: INodeParameters, extra: { continueOnFail?: boolean; authType?: 'accessKey' | 'password' } = {}) {
	const credentials = emulatorCredentials(emulator, extra.authType ?? 'accessKey', {
		region: REGION,
		projectId: extra.authType === 'password' ? '' : EMULATOR_ACCOUNT.projectIds[REGION],
	});
	return await runOcr({
		parameters: { resource: GENERAL_TEXT.resource, operation: GENERAL_TEXT.value, options },
		credentials,
		credentialsHelper: ocrCredentialsHelper(credentials),
		items: await items(count),
		onError: extra.continueOnFail ? 'continueRegularOutput' : undefined,
	});
}

/** Output i is paired with input i and carries input i's recognized text. */
function expectInOrder(output: INodeExecutionData[], count: number, failed: Set<number> = new Set()) {
	expect(output).toHaveLength(count);
	output.forEach((item, index) => {
		expect(item.pairedItem).toEqual({ item: index });
		if (failed.has(index)) expect(item.json.error).toBeDefined();
		else expect(JSON.stringify(item.json)).toContain(`item-${index}`);
	});
}

describe('retries through the engine', () => {
	it.each<[FaultKind, string]>([
		['throttle', 'APIG.0308'],
		['backendTimeout', 'APIG.0201'],
		['http500', 'HTTP 500'],
		['http502Plain', 'HTTP 502 without JSON'],
		['http503', 'HTTP 503'],
		['reset', 'connection reset'],
	])('recovers from %s (%s) with a second, newly signed request', async (kind) => {
		emulator.failNext(kind, 1);
		const { items: output, error } = await run(1, { maxConcurrency: 1 });
		expect(error).toBeUndefined();
		expectInOrder(output, 1);
		const calls = ocrCalls();
		expect(calls).toHaveLength(2);
		expect(calls[0].fault).toBe(kind);
		expect(calls[1].status).toBe(200);
		expect(calls[1].authFailure).toBeUndefined();
	});

	it('signs a throttled request again with a later X-Sdk-Date', async () => {
		emulator.failNext('throttle', 1);
		await run(1, { maxConcurrency: 1 });
		const [first, second] = ocrCalls();
		expect(second.headers['x-sdk-date'] > first.headers['x-sdk-date']).toBe(true);
		expect(second.headers.authorization).not.toBe(first.headers.authorization);
	});

	it('fails at once on a business error (ModelArts.4204) without retrying', async () => {
		emulator.setFaults({ notSubscribed: [{ operation: GENERAL_TEXT.id }] });
		const { error } = await run(1, {});
		expect(ocrCalls()).toHaveLength(1);
		expect(error?.message).toContain('ModelArts.4204');
	});

	it('gives up after Max Attempts and reports the last error', async () => {
		emulator.failNext('http503', 10);
		const { items: output } = await run(1, { maxAttempts: 3 }, { continueOnFail: true });
		expect(ocrCalls()).toHaveLength(3);
		expect(output[0].json.error).toMatchObject({ httpStatus: 503 });
	});

	it('makes one attempt when retries are off', async () => {
		emulator.failNext('throttle', 1);
		const { items: output } = await run(1, { retryTransient: false }, { continueOnFail: true });
		expect(ocrCalls()).toHaveLength(1);
		expect(output[0].json.error).toMatchObject({ code: 'APIG.0308' });
	});

	it('abandons an attempt after Timeout (Seconds) and retries it as transient', async () => {
		emulator.failNext('hang', 1);
		const { items: output, error } = await run(1, { timeoutSeconds: 1 });
		expect(error).toBeUndefined();
		expectInOrder(output, 1);
		expect(ocrCalls().map((call) => call.fault)).toEqual(['hang', undefined]);
	});

	it('reports a timeout as NETWORK.TIMEOUT when retries are off', async () => {
		emulator.failNext('hang', 1);
		const { items: output } = await run(1, { timeoutSeconds: 1, retryTransient: false }, { continueOnFail: true });
		expect(output[0].json.error).toMatchObject({ code: 'NETWORK.TIMEOUT' });
	});
});

describe('concurrency through the engine', () => {
	it('keeps order and pairedItem with random latency and 7 requests in flight', async () => {
		emulator.setFaults({ latencyMs: { min: 0, max: 40 } });
		const { items: output, error } = await run(30, { maxConcurrency: 7 });
		expect(error).toBeUndefined();
		expectInOrder(output, 30);
		expect(ocrCalls()).toHaveLength(30);
	});

	it('pauses every worker after a throttle, so the next requests come at least a second later', async () => {
		emulator.setFaults({ qpsLimit: 2 });
		const { items: output, error } = await run(8, { maxConcurrency: 4 });
		expect(error).toBeUndefined();
		expectInOrder(output, 8);
		const calls = ocrCalls();
		const firstThrottle = calls.find((call) => call.errorCode === 'APIG.0308')!;
		expect(firstThrottle).toBeDefined();
		// Requests sent before the throttle answer may still arrive; none may start inside the pause.
		const duringPause = calls.filter(
			(call) => call.receivedAt > firstThrottle.receivedAt + 200 && call.receivedAt < firstThrottle.receivedAt + 1000,
		);
		expect(duringPause).toEqual([]);
		expect(calls.filter((call) => call.errorCode === 'APIG.0308').length).toBeLessThan(8);
	});

	it('asks IAM for a token once when 10 first requests start together', async () => {
		const { items: output, error } = await run(10, { maxConcurrency: 10 }, { authType: 'password' });
		expect(error).toBeUndefined();
		expectInOrder(output, 10);
		const tokenCalls = emulator.requests.filter((request) => request.service === 'iam' && request.path === '/v3/auth/tokens');
		expect(tokenCalls).toHaveLength(1);
	});
});

describe('fault mixes', () => {
	it('answers every item in order under Continue On Fail: transient faults recovered, permanent ones as error items', async () => {
		emulator.failNext('notSubscribed', 3);
		emulator.setFaults({ randomTransient: { rate: 0.2, seed: 7, kinds: ['http500', 'reset', 'backendTimeout', 'throttle'] } });
		const { items: output, error } = await run(30, { maxConcurrency: 5, maxAttempts: 6 }, { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(30);
		const failed = output.flatMap((item, index) => (item.json.error ? [index] : []));
		expect(failed).toHaveLength(3);
		for (const index of failed) expect(output[index].json.error).toMatchObject({ code: 'ModelArts.4204' });
		expectInOrder(output, 30, new Set(failed));
		expect(ocrCalls().filter((call) => call.fault !== undefined && call.fault !== 'notSubscribed').length).toBeGreaterThan(0);
	});

	it('without Continue On Fail stops at the first permanent failure and starts no further items', async () => {
		emulator.failNext('notSubscribed', 1);
		const { error } = await run(20, { maxConcurrency: 2 });
		expect(error?.message).toContain('ModelArts.4204');
		expect(ocrCalls().length).toBeLessThanOrEqual(3);
	});

	it('without Continue On Fail still recovers transient faults and completes', async () => {
		emulator.setFaults({ randomTransient: { rate: 0.2, seed: 11, kinds: ['http502', 'reset', 'backendTimeout'] } });
		const { items: output, error } = await run(20, { maxConcurrency: 4, maxAttempts: 6 });
		expect(error).toBeUndefined();
		expectInOrder(output, 20);
	});
});
