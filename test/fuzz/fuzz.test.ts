/**
 * The fixed-seed fuzz slice: a few thousand mutated PDFs, OFDs, ZIPs, deflate streams and images
 * through every byte reader the node runs before a call. Each case must end as a result or as the
 * reader's own DocumentProblem, within the per-case bounds of runner.ts (CPU time, heap growth).
 * `npm run fuzz` runs the same cases with other seeds for as long as asked.
 */
import { CASE_CPU_MS, CASE_HEAP_BYTES, CASE_MEASUREMENTS, buildCase, measureWithinBounds, runCases } from './runner';
import type { CampaignStats, Measurement } from './runner';
import { caseSeed } from './prng';
import { buildSeeds } from './seeds';
import type { Seed } from './seeds';

const SLICE_SEED = 20261202;
const SLICE_CASES = 4000;

let corpus: Seed[];
let stats: CampaignStats;
const readerOutcomes = new Map<string, Set<string>>();

beforeAll(async () => {
	corpus = await buildSeeds();
	stats = runCases(corpus, SLICE_SEED, 0, SLICE_CASES, (report) => {
		for (const call of report.calls) {
			const reader = call.reader.replace(/\(.*\)$/, '');
			if (!readerOutcomes.has(reader)) readerOutcomes.set(reader, new Set());
			readerOutcomes.get(reader)!.add(call.outcome);
		}
	});
}, 120_000);

describe(`fuzz slice: ${SLICE_CASES} cases of seed ${SLICE_SEED}`, () => {
	it('every case ends as a result or the reader’s own problem, within the per-case bounds', () => {
		const failures = stats.failed.map((report) => `case seed ${report.caseSeed} (${report.seedName}; ${report.steps.join(' | ')}): ${report.failures.join('; ')}`);
		expect(failures).toEqual([]);
		expect(stats.cases).toBe(SLICE_CASES);
		expect(stats.slowest!.cpuMs).toBeLessThanOrEqual(CASE_CPU_MS);
		expect(stats.largestHeap!.heapGrowth).toBeLessThanOrEqual(CASE_HEAP_BYTES);
	});

	it('reaches every reader, with files it reads and files it refuses', () => {
		for (const reader of ['openPdf', 'ofdPageCount', 'readCentralDirectory', 'readEntry', 'inflate']) {
			expect([reader, [...(readerOutcomes.get(reader) ?? [])].sort()]).toEqual([reader, ['problem', 'result']]);
		}
		// A page split fails only when the objects of an opened document's page are damaged: rare, not required here.
		expect(readerOutcomes.get('extractPage')).toContain('result');
		expect(readerOutcomes.get('extractPage')).not.toContain('failure');
		for (const reader of ['detectFormat', 'describeBytes', 'readPixelSize', 'isTruncatedImage']) {
			expect([reader, [...(readerOutcomes.get(reader) ?? [])]]).toEqual([reader, ['result']]);
		}
	});
});

describe('fuzz cases', () => {
	it('are rebuilt byte for byte from their seed', async () => {
		const again = await buildSeeds();
		for (let index = 0; index < 50; index++) {
			const seed = caseSeed(SLICE_SEED, index);
			expect(buildCase(again, seed).bytes.equals(buildCase(corpus, seed).bytes)).toBe(true);
		}
	});

	it('differ from their seed file', () => {
		const unchanged = Array.from({ length: 200 }, (_, index) => buildCase(corpus, caseSeed(SLICE_SEED, index))).filter(
			(built) => built.bytes.equals(built.seed.bytes),
		);
		expect(unchanged.length).toBeLessThan(10);
	});
});

describe('per-case bounds', () => {
	const run = (cpuMs: number, heapMB = 1): Measurement => ({ cpuMs, wallMs: cpuMs, heapGrowth: heapMB * 1048576, calls: [] });
	const measuring = (...runs: Measurement[]) => {
		let taken = 0;
		return { next: () => runs[taken++], taken: () => taken };
	};

	it('measure a case once when it is within them', () => {
		const runs = measuring(run(12));
		expect(measureWithinBounds(runs.next)).toEqual({ kept: run(12), runs: 1, brokenBounds: [] });
		expect(runs.taken()).toBe(1);
	});

	it('measure a case again when one run was slowed by something else (a collection, a shared CPU), and keep the run within them', () => {
		const runs = measuring(run(418), run(40), run(39));
		expect(measureWithinBounds(runs.next)).toEqual({ kept: run(40), runs: 2, brokenBounds: [] });
		expect(runs.taken()).toBe(2);
	});

	it(`fail a case that breaks them in each of ${CASE_MEASUREMENTS} runs, with the figures of the fastest`, () => {
		const runs = measuring(run(900, 80), run(650, 70), run(700, 90), run(10));
		const judged = measureWithinBounds(runs.next);
		expect(runs.taken()).toBe(CASE_MEASUREMENTS);
		expect(judged.kept).toEqual(run(650, 70));
		expect(judged.brokenBounds).toEqual([
			`took 650.0 ms of CPU (the fastest of 3 runs, none within both bounds), over the ${CASE_CPU_MS} ms bound`,
			`grew the heap by 70.0 MB (the fastest of 3 runs, none within both bounds), over the ${CASE_HEAP_BYTES / 1048576} MB bound`,
		]);
	});

	it('fail a case whose every run breaks one bound or the other', () => {
		const judged = measureWithinBounds(measuring(run(900), run(20, 80), run(300)).next);
		expect(judged.runs).toBe(3);
		expect(judged.brokenBounds).toEqual([`grew the heap by 80.0 MB (the fastest of 3 runs, none within both bounds), over the ${CASE_HEAP_BYTES / 1048576} MB bound`]);
	});
});
