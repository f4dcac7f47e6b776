import { setImmediate } from '../../nodejs/timers.cjs';

import { CallSlots, slotsWithin } from '../../../nodes/HuaweiCloudOcr/execution';

function deferred() {
	let resolve!: () => void;
	const promise = new Promise<void>((done) => (resolve = done));
	return { promise, resolve };
}

it('runs at most `size` calls at once and serves waiters in order', async () => {
	const slots = new CallSlots(2);
	const gates = Array.from({ length: 5 }, deferred);
	const started: number[] = [];
	let running = 0;
	let peak = 0;
	const runs = gates.map((gate, index) =>
		slots.use(async () => {
			started.push(index);
			peak = Math.max(peak, ++running);
			await gate.promise;
			running--;
			return index;
		}),
	);
	await Promise.resolve();
	expect(started).toEqual([0, 1]);
	gates[1].resolve();
	gates[0].resolve();
	gates[2].resolve();
	gates[3].resolve();
	gates[4].resolve();
	await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2, 3, 4]);
	expect(started).toEqual([0, 1, 2, 3, 4]);
	expect(peak).toBe(2);
});

it('frees the slot when the call throws', async () => {
	const slots = new CallSlots(1);
	await expect(slots.use(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
	await expect(slots.use(async () => 'next')).resolves.toBe('next');
});

it('resizes: a larger limit starts waiters at once, a smaller one lets calls in flight finish', async () => {
	const slots = new CallSlots(1);
	const gates = Array.from({ length: 4 }, deferred);
	const started: number[] = [];
	const runs = gates.map((gate, index) =>
		slots.use(async () => {
			started.push(index);
			await gate.promise;
		}),
	);
	await Promise.resolve();
	expect(started).toEqual([0]);
	slots.resize(3);
	await new Promise((resolve) => setImmediate(resolve));
	expect(started).toEqual([0, 1, 2]);
	slots.resize(1);
	gates[0].resolve();
	gates[1].resolve();
	await new Promise((resolve) => setImmediate(resolve));
	// Two calls ended, but one is still running, so the limit of 1 is reached: call 3 waits.
	expect(started).toEqual([0, 1, 2]);
	gates[2].resolve();
	await new Promise((resolve) => setImmediate(resolve));
	expect(started).toEqual([0, 1, 2, 3]);
	gates[3].resolve();
	await Promise.all(runs);
	expect(slots.idle()).toBe(true);
});

it('a call within an account budget holds a slot of each', async () => {
	const own = new CallSlots(3);
	const account = new CallSlots(1);
	const gate = deferred();
	const started: number[] = [];
	const runs = [0, 1].map((index) =>
		slotsWithin(own, account).use(async () => {
			started.push(index);
			await gate.promise;
		}),
	);
	await new Promise((resolve) => setImmediate(resolve));
	expect(started).toEqual([0]);
	expect(own.idle()).toBe(false);
	gate.resolve();
	await Promise.all(runs);
	expect(started).toEqual([0, 1]);
	expect(own.idle() && account.idle()).toBe(true);
	expect(slotsWithin(own, undefined)).toBe(own);
});
