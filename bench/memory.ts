/**
 * (4) Memory: peak RSS of 40 items of ~7 MB (filesystem binary mode, concurrency 4) against the same
 * run with 10 items, each in a child process. Memory should follow the window of 4, not the batch.
 * Peak RSS moves by tens of MB with garbage-collection timing, so each size runs twice (alternating)
 * and the lower peak counts.
 */

import { benchEmulator, type BenchmarkReport, MB, round, runMemoryChild } from './common';

const SMALL = 10;
const LARGE = 40;
const IMAGE_MB = 7_000_000 / MB;

interface ChildResult {
	count: number;
	imageBytes: number;
	rssBeforeRun: number;
	peakBeforeRun: number;
	peakRss: number;
	wallMs: number;
	outputCount: number;
	failedCount: number;
	error?: string;
}

async function runChild(url: string, count: number): Promise<ChildResult> {
	return await runMemoryChild<ChildResult>('memoryChild.ts', [String(count)], url);
}

export async function memoryBenchmark(): Promise<BenchmarkReport> {
	const emulator = await benchEmulator();
	try {
		const runs = [
			await runChild(emulator.url, SMALL),
			await runChild(emulator.url, LARGE),
			await runChild(emulator.url, LARGE),
			await runChild(emulator.url, SMALL),
		];
		const lowerPeak = (count: number) =>
			runs.filter((run) => run.count === count).reduce((best, run) => (run.peakRss < best.peakRss ? run : best));
		const small = lowerPeak(SMALL);
		const large = lowerPeak(LARGE);
		for (const run of runs) {
			if (run.error || run.outputCount !== run.count || run.failedCount > 0) {
				throw new Error(`Memory run with ${run.count} items failed: ${run.error ?? `${run.failedCount} failed`}`);
			}
		}
		const growthMb = (large.peakRss - small.peakRss) / MB;
		const batchGrowthMb = (LARGE - SMALL) * IMAGE_MB;
		// "Far below": less than a quarter of what holding the 30 extra images would cost.
		const limitMb = batchGrowthMb / 4;
		const row = (run: ChildResult) => ({
			items: run.count,
			'RSS before run MB': round(run.rssBeforeRun / MB, 1),
			'peak RSS MB': round(run.peakRss / MB, 1),
			'wall s': round(run.wallMs / 1000),
		});
		return {
			name: `Memory (~${round(IMAGE_MB, 1)} MB JPEGs, filesystem binary mode, concurrency 4)`,
			rows: [row(small), row(large), { items: `${LARGE} − ${SMALL}`, 'RSS before run MB': '', 'peak RSS MB': round(growthMb, 1), 'wall s': '' }],
			target: `peak RSS growth ≪ ${LARGE - SMALL} × image size (${round(batchGrowthMb, 0)} MB); met when < ${round(limitMb, 0)} MB`,
			verdict: growthMb < limitMb ? 'met' : 'missed',
			details: { small, large, peaksMb: runs.map((run) => ({ items: run.count, peakRssMb: run.peakRss / MB })), growthMb, batchGrowthMb, limitMb },
		};
	} finally {
		await emulator.stop();
	}
}
