import { BACKOFF, throttlePauseMs, transientDelayMs } from '../../../nodes/HuaweiCloudOcr/execution';

const fixed = (value: number) => () => value;
const almostOne = 0.999999;

describe('transientDelayMs (full jitter)', () => {
	it('doubles the ceiling with each failed attempt, starting at the transient base', () => {
		expect(transientDelayMs(1, fixed(almostOne))).toBe(BACKOFF.transientBaseMs - 1);
		expect(transientDelayMs(2, fixed(almostOne))).toBe(2 * BACKOFF.transientBaseMs - 1);
		expect(transientDelayMs(3, fixed(almostOne))).toBe(4 * BACKOFF.transientBaseMs - 1);
	});

	it('can be zero (full jitter) and never exceeds the cap', () => {
		expect(transientDelayMs(3, fixed(0))).toBe(0);
		expect(transientDelayMs(20, fixed(almostOne))).toBeLessThan(BACKOFF.capMs);
		expect(transientDelayMs(20, fixed(almostOne))).toBeGreaterThan(BACKOFF.capMs - 2);
	});

	it('waits at least as long as a Retry-After asks, up to the cap', () => {
		expect(transientDelayMs(1, fixed(0), 7000)).toBe(7000);
		expect(transientDelayMs(1, fixed(0), 600000)).toBe(BACKOFF.capMs);
		expect(transientDelayMs(1, fixed(0.5), -1)).toBe(500);
	});
});

describe('throttlePauseMs', () => {
	it('starts between 1 and 2 seconds and doubles per episode in a row', () => {
		expect(throttlePauseMs(1, fixed(0))).toBe(1000);
		expect(throttlePauseMs(1, fixed(almostOne))).toBe(1999);
		expect(throttlePauseMs(2, fixed(0))).toBe(2000);
		expect(throttlePauseMs(3, fixed(almostOne))).toBe(7999);
		expect(throttlePauseMs(12, fixed(almostOne))).toBeLessThan(BACKOFF.capMs);
	});

	it('honours a Retry-After that is longer than the jittered pause', () => {
		expect(throttlePauseMs(1, fixed(0), 4000)).toBe(4000);
		expect(throttlePauseMs(1, fixed(0), 10)).toBe(1000);
	});
});
