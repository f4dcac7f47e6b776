import {
	BilledCalls,
	CallsStoppedError,
	causeOfStop,
	ItemSkippedError,
	StopSignal,
} from '../../../nodes/HuaweiCloudOcr/execution';

describe('StopSignal', () => {
	it('stops every later call once a failure is seen without Continue On Fail', () => {
		const stop = new StopSignal(true);
		expect(() => stop.throwIfStopped()).not.toThrow();
		stop.failed();
		expect(() => stop.throwIfStopped()).toThrow(CallsStoppedError);
	});

	it('watch: a failing piece of work stops the node and keeps its own error; a working one does not', async () => {
		const stop = new StopSignal(true);
		expect(await stop.watch(async () => 42)).toBe(42);
		expect(() => stop.throwIfStopped()).not.toThrow();
		const failure = new Error('bad input');
		await expect(stop.watch(async () => await Promise.reject(failure))).rejects.toBe(failure);
		expect(() => stop.throwIfStopped()).toThrow(CallsStoppedError);
	});

	it('never stops under Continue On Fail', () => {
		const stop = new StopSignal(false);
		stop.failed();
		expect(() => stop.throwIfStopped()).not.toThrow();
	});
});

describe('causeOfStop', () => {
	const own = new Error('own failure');
	it('is the first item that failed on its own, not one stopped or skipped because of it', () => {
		expect(
			causeOfStop([
				{ ok: true, value: 1 },
				{ ok: false, error: new CallsStoppedError() },
				{ ok: false, error: own },
				{ ok: false, error: new ItemSkippedError(3), skipped: true },
			]),
		).toEqual({ itemIndex: 2, error: own });
	});

	it('falls back to the first failure, and is undefined when every item worked', () => {
		const stopped = new CallsStoppedError();
		expect(causeOfStop([{ ok: false, error: stopped }])).toEqual({ itemIndex: 0, error: stopped });
		expect(causeOfStop([{ ok: true, value: 1 }])).toBeUndefined();
	});
});

describe('BilledCalls', () => {
	it('says nothing when no call was billed', () => {
		expect(new BilledCalls().stopNote()).toBeUndefined();
	});

	it('counts every 2xx answer and lists the request IDs it carried', () => {
		const billed = new BilledCalls();
		billed.record('a1');
		billed.record(undefined);
		billed.record('b2');
		expect(billed.requestIds).toEqual(['a1', 'b2']);
		expect(billed.stopNote()).toBe(
			'3 calls were answered and billed before the node stopped; their results are not output. Billed request IDs: a1, b2. ' +
				'1 of the answers carried no request ID. To keep the results of the items that work, turn on Continue On Fail (node Settings → On Error → Continue).',
		);
	});

	it('writes one call in the singular', () => {
		const billed = new BilledCalls();
		billed.record('a1');
		expect(billed.stopNote()).toMatch(/^1 call was answered and billed/);
	});
});
