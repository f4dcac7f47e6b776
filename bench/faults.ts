/** (5) Faults: 200 items, 10% random transient faults (5xx, reset, hang → timeout, APIG.0201), 4 attempts. */
import type { FaultKind } from '../test/emulator/types';
import { benchEmulator, type BenchmarkReport, jpegItems, jpegOfSize, round, runNodeTimed } from './common';

const ITEMS = 200;
const RATE = 0.1;
const KINDS: FaultKind[] = ['http500', 'http502Plain', 'http503', 'reset', 'hang', 'backendTimeout'];
const CONCURRENCY = 10;
const TIMEOUT_SECONDS = 2;

export async function faultsBenchmark(): Promise<BenchmarkReport> {
	const emulator = await benchEmulator({ latencyMs: { min: 10, max: 60 } });
	try {
		const items = await jpegItems(ITEMS, jpegOfSize(20 * 1024));
		await emulator.setFaults({ randomTransient: { rate: RATE, seed: 20240601, kinds: KINDS } });
		await emulator.clearLog();
		const run = await runNodeTimed(
			emulator,
			items,
			{ maxConcurrency: CONCURRENCY, maxAttempts: 4, timeoutSeconds: TIMEOUT_SECONDS },
			{ continueOnFail: true },
		);
		const summary = await emulator.summary();
		const ocr = summary.ocrRequests;
		const injected = ocr.filter((request) => request.fault !== undefined).length;
		const lost = ITEMS - run.outputCount;
		const succeeded = run.outputCount - run.failedCount;
		const share = succeeded / ITEMS;
		return {
			name: `Faults (${ITEMS} items, ${RATE * 100}% transient faults, max attempts 4)`,
			rows: [
				{
					'wall s': round(run.wallMs / 1000),
					requests: ocr.length,
					'faults injected': injected,
					succeeded,
					'success share': round(share, 4),
					failed: run.failedCount,
					lost,
					'in order': run.inOrder,
				},
			],
			target: 'zero lost items, all in order (success share reported)',
			verdict: lost === 0 && run.inOrder ? 'met' : 'missed',
			details: { items: ITEMS, rate: RATE, kinds: KINDS, timeoutSeconds: TIMEOUT_SECONDS, wallMs: run.wallMs, requests: ocr.length, injected, faultsByKind: summary.faults, succeeded, share, failed: run.failedCount, lost, error: run.error },
		};
	} finally {
		await emulator.stop();
	}
}
