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

/** A ramping gate as the account registry hands it to several executions at once. */
function sharedRampingGate(clock: FakeClock): ThrottleGate {
	const gate = new ThrottleGate(clock, { rampFromPerSecond: 16 });
	gate.setSharedBy(2);
	return gate;
}

describe('ThrottleGate: ramp, configured ceiling and probes', () => {
	const startsOf = async (clock: FakeClock, gate: ThrottleGate, count: number, accepted = true): Promise<number[]> => {
		const starts: number[] = [];
		for (let index = 0; index < count; index++) {
			const startedAt = await clock.run(gate.beforeAttempt());
			starts.push(startedAt);
			if (accepted) gate.onAccepted(startedAt);
		}
		return starts;
	};

	it('a ramping gate shared by executions lets 5 attempts a second start at once, paces the others and speeds up while the gateway accepts', async () => {
		const clock = new FakeClock(() => 0);
		const gate = sharedRampingGate(clock);
		const starts = await startsOf(clock, gate, 50);
		expect(starts.slice(0, 5)).toEqual(Array(5).fill(0));
		const gaps = starts.slice(5).map((time, index) => time - starts[index + 4]);
		expect(gaps[0]).toBeCloseTo(1050 / 16, 5);
		expect(gaps[gaps.length - 1]).toBeLessThan(gaps[0] / 2);
		expect(gate.stats().ratePerSecond).toBeGreaterThan(16);
	});

	it('a ramping gate does not speed up while nobody waits for it', async () => {
		const clock = new FakeClock(() => 0);
		const gate = sharedRampingGate(clock);
		for (let index = 0; index < 20; index++) {
			gate.onAccepted(await clock.run(gate.beforeAttempt()));
			await clock.run(clock.sleep(2000));
		}
		expect(gate.stats().ratePerSecond).toBe(16);
	});

	it('a ramping gate stops ramping at the first throttle and paces at the accepted rate after the pause', async () => {
		const clock = new FakeClock(() => 0);
		const gate = sharedRampingGate(clock);
		await startsOf(clock, gate, 10);
		gate.onThrottled(await clock.run(gate.beforeAttempt()));
		expect(gate.stats()).toMatchObject({ pauses: 1, lastPauseMs: 1000, ratePerSecond: 10 });
		// Two seconds' worth (20) at 10/s before the first probe.
		const starts = await startsOf(clock, gate, 20);
		const gaps = starts.slice(1).map((time, index) => time - starts[index]);
		for (const gap of gaps) expect(gap).toBeCloseTo(105, 5);
		expect(gate.stats().ratePerSecond).toBe(11);
	});

	it("never starts more attempts a second than the configured ceiling, learnt or ramping", async () => {
		const clock = new FakeClock(() => 0);
		const gate = sharedRampingGate(clock);
		gate.limitRate(4);
		const starts = await startsOf(clock, gate, 12);
		const perWindow = starts.map((time) => starts.filter((other) => other > time - 1000 && other <= time).length);
		expect(Math.max(...perWindow)).toBeLessThanOrEqual(4);
		const unpaced = new ThrottleGate(clock);
		unpaced.limitRate(4);
		const unpacedStarts = await startsOf(clock, unpaced, 5);
		expect(unpacedStarts[4] - unpacedStarts[0]).toBeCloseTo(4 * 262.5, 5);
	});

	it('after a probe one step too far, waits only until the window has room, without the throttle pause', async () => {
		const clock = new FakeClock(() => 0);
		const gate = new ThrottleGate(clock);
		for (let i = 0; i < 5; i++) gate.onAccepted(await gate.beforeAttempt());
		gate.onThrottled(await gate.beforeAttempt());
		// 2 seconds' worth at 5/s makes the gate probe 6/s.
		await startsOf(clock, gate, 10);
		expect(gate.stats().ratePerSecond).toBe(6);
		const throttledAt = await clock.run(gate.beforeAttempt());
		gate.onThrottled(throttledAt);
		expect(gate.stats().pauses).toBe(2);
		expect(gate.stats().lastPauseMs).toBeLessThan(1000);
		expect(gate.stats().ratePerSecond).toBeLessThanOrEqual(5);
		// A second throttle in a row is a real episode again: the full pause.
		gate.onThrottled(await clock.run(gate.beforeAttempt()));
		expect(gate.stats().lastPauseMs).toBeGreaterThanOrEqual(1000);
	});

	it('pauses one window, without jitter, when the ramp finds the limit', async () => {
		const clock = new FakeClock(() => 0.99);
		const gate = sharedRampingGate(clock);
		await startsOf(clock, gate, 5);
		gate.onThrottled(await clock.run(gate.beforeAttempt()));
		expect(gate.stats().lastPauseMs).toBe(1000);
		const plain = new ThrottleGate(clock);
		plain.onThrottled(await clock.run(plain.beforeAttempt()));
		expect(plain.stats().lastPauseMs).toBeGreaterThan(1900);
	});

	it('counts requests the gateway accepted but whose answers came in after the throttle', async () => {
		const clock = new FakeClock(() => 0);
		const gate = sharedRampingGate(clock);
		const inFlight = await Promise.all(Array.from({ length: 10 }, async () => await clock.run(gate.beforeAttempt())));
		const refused = await clock.run(gate.beforeAttempt());
		for (const startedAt of inFlight.slice(0, 6)) gate.onAccepted(startedAt);
		gate.onThrottled(refused);
		expect(gate.stats().ratePerSecond).toBe(6);
		for (const startedAt of inFlight.slice(6)) gate.onAccepted(startedAt);
		expect(gate.stats().ratePerSecond).toBe(10);
	});

	it('lowers a paced rate by a fifth at most when a throttle comes after a pause, instead of collapsing to what that second held', async () => {
		const clock = new FakeClock(() => 0);
		const gate = sharedRampingGate(clock);
		await startsOf(clock, gate, 10);
		gate.onThrottled(await clock.run(gate.beforeAttempt()));
		expect(gate.stats().ratePerSecond).toBe(10);
		// After the pause, a request is refused again (the gateway's window still held late arrivals).
		clock.time += 5000;
		gate.onThrottled(await clock.run(gate.beforeAttempt()));
		expect(gate.stats().ratePerSecond).toBe(8);
	});

	it('probes soon after a throttle, and less often each time a probe is refused', async () => {
		const clock = new FakeClock(() => 0);
		const gate = new ThrottleGate(clock);
		for (let i = 0; i < 5; i++) gate.onAccepted(await gate.beforeAttempt());
		gate.onThrottled(await gate.beforeAttempt());
		const acceptedUntilProbe = async (): Promise<number> => {
			const rate = gate.stats().ratePerSecond;
			let accepted = 0;
			while (gate.stats().ratePerSecond === rate) {
				gate.onAccepted(await clock.run(gate.beforeAttempt()));
				accepted++;
			}
			return accepted;
		};
		expect(await acceptedUntilProbe()).toBe(10);
		// Accepted at 6/s: the next probe after 2 seconds' worth again.
		expect(await acceptedUntilProbe()).toBe(12);
		gate.onThrottled(await clock.run(gate.beforeAttempt()));
		expect(gate.stats().ratePerSecond).toBeLessThanOrEqual(7);
		const rate = gate.stats().ratePerSecond;
		expect(await acceptedUntilProbe()).toBe(rate * 4);
	});

	it('keeps its pace when a busy event loop wakes it late, without ever starting more than the rate within a window', async () => {
		const lateness = [0, 40, 10, 60, 25];
		let sleeps = 0;
		const clock = new FakeClock(() => 0, () => lateness[sleeps++ % lateness.length]);
		const learnt = sharedRampingGate(clock);
		await startsOf(clock, learnt, 10);
		learnt.onThrottled(await clock.run(learnt.beforeAttempt()));
		expect(learnt.stats().ratePerSecond).toBe(10);
		const ceiling = new ThrottleGate(clock);
		ceiling.limitRate(10);
		for (const gate of [learnt, ceiling]) {
			clock.time += 5000;
			// 19: two seconds' worth less one, before a learnt gate probes a higher rate.
			const starts = await startsOf(clock, gate, 19);
			// Catching up never packs starts closer than steady pacing: at most 10 within a window and its 5 % margin.
			const perWindow = starts.map((time) => starts.filter((other) => other > time - 1050 && other <= time).length);
			expect(Math.max(...perWindow)).toBeLessThanOrEqual(10);
			// Paced at 10/s with its 5 % margin, 19 starts span 18 × 105 ms, plus the last one's lateness and what the
			// half-slot catch-up could not recover. Late wake-ups may not add up, as they did (2,405 ms: 18 × 134 ms).
			// 19 starts span 18 slots of (1050 + 60 ms, the largest recent lateness) / 10, plus the last one's lateness and
			// what the half-slot catch-up could not recover. Late wake-ups may not add up, as they did (2,405 ms: 18 × 134 ms).
			expect(starts[18] - starts[0]).toBeLessThanOrEqual((18 * (1050 + 60)) / 10 + 100);
		}
	});

	it('spaces its starts wider by how late its recent wake-ups were, as a busy process sends its requests that much out of step', async () => {
		const spacingWith = async (lateMs: number): Promise<number[]> => {
			const clock = new FakeClock(() => 0, () => lateMs);
			const gate = new ThrottleGate(clock);
			gate.limitRate(10);
			const starts = await startsOf(clock, gate, 20);
			return starts.slice(11).map((time, index) => time - starts[index + 10]);
		};
		for (const gap of await spacingWith(0)) expect(gap).toBeCloseTo(105, 5);
		for (const gap of await spacingWith(50)) expect(gap).toBeCloseTo((1050 + 50) / 10, 5);
		// A second-long stall counts as 250 ms at most: the margin must not starve the rate.
		for (const gap of await spacingWith(1000)) expect(gap).toBeCloseTo(1000 + (1050 + 250) / 10, 5);
	});

	it('a ramping gate used by one execution does not pace it (its Max Concurrent Requests bounds it), until a second one joins', async () => {
		const clock = new FakeClock(() => 0);
		const gate = new ThrottleGate(clock, { rampFromPerSecond: 16 });
		expect(await startsOf(clock, gate, 30)).toEqual(Array(30).fill(0));
		gate.setSharedBy(2);
		clock.time += 1000;
		const starts = await startsOf(clock, gate, 10);
		expect(starts[9] - starts[0]).toBeGreaterThan(0);
	});
});
