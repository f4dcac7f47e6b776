import type { HuaweiErrorInfo } from '../../../nodes/HuaweiCloud/types';
import { BACKOFF, callWithRetries, ThrottleGate } from '../../../nodes/HuaweiCloudOcr/execution';
import { FakeClock } from './fakeClock';

type Response = { ok: true; status: number; body: unknown } | { ok: false; error: HuaweiErrorInfo };

const success: Response = { ok: true, status: 200, body: { result: 'done' } };
const failure = (code: string, httpStatus?: number, retryAfterMs?: number): Response => ({
	ok: false,
	error: { code, message: `${code} happened`, httpStatus, retryAfterMs },
});

const retriesOn = { retryTransient: true, maxAttempts: 4 };

/** An attempt function that answers from a script and records each call's attempt number and time. */
function scripted(clock: FakeClock, answers: Response[]) {
	const calls: Array<{ attemptNumber: number; at: number }> = [];
	const attempt = async (attemptNumber: number): Promise<Response> => {
		calls.push({ attemptNumber, at: clock.now() });
		return answers[Math.min(calls.length - 1, answers.length - 1)];
	};
	return { calls, attempt };
}

describe('callWithRetries', () => {
	it.each([
		['APIG.0308', 429],
		['HTTP.429', 429],
		['APIG.0201', 504],
		['ModelArts.4301', 500],
		['ModelArts.4302', 500],
		['ModelArts.4401', 429],
		['ModelArts.4402', 500],
		['ModelArts.4403', 503],
		['ModelArts.4502', 500],
		['ModelArts.4505', 500],
		['HTTP.503', 503],
		['NETWORK.ECONNRESET', undefined],
		['NETWORK.ECONNREFUSED', undefined],
		['NETWORK.TIMEOUT', undefined],
	])('retries %s and returns the later success', async (code, status) => {
		const clock = new FakeClock();
		const { calls, attempt } = scripted(clock, [failure(code, status), success]);
		const result = await clock.run(callWithRetries(retriesOn, new ThrottleGate(clock), attempt));
		expect(result).toEqual({ ...success, attempts: 2 });
		expect(calls.map((call) => call.attemptNumber)).toEqual([1, 2]);
	});

	it.each([
		['AIS.0101', 400],
		['AIS.0104', 400],
		['ModelArts.4204', 403],
		['APIG.0301', 401],
		['APIG.0307', 401],
		['RESPONSE.INVALID_JSON', 200],
	])('does not retry %s and returns its error after one attempt', async (code, status) => {
		const clock = new FakeClock();
		const { calls, attempt } = scripted(clock, [failure(code, status), success]);
		const result = await clock.run(callWithRetries(retriesOn, new ThrottleGate(clock), attempt));
		expect(result).toEqual({ ...failure(code, status), attempts: 1 });
		expect(calls).toHaveLength(1);
		expect(clock.sleeps).toEqual([]);
	});

	it('stops after Max Attempts and returns the last error', async () => {
		const clock = new FakeClock();
		const answers = [failure('HTTP.500', 500), failure('HTTP.502', 502), failure('APIG.0201', 504), failure('HTTP.503', 503), success];
		const { calls, attempt } = scripted(clock, answers);
		const result = await clock.run(callWithRetries(retriesOn, new ThrottleGate(clock), attempt));
		expect(result).toEqual({ ...failure('HTTP.503', 503), attempts: 4 });
		expect(calls.map((call) => call.attemptNumber)).toEqual([1, 2, 3, 4]);
	});

	it('makes exactly one attempt when retries are off, whatever Max Attempts says', async () => {
		const clock = new FakeClock();
		const { calls, attempt } = scripted(clock, [failure('APIG.0308', 429), success]);
		const result = await clock.run(callWithRetries({ retryTransient: false, maxAttempts: 10 }, new ThrottleGate(clock), attempt));
		expect(result.ok).toBe(false);
		expect(result.attempts).toBe(1);
		expect(calls).toHaveLength(1);
	});

	it('backs off transient failures exponentially with full jitter', async () => {
		const clock = new FakeClock(() => 0.5);
		const { calls, attempt } = scripted(clock, [failure('HTTP.500', 500), failure('HTTP.500', 500), failure('HTTP.500', 500), success]);
		await clock.run(callWithRetries(retriesOn, new ThrottleGate(clock), attempt));
		const base = BACKOFF.transientBaseMs;
		expect(clock.sleeps).toEqual([base / 2, base, base * 2]);
		expect(calls.map((call) => call.at)).toEqual([0, base / 2, base * 1.5, base * 3.5]);
	});

	it('waits as long as a Retry-After header asks', async () => {
		const clock = new FakeClock(() => 0);
		const { calls, attempt } = scripted(clock, [failure('HTTP.503', 503, 6000), success]);
		await clock.run(callWithRetries(retriesOn, new ThrottleGate(clock), attempt));
		expect(calls[1].at).toBe(6000);
	});

	it('retries a throttled request after the shared pause, not immediately', async () => {
		const clock = new FakeClock(() => 0);
		const { calls, attempt } = scripted(clock, [failure('APIG.0308', 429), success]);
		await clock.run(callWithRetries(retriesOn, new ThrottleGate(clock), attempt));
		expect(calls[1].at).toBe(BACKOFF.throttleBaseMs / 2);
	});

	it('lets an exception from the attempt itself propagate without retrying', async () => {
		const clock = new FakeClock();
		let calls = 0;
		const attempt = async (): Promise<Response> => {
			calls++;
			throw new Error('input could not be read');
		};
		await expect(clock.run(callWithRetries(retriesOn, new ThrottleGate(clock), attempt))).rejects.toThrow('input could not be read');
		expect(calls).toBe(1);
	});
});
