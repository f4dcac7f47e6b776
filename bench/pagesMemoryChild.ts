/**
 * One 100-page PDF through the node in its own process (filesystem binary mode), so its peak RSS
 * is not mixed with the parent's. Prints one JSON line: file size, RSS before the run, peak RSS, the run.
 */
import { readFileSync } from '../test/nodejs/fs.cjs';
import process from '../test/nodejs/process.cjs';

import { useBinaryMode } from '../test/harness/engine';
import { fileItem } from '../test/harness/ocrNode';
import collectGarbage from './collectGarbage.cjs';
import { runPdf } from './pages';

async function main(): Promise<void> {
	const [pdfPath] = process.argv.slice(2);
	const url = process.env.BENCH_EMULATOR_URL;
	if (!url || !pdfPath) throw new Error('usage: BENCH_EMULATOR_URL=… pagesMemoryChild.ts <file.pdf>');
	await useBinaryMode('filesystem');
	let pdf: Buffer | undefined = readFileSync(pdfPath);
	const fileBytes = pdf.length;
	const items = [await fileItem(pdf, 'big.pdf', 'application/pdf')];
	pdf = undefined;
	collectGarbage();
	const rssBeforeRun = process.memoryUsage().rss;
	const run = await runPdf(url, items, 100);
	const peakRss = process.resourceUsage().maxRSS * 1024;
	process.stdout.write(`${JSON.stringify({ fileBytes, rssBeforeRun, peakRss, run })}\n`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
		process.exit(1);
	},
);
