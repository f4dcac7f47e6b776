import process from '../../nodejs/process.cjs';
import { setTimeout } from '../../nodejs/timers.cjs';

import { ItemSkippedError, runItems } from '../../../nodes/HuaweiCloudOcr/execution';

const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Tracks how many work calls are running, and the highest number seen. */
function flightRecorder() {
	const recorder = { running: 0, peak: 0, startedWhileRunning: [] as number[] };
	const track = async <T>(work: () => Promise<T>): Promise<T> => {
		recorder.startedWhileRunning.push(recorder.running);
		recorder.running++;
		recorder.peak = Math.max(recorder.peak, recorder.running);
		try {
			return await work();
		} finally {
			recorder.running--;
		}
	};
	return { recorder, track };
}

describe('runItems', () => {
	it('returns every item in input order under concurrency with random delays', async () => {
		const { recorder, track } = flightRecorder();
		const outcomes = await runItems(
			60,
			{ maxConcurrency: 7 },
			async (index) =>
				await track(async () => {
					await pause(Math.floor(Math.random() * 6));
					return `item ${index}`;
				}),
			{ stopOnFirstError: false },
		);
		expect(outcomes).toEqual(Array.from({ length: 60 }, (_, index) => ({ ok: true, value: `item ${index}` })));
		expect(recorder.peak).toBe(7);
	});

	it('starts an item only when a slot is free, so loaded data lives only inside the window', async () => {
		const { recorder, track } = flightRecorder();
		const calledAt: number[] = [];
		await runItems(
			20,
			{ maxConcurrency: 3 },
			async (index) => {
				calledAt.push(index);
				return await track(async () => await pause(index % 3));
			},
			{ stopOnFirstError: false },
		);
		expect(recorder.startedWhileRunning.every((running) => running < 3)).toBe(true);
		expect(calledAt).toEqual(Array.from({ length: 20 }, (_, index) => index));
	});

	it('runs one at a time with concurrency 1, and copes with fewer items than workers and with none', async () => {
		const { recorder, track } = flightRecorder();
		const sequential = await runItems(5, { maxConcurrency: 1 }, async (index) => await track(async () => index * 2), {
			stopOnFirstError: false,
		});
		expect(sequential.map((outcome) => outcome.ok && outcome.value)).toEqual([0, 2, 4, 6, 8]);
		expect(recorder.peak).toBe(1);
		expect(await runItems(2, { maxConcurrency: 50 }, async (index) => index, { stopOnFirstError: false })).toHaveLength(2);
		expect(await runItems(0, { maxConcurrency: 5 }, async (index) => index, { stopOnFirstError: true })).toEqual([]);
	});

	it('records failures in place and keeps going without stopOnFirstError', async () => {
		const outcomes = await runItems(
			6,
			{ maxConcurrency: 2 },
			async (index) => {
				await pause(1);
				if (index % 2 === 1) throw new Error(`bad ${index}`);
				return index;
			},
			{ stopOnFirstError: false },
		);
		expect(outcomes.map((outcome) => (outcome.ok ? outcome.value : (outcome.error as Error).message))).toEqual([
			0,
			'bad 1',
			2,
			'bad 3',
			4,
			'bad 5',
		]);
	});

	it('catches a work function that throws synchronously', async () => {
		const outcomes = await runItems(
			2,
			{ maxConcurrency: 2 },
			((index: number) => {
				if (index === 0) throw new Error('sync failure');
				return Promise.resolve(index);
			}) as (index: number) => Promise<number>,
			{ stopOnFirstError: false },
		);
		expect(outcomes[0]).toEqual({ ok: false, error: new Error('sync failure') });
		expect(outcomes[1]).toEqual({ ok: true, value: 1 });
	});

	it('with stopOnFirstError starts nothing after a failure, lets running items finish, and marks the rest skipped', async () => {
		const started: number[] = [];
		const finished: number[] = [];
		const outcomes = await runItems(
			10,
			{ maxConcurrency: 3 },
			async (index) => {
				started.push(index);
				if (index === 1) throw new Error('permanent failure');
				await pause(20);
				finished.push(index);
				return index;
			},
			{ stopOnFirstError: true },
		);
		expect(started).toEqual([0, 1, 2]);
		expect(finished.sort()).toEqual([0, 2]);
		expect(outcomes[0]).toEqual({ ok: true, value: 0 });
		expect(outcomes[1]).toEqual({ ok: false, error: new Error('permanent failure') });
		expect(outcomes[2]).toEqual({ ok: true, value: 2 });
		for (const outcome of outcomes.slice(3)) {
			expect(outcome).toMatchObject({ ok: false, skipped: true });
			expect(!outcome.ok && outcome.error).toBeInstanceOf(ItemSkippedError);
		}
	});

	it('leaves no unhandled rejection when many items fail, before and after a stop', async () => {
		const unhandled: unknown[] = [];
		const listener = (reason: unknown) => unhandled.push(reason);
		process.on('unhandledRejection', listener);
		try {
			for (const stopOnFirstError of [true, false]) {
				const outcomes = await runItems(
					30,
					{ maxConcurrency: 8 },
					async (index) => {
						await pause(index % 4);
						if (index % 3 === 0) throw new Error(`failure ${index}`);
						return index;
					},
					{ stopOnFirstError },
				);
				expect(outcomes).toHaveLength(30);
				expect(outcomes.filter((outcome) => !outcome.ok).length).toBeGreaterThan(0);
			}
			await pause(20);
			expect(unhandled).toEqual([]);
		} finally {
			process.off('unhandledRejection', listener);
		}
	});
});
