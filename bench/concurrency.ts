/** (2) Concurrency: 100 items at 300 ms emulated latency, wall time against the ideal ⌈100/c⌉ × 0.3 s. */
import { benchEmulator, type BenchmarkReport, jpegItems, jpegOfSize, round, runNodeTimed } from './common';

const ITEMS = 100;
const LATENCY_MS = 300;
const LEVELS = [1, 5, 10, 20];
const TARGET = 1.2;
const TARGET_LEVEL = 10;

export async function concurrencyBenchmark(): Promise<BenchmarkReport> {
	const emulator = await benchEmulator({ latencyMs: LATENCY_MS });
	try {
		const items = await jpegItems(ITEMS, jpegOfSize(20 * 1024));
		await runNodeTimed(emulator, items.slice(0, 5), { maxConcurrency: 5 });
		const rows: BenchmarkReport['rows'] = [];
		const details: Record<string, unknown> = { items: ITEMS, latencyMs: LATENCY_MS };
		let targetRatio = Number.POSITIVE_INFINITY;
		for (const concurrency of LEVELS) {
			const run = await runNodeTimed(emulator, items, { maxConcurrency: concurrency });
			if (run.error || run.outputCount !== ITEMS || !run.inOrder) {
				throw new Error(`Concurrency ${concurrency} run failed: ${run.error ?? 'incomplete or out of order'}`);
			}
			const idealMs = Math.ceil(ITEMS / concurrency) * LATENCY_MS;
			const ratio = run.wallMs / idealMs;
			if (concurrency === TARGET_LEVEL) targetRatio = ratio;
			rows.push({ concurrency, 'wall s': round(run.wallMs / 1000), 'ideal s': round(idealMs / 1000), 'wall/ideal': round(ratio, 3) });
			details[`c${concurrency}`] = { wallMs: run.wallMs, idealMs, ratio };
		}
		return {
			name: `Concurrency (${ITEMS} items, ${LATENCY_MS} ms latency)`,
			rows,
			target: `wall ≤ ${TARGET} × ideal at concurrency ${TARGET_LEVEL}`,
			verdict: targetRatio <= TARGET ? 'met' : 'missed',
			details,
		};
	} finally {
		await emulator.stop();
	}
}
