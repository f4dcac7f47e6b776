/**
 * One memory run in its own process, so its peak RSS is not mixed with other runs: N items of a
 * ~7 MB JPEG in n8n's filesystem binary mode, through the node at concurrency 4, against the
 * emulator the parent started. Prints one JSON line.
 */
import process from '../test/nodejs/process.cjs';

import collectGarbage from './collectGarbage.cjs';
import { jpegItems, jpegOfSize, runNodeTimed } from './common';
import { useBinaryMode } from '../test/harness/engine';

const IMAGE_BYTES = 7_000_000;

async function main(): Promise<void> {
	const count = Number(process.argv[2]);
	const url = process.env.BENCH_EMULATOR_URL;
	if (!url || !Number.isInteger(count)) throw new Error('usage: BENCH_EMULATOR_URL=… memoryChild.ts <items>');
	await useBinaryMode('filesystem');
	const items = await jpegItems(count, jpegOfSize(IMAGE_BYTES));
	collectGarbage();
	const rssBeforeRun = process.memoryUsage().rss;
	const peakBeforeRun = process.resourceUsage().maxRSS * 1024;
	const run = await runNodeTimed({ url }, items, { maxConcurrency: 4, timeoutSeconds: 120 }, { binaryMode: 'filesystem' });
	const peakRss = process.resourceUsage().maxRSS * 1024;
	process.stdout.write(`${JSON.stringify({ count, imageBytes: IMAGE_BYTES, rssBeforeRun, peakBeforeRun, peakRss, ...run })}\n`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
		process.exit(1);
	},
);
