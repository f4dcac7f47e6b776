/** (3) Throttling: the emulator accepts 5 requests per rolling second; 50 items at concurrency 10. */
import { benchEmulator, type BenchmarkReport, jpegItems, jpegOfSize, round, runNodeTimed } from './common';

const ITEMS = 50;
const QPS = 5;
const CONCURRENCY = 10;
const IDEAL_MS = (ITEMS / QPS) * 1000;
const TARGET = 1.3;

export async function throttlingBenchmark(): Promise<BenchmarkReport> {
	const emulator = await benchEmulator();
	try {
		const items = await jpegItems(ITEMS, jpegOfSize(20 * 1024));
		await runNodeTimed(emulator, items.slice(0, 3), { maxConcurrency: 1 });
		await emulator.setFaults({ qpsLimit: QPS });
		await emulator.clearLog();
		const run = await runNodeTimed(emulator, items, { maxConcurrency: CONCURRENCY }, { continueOnFail: true });
		const ocr = (await emulator.summary()).ocrRequests;
		const throttled = ocr.filter((request) => request.errorCode === 'APIG.0308').length;
		const lost = ITEMS - run.outputCount;
		const ratio = run.wallMs / IDEAL_MS;
		const met = run.failedCount === 0 && lost === 0 && run.inOrder && ratio <= TARGET;
		return {
			name: `Throttling (${ITEMS} items, QPS limit ${QPS}, concurrency ${CONCURRENCY})`,
			rows: [
				{
					'wall s': round(run.wallMs / 1000),
					'ideal s': round(IDEAL_MS / 1000),
					'wall/ideal': round(ratio, 3),
					'failed items': run.failedCount,
					lost,
					'APIG.0308 seen': throttled,
					requests: ocr.length,
				},
			],
			target: `0 failed items, wall ≤ ${TARGET} × ${IDEAL_MS / 1000} s`,
			verdict: met ? 'met' : 'missed',
			details: { items: ITEMS, qps: QPS, concurrency: CONCURRENCY, wallMs: run.wallMs, idealMs: IDEAL_MS, ratio, failed: run.failedCount, lost, throttled, requests: ocr.length, error: run.error },
		};
	} finally {
		await emulator.stop();
	}
}
