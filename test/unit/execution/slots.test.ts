import { CallSlots } from '../../../nodes/HuaweiCloudOcr/execution';

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
