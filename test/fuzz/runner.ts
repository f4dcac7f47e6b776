/** One fuzz case (built from its seed alone, run, measured) and the figures of a run of many. */
import process from '../nodejs/process.cjs';

import { mutate } from './mutations';
import { Rng, caseSeed } from './prng';
import type { Seed, SeedKind } from './seeds';
import { runReaders } from './targets';
import type { ReaderCall } from './targets';

/** The per-case bounds, for files under 1 MB: CPU time of all readers together, and heap growth. */
export const CASE_CPU_MS = 200;
export const CASE_HEAP_BYTES = 64 * 1024 * 1024;

const KIND_WEIGHTS: Array<[SeedKind, number]> = [
	['pdf', 40],
	['image', 30],
	['ofd', 15],
	['deflate', 10],
	['zip', 5],
];

export interface CaseReport {
	caseSeed: number;
	seedName: string;
	steps: string[];
	byteLength: number;
	cpuMs: number;
	wallMs: number;
	/** Growth of the V8 heap plus external memory (Buffers) across the case; negative after a collection. */
	heapGrowth: number;
	calls: ReaderCall[];
	/** Why the case failed: a reader threw something else than its own problem, or a bound was broken. */
	failures: string[];
}

function pickSeed(rng: Rng, corpus: readonly Seed[]): Seed {
	const kinds = KIND_WEIGHTS.filter(([kind]) => corpus.some((seed) => seed.kind === kind));
	const total = kinds.reduce((sum, [, weight]) => sum + weight, 0);
	let ticket = rng.below(total);
	let kind = kinds[0][0];
	for (const [candidate, weight] of kinds) {
		ticket -= weight;
		if (ticket < 0) {
			kind = candidate;
			break;
		}
	}
	return rng.pick(corpus.filter((seed) => seed.kind === kind));
}

/** The bytes of case `seedOfCase`: which seed file, which mutations. */
export function buildCase(corpus: readonly Seed[], seedOfCase: number): { seed: Seed; bytes: Buffer; steps: string[] } {
	const rng = new Rng(seedOfCase);
	const seed = pickSeed(rng, corpus);
	const { bytes, steps } = mutate(seed, rng, corpus);
	return { seed, bytes, steps };
}

function heapInUse(): number {
	const usage = process.memoryUsage();
	return usage.heapUsed + usage.external;
}

/**
 * A case over a bound is measured again, up to this many runs in all, and judged on its best run: the
 * readers are deterministic, so a case that is really slow is slow every time, while a major garbage
 * collection or a CPU shared with other test workers (seen in CI: a 40 ms case measured at 418 ms)
 * charges one run only.
 */
export const CASE_MEASUREMENTS = 3;

export interface Measurement {
	cpuMs: number;
	wallMs: number;
	heapGrowth: number;
	calls: ReaderCall[];
}

/** One run of every reader over `bytes`, with what it cost. */
export function measureReaders(seed: Seed, bytes: Buffer): Measurement {
	const heapBefore = heapInUse();
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const calls = runReaders(seed, bytes);
	const wallMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs, heapGrowth: heapInUse() - heapBefore, calls };
}

const overCpu = (run: Measurement) => run.cpuMs > CASE_CPU_MS;
const overHeap = (run: Measurement) => run.heapGrowth > CASE_HEAP_BYTES;
const withinBounds = (run: Measurement) => !overCpu(run) && !overHeap(run);

/**
 * Runs `measureOnce` until one run is within both bounds, at most CASE_MEASUREMENTS times. Keeps the
 * run within them, or else the fastest, and names the bounds that one broke.
 */
export function measureWithinBounds(measureOnce: () => Measurement): { kept: Measurement; runs: number; brokenBounds: string[] } {
	const runs = [measureOnce()];
	while (runs.length < CASE_MEASUREMENTS && !runs.some(withinBounds)) runs.push(measureOnce());
	const within = runs.find(withinBounds);
	if (within) return { kept: within, runs: runs.length, brokenBounds: [] };
	const kept = runs.reduce((fastest, run) => (run.cpuMs < fastest.cpuMs ? run : fastest));
	const which = runs.length > 1 ? ` (the fastest of ${runs.length} runs, none within both bounds)` : '';
	const brokenBounds: string[] = [];
	if (overCpu(kept)) brokenBounds.push(`took ${kept.cpuMs.toFixed(1)} ms of CPU${which}, over the ${CASE_CPU_MS} ms bound`);
	if (overHeap(kept)) brokenBounds.push(`grew the heap by ${(kept.heapGrowth / 1048576).toFixed(1)} MB${which}, over the ${CASE_HEAP_BYTES / 1048576} MB bound`);
	return { kept, runs: runs.length, brokenBounds };
}

export function runCase(corpus: readonly Seed[], seedOfCase: number): CaseReport {
	const { seed, bytes, steps } = buildCase(corpus, seedOfCase);
	const { kept, brokenBounds } = measureWithinBounds(() => measureReaders(seed, bytes));
	const { calls, cpuMs, wallMs, heapGrowth } = kept;
	const failures = calls.filter((call) => call.outcome === 'failure').map((call) => `${call.reader} threw ${call.error}`);
	failures.push(...brokenBounds);
	return { caseSeed: seedOfCase, seedName: seed.name, steps, byteLength: bytes.length, cpuMs, wallMs, heapGrowth, calls, failures };
}

/** The running figures of a campaign. */
export class CampaignStats {
	cases = 0;
	/** By CPU time (what the case itself cost; wall time also counts waiting for a shared CPU). */
	slowest?: CaseReport;
	slowestWall?: CaseReport;
	largestHeap?: CaseReport;
	readonly failed: CaseReport[] = [];
	readonly outcomes: Record<string, number> = { result: 0, problem: 0, failure: 0 };

	add(report: CaseReport): void {
		this.cases++;
		if (!this.slowest || report.cpuMs > this.slowest.cpuMs) this.slowest = report;
		if (!this.slowestWall || report.wallMs > this.slowestWall.wallMs) this.slowestWall = report;
		if (!this.largestHeap || report.heapGrowth > this.largestHeap.heapGrowth) this.largestHeap = report;
		if (report.failures.length > 0) this.failed.push(report);
		for (const call of report.calls) this.outcomes[call.outcome]++;
	}
}

export function runCases(corpus: readonly Seed[], campaignSeed: number, from: number, to: number, onCase?: (report: CaseReport, index: number) => void): CampaignStats {
	const stats = new CampaignStats();
	for (let index = from; index < to; index++) {
		const report = runCase(corpus, caseSeed(campaignSeed, index));
		stats.add(report);
		onCase?.(report, index);
	}
	return stats;
}
