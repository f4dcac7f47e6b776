import type { HuaweiErrorInfo } from '../../../nodes/HuaweiCloud/types';
import { callWithRetries, runItems, ThrottleGate } from '../../../nodes/HuaweiCloudOcr/execution';
import { FakeClock } from './fakeClock';

type Response = { ok: true } | { ok: false; error: HuaweiErrorInfo };
const throttled: Response = { ok: false, error: { code: 'APIG.0308', message: 'over ratelimit', httpStatus: 429 } };

describe('ThrottleGate', () => {
	it('makes every worker wait when one request is throttled', async () => {
		const clock = new FakeClock(() => 0.5);
		const gate = new ThrottleGate(clock);
		const start = await gate.beforeAttempt();
		gate.onThrottled(start);
		const waiters = [gate.beforeAttempt(), gate.beforeAttempt(), gate.beforeAttempt()];
		const startedAt = await clock.run(Promise.all(waiters));
		expect(startedAt.every((time) => time >= 1500)).toBe(true);
	});

	it('treats throttles of requests sent before the pause as one episode', async () => {
		const clock = new FakeClock(() => 0);
		const gate = new ThrottleGate(clock);
		const burst = await Promise.all([gate.beforeAttempt(), gate.beforeAttempt(), gate.beforeAttempt()]);
		for (const startedAt of burst) gate.onThrottled(startedAt);
		expect(gate.stats()).toMatchObject({ throttled: 3, pauses: 1 });
	});

	it('lengthens the pause for throttle episodes in a row and resets after an accepted request', async () => {
		const clock = new FakeClock(() => 0);
		const gate = new ThrottleGate(clock);
		const pauseAfterThrottle = async (): Promise<number> => {
			gate.onThrottled(await clock.run(gate.beforeAttempt()));
			return gate.stats().lastPauseMs;
		};
		expect(await pauseAfterThrottle()).toBe(1000);
		expect(await pauseAfterThrottle()).toBe(2000);
		expect(await pauseAfterThrottle()).toBe(4000);
		gate.onAccepted(await clock.run(gate.beforeAttempt()));
		expect(await pauseAfterThrottle()).toBe(1000);
		expect(gate.stats().pauses).toBe(4);
	});

	it('paces later attempts at the rate the gateway accepted before throttling', async () => {
		const clock = new FakeClock(() => 0);
		const gate = new ThrottleGate(clock);
		for (let i = 0; i < 5; i++) gate.onAccepted(await gate.beforeAttempt());
		gate.onThrottled(await gate.beforeAttempt());
		const starts = await clock.run(Promise.all([1, 2, 3, 4].map(async () => await gate.beforeAttempt())));
		const gaps = starts.slice(1).map((time, index) => time - starts[index]);
		expect(starts[0]).toBe(1000);
		for (const gap of gaps) expect(gap).toBeCloseTo(210, 5);
		expect(gate.stats().ratePerSecond).toBe(5);
	});

	it('holds back the first attempts of other items in the pool while paused', async () => {
		const clock = new FakeClock(() => 0);
		const gate = new ThrottleGate(clock);
		const firstAttemptAt: number[] = [];
		const settings = { maxConcurrency: 2, retryTransient: true, maxAttempts: 4 };
		const outcomes = await clock.run(
			runItems(
				4,
				settings,
				async (index) =>
					await callWithRetries(settings, gate, async (attemptNumber): Promise<Response> => {
						if (attemptNumber === 1) firstAttemptAt[index] = clock.now();
						await clock.sleep(100);
						return index === 0 && attemptNumber === 1 ? throttled : { ok: true };
					}),
				{ stopOnFirstError: false },
			),
		);
		expect(outcomes.map((outcome) => outcome.ok && outcome.value.attempts)).toEqual([2, 1, 1, 1]);
		// Items 0 and 1 start together; item 0 is throttled at t=100, so item 2 (next free slot) waits for the pause.
		expect(firstAttemptAt.slice(0, 2)).toEqual([0, 0]);
		expect(firstAttemptAt[2]).toBeGreaterThanOrEqual(100 + 1000);
		expect(firstAttemptAt[3]).toBeGreaterThanOrEqual(100 + 1000);
	});
});

describe('ThrottleGate: Retry-After is capped on every path', () => {
	it('caps a long Retry-After of a second throttle in the same burst at 30 s', async () => {
		const clock = new FakeClock(() => 0);
		const gate = new ThrottleGate(clock);
		const burst = await Promise.all([gate.beforeAttempt(), gate.beforeAttempt()]);
		gate.onThrottled(burst[0]);
		gate.onThrottled(burst[1], 3600 * 1000);
		const startedAt = await clock.run(gate.beforeAttempt());
		expect(startedAt).toBe(30000);
	});

	it('waits in one bounded sleep for a Retry-After date far in the future, not a timer that overflows', async () => {
		const clock = new FakeClock(() => 0);
		const gate = new ThrottleGate(clock);
		const fiftyDays = 50 * 24 * 3600 * 1000;
		gate.onThrottled(await gate.beforeAttempt(), fiftyDays);
		const burstMember = 0;
		gate.onThrottled(burstMember, fiftyDays);
		const startedAt = await clock.run(gate.beforeAttempt());
		expect(startedAt).toBe(30000);
		expect(clock.sleeps).toEqual([30000]);
		expect(Math.max(...clock.sleeps)).toBeLessThan(2 ** 31 - 1);
	});
});
