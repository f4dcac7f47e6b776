/**
 * Executions started together in one process, as a webhook or mail trigger starts them, through
 * n8n-core's engine against the emulator: they share one throttle gate per account and API, and
 * the credential's account limits hold across all of them.
 */
import console from '../../nodejs/console.cjs';
import { setTimeout } from '../../nodejs/timers.cjs';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { OPERATIONS } from '../../../nodes/HuaweiCloudOcr/catalog';
import { accountPacing, setPacingScope } from '../../../nodes/HuaweiCloudOcr/execution';
import { EMULATOR_ACCOUNT, type Emulator, startEmulator } from '../../emulator';
import { paddedJpeg } from '../../fixtures/syntheticFiles';
import { emulatorCredentials, fileItem, ocrCredentialsHelper, runOcr } from '../../harness/ocrNode';

const REGION = 'cn-north-4';
const GENERAL_TEXT = OPERATIONS.find((operation) => operation.id === 'general-text')!;
const IMAGE = paddedJpeg(1000, 800, 4096);

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator({ logBodies: 'omitFiles' });
});
afterAll(async () => {
	setPacingScope('account');
	await emulator.stop();
});
beforeEach(async () => {
	// A fresh process: no account learnt yet, and the emulator's one-second window empty.
	accountPacing.clear();
	await new Promise((resolve) => setTimeout(resolve, 1100));
	emulator.clearLog();
	emulator.resetFaults();
});

/** `executions` runs of the node at once, `itemsEach` items each, default options, Continue On Fail. */
async function runTogether(executions: number, itemsEach: number, credentialFields: ICredentialDataDecryptedObject = {}) {
	const credentials = emulatorCredentials(emulator, 'accessKey', { region: REGION, projectId: EMULATOR_ACCOUNT.projectIds[REGION], ...credentialFields });
	const runs = await Promise.all(
		Array.from({ length: executions }, async () => {
			const items = await Promise.all(Array.from({ length: itemsEach }, async (_unused, index) => await fileItem(IMAGE, `scan-${index}.jpg`, 'image/jpeg')));
			return await runOcr({
				parameters: { resource: GENERAL_TEXT.resource, operation: GENERAL_TEXT.value, options: {} },
				credentials,
				credentialsHelper: ocrCredentialsHelper(credentials),
				items,
				onError: 'continueRegularOutput',
				keepAccountPacing: true,
			});
		}),
	);
	const calls = emulator.requests.filter((request) => request.service === 'ocr');
	return {
		failed: runs.flatMap((run) => run.items).filter((item) => item.json.error !== undefined).length,
		outputs: runs.map((run) => run.items.length),
		calls,
		throttled: calls.filter((call) => call.errorCode === 'APIG.0308').length,
	};
}

/** The most requests the emulator received within any `windowMs` (ending at a request). */
function mostWithin(calls: Array<{ receivedAt: number }>, windowMs: number): number {
	return Math.max(0, ...calls.map((call) => calls.filter((other) => other.receivedAt > call.receivedAt - windowMs && other.receivedAt <= call.receivedAt).length));
}

describe('executions started together', () => {
	it('share one throttle gate: far fewer throttled answers than when every execution learns the limit alone', async () => {
		emulator.setFaults({ qpsLimit: 5 });
		const shared = await runTogether(8, 3);
		expect(shared.failed).toBe(0);
		expect(shared.outputs).toEqual(Array(8).fill(3));
		expect(shared.calls.filter((call) => call.status === 200)).toHaveLength(24);

		setPacingScope('execution');
		try {
			accountPacing.clear();
			await new Promise((resolve) => setTimeout(resolve, 1100));
			emulator.clearLog();
			const alone = await runTogether(8, 3);
			console.info(`8 executions × 3 items at 5 QPS: ${shared.throttled} throttled answers with account-wide pacing, ${alone.throttled} per execution`);
			// Shared: the first 10 calls of a fresh account start at once (5 refused), then the gate paces all of them.
			expect(shared.throttled).toBeLessThanOrEqual(10);
			expect(shared.throttled * 2).toBeLessThan(alone.throttled);
		} finally {
			setPacingScope('account');
		}
	}, 90_000);

	it("keep the credential's Account Max Concurrent Requests across executions", async () => {
		emulator.setFaults({ latencyMs: 150 });
		const result = await runTogether(4, 4, { accountMaxConcurrency: 2 });
		expect(result.failed).toBe(0);
		expect(result.calls).toHaveLength(16);
		// Each answer takes 150 ms, so requests received within 150 ms of each other were in flight together.
		expect(mostWithin(result.calls, 140)).toBeLessThanOrEqual(2);
	});

	it("keep the credential's Account Max Requests per Second across executions, so the gateway never throttles", async () => {
		emulator.setFaults({ qpsLimit: 4 });
		const result = await runTogether(3, 4, { accountMaxRequestsPerSecond: 4 });
		expect(result.failed).toBe(0);
		expect(result.throttled).toBe(0);
		expect(result.calls).toHaveLength(12);
		expect(mostWithin(result.calls, 1000)).toBeLessThanOrEqual(4);
	});

	it('treat credentials saved before the account limits existed as having none', async () => {
		// emulatorCredentials has neither field, like a credential saved before they existed; an emptied field is none too.
		const result = await runTogether(2, 3, { accountMaxRequestsPerSecond: '' });
		expect(result.failed).toBe(0);
		expect(result.calls).toHaveLength(6);
	});
});
