/**
 * `npm run fuzz -- [--cases N] [--seed S] [--minutes M] [--out DIR]`: a long fuzz campaign over the
 * node's byte readers. `npm run fuzz -- --replay <case seed>[,<case seed>…]` runs single cases again.
 *
 * The cases run in child processes (with a 1 GB old-space limit), so a case that crashes Node (heap
 * out of memory) or hangs is caught too: the parent re-runs the batch one case at a time to name the
 * case, records it and carries on after it. Prints cases run, the slowest case, the largest heap
 * growth and the seed of every failure; the bytes of every failing case are written to DIR.
 */
import { spawn } from '../nodejs/child_process.cjs';
import { mkdirSync, writeFileSync } from '../nodejs/fs.cjs';
import { tmpdir } from '../nodejs/os.cjs';
import { join } from '../nodejs/path.cjs';
import { createInterface } from '../nodejs/readline.cjs';
import console from '../nodejs/console.cjs';
import process from '../nodejs/process.cjs';
import { clearTimeout, setTimeout } from '../nodejs/timers.cjs';

import { caseSeed } from './prng';
import { CASE_CPU_MS, CASE_HEAP_BYTES, buildCase, runCase, runCases } from './runner';
import type { CaseReport } from './runner';
import { buildSeeds } from './seeds';

const BATCH = 2000;
/** A child that prints nothing for this long is hung (a batch normally reports within seconds). */
const SILENCE_MS = 60_000;
const CHILD_HEAP_MB = 1024;

interface Options {
	cases: number;
	seed: number;
	minutes: number;
	out: string;
	replay?: number[];
	child?: { from: number; to: number; each: boolean };
}

function parseOptions(argv: string[]): Options {
	const value = (name: string) => {
		const at = argv.indexOf(`--${name}`);
		return at >= 0 ? argv[at + 1] : undefined;
	};
	const number = (name: string, fallback: number) => {
		const text = value(name);
		if (text === undefined) return fallback;
		const parsed = Number(text);
		if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} must be a number, got '${text}'`);
		return parsed;
	};
	const replay = value('replay');
	const child = value('child');
	return {
		cases: number('cases', 100_000),
		seed: number('seed', Date.now() % 0x100000000) >>> 0,
		minutes: number('minutes', Infinity),
		out: value('out') ?? join(tmpdir(), 'hw-ocr-fuzz'),
		replay: replay?.split(',').map((seed) => Number(seed) >>> 0),
		child: child ? { from: Number(child.split(':')[0]), to: Number(child.split(':')[1]), each: argv.includes('--each') } : undefined,
	};
}

/** What a child prints, one JSON object a line. */
type ChildLine =
	| { type: 'start'; index: number }
	| { type: 'failure'; index: number; report: CaseReport }
	| { type: 'batch'; to: number; cases: number; slowest?: CaseReport; slowestWall?: CaseReport; largestHeap?: CaseReport; outcomes: Record<string, number> };

function slim(report: CaseReport | undefined): CaseReport | undefined {
	return report && { ...report, calls: [] };
}

async function child(options: Options): Promise<void> {
	const corpus = await buildSeeds();
	const { from, to, each } = options.child!;
	const write = (line: ChildLine) => process.stdout.write(`${JSON.stringify(line)}\n`);
	const stats = runCases(corpus, options.seed, from, to, (report, index) => {
		if (report.failures.length > 0) write({ type: 'failure', index, report: slim(report)! });
		if (each && index + 1 < to) write({ type: 'start', index: index + 1 });
	});
	write({ type: 'batch', to, cases: stats.cases, slowest: slim(stats.slowest), slowestWall: slim(stats.slowestWall), largestHeap: slim(stats.largestHeap), outcomes: stats.outcomes });
}

interface ChildResult {
	/** The index after the last case that finished (or `to`). */
	reached: number;
	crashed?: string;
}

function runChild(options: Options, from: number, to: number, each: boolean, onLine: (line: ChildLine) => void): Promise<ChildResult> {
	return new Promise((resolve) => {
		const args = ['--import', 'tsx', `--max-old-space-size=${CHILD_HEAP_MB}`, module.filename, '--seed', String(options.seed), '--child', `${from}:${to}`];
		const process_ = spawn(process.execPath, each ? [...args, '--each'] : args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let reached = from;
		let done = false;
		let stderr = '';
		let timer = setTimeout(() => process_.kill('SIGKILL'), SILENCE_MS);
		const alive = () => {
			clearTimeout(timer);
			timer = setTimeout(() => process_.kill('SIGKILL'), SILENCE_MS);
		};
		process_.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
		createInterface({ input: process_.stdout }).on('line', (text) => {
			if (!text.startsWith('{')) return;
			alive();
			const line = JSON.parse(text) as ChildLine;
			if (line.type === 'start') reached = line.index;
			if (line.type === 'batch') {
				reached = line.to;
				done = true;
			}
			onLine(line);
		});
		process_.on('close', (code, signal) => {
			clearTimeout(timer);
			if (done) resolve({ reached });
			else resolve({ reached, crashed: signal === 'SIGKILL' ? `no answer for ${SILENCE_MS / 1000} s (hung), killed` : `the process died (exit ${code ?? signal}): ${stderr.trim().split('\n').slice(-3).join(' / ')}` });
		});
	});
}

function describe(report: CaseReport): string {
	return `case seed ${report.caseSeed} (${report.seedName}, ${report.byteLength} bytes, ${report.cpuMs.toFixed(1)} ms CPU, ${report.wallMs.toFixed(1)} ms wall, heap ${(report.heapGrowth / 1048576).toFixed(1)} MB) after ${report.steps.join(' | ')}`;
}

async function campaign(options: Options): Promise<void> {
	const started = Date.now();
	const deadline = started + options.minutes * 60_000;
	mkdirSync(options.out, { recursive: true });
	const corpus = await buildSeeds();
	console.log(`fuzz campaign: seed ${options.seed}, up to ${options.cases} cases${Number.isFinite(options.minutes) ? ` or ${options.minutes} min` : ''}; bounds per case: ${CASE_CPU_MS} ms CPU, ${CASE_HEAP_BYTES / 1048576} MB heap growth; failing inputs go to ${options.out}`);
	const failures: Array<{ index: number; text: string }> = [];
	let cases = 0;
	let slowest: CaseReport | undefined;
	let slowestWall: CaseReport | undefined;
	let largestHeap: CaseReport | undefined;
	const outcomes: Record<string, number> = { result: 0, problem: 0, failure: 0 };
	const recordFailure = (index: number, text: string, seedOfCase: number) => {
		// Cases before a crash run twice (the batch, then again after the crashing case is found).
		if (failures.some((failure) => failure.index === index)) return;
		failures.push({ index, text });
		writeFileSync(join(options.out, `case-${seedOfCase}.bin`), buildCase(corpus, seedOfCase).bytes);
		console.log(`FAILURE case ${index}, seed ${seedOfCase}: ${text}`);
	};
	const onLine = (line: ChildLine) => {
		if (line.type === 'failure') recordFailure(line.index, `${line.report.failures.join('; ')} — ${describe(line.report)}`, line.report.caseSeed);
		if (line.type === 'batch') {
			cases += line.cases;
			if (line.slowest && (!slowest || line.slowest.cpuMs > slowest.cpuMs)) slowest = line.slowest;
			if (line.slowestWall && (!slowestWall || line.slowestWall.wallMs > slowestWall.wallMs)) slowestWall = line.slowestWall;
			if (line.largestHeap && (!largestHeap || line.largestHeap.heapGrowth > largestHeap.heapGrowth)) largestHeap = line.largestHeap;
			for (const [key, count] of Object.entries(line.outcomes)) outcomes[key] = (outcomes[key] ?? 0) + count;
		}
	};
	let next = 0;
	while (next < options.cases && Date.now() < deadline) {
		const to = Math.min(options.cases, next + BATCH);
		const batch = await runChild(options, next, to, false, onLine);
		if (!batch.crashed) {
			next = to;
			console.log(`${cases} cases, ${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`);
			continue;
		}
		// Find the case that crashed: the same batch again, one start line per case.
		const single = await runChild(options, next, to, true, (line) => line.type !== 'failure' && onLine(line));
		if (!single.crashed) {
			console.log(`batch ${next}-${to} crashed (${batch.crashed}) but passed when re-run case by case`);
			next = to;
			continue;
		}
		const seedOfCase = caseSeed(options.seed, single.reached);
		cases += 1;
		recordFailure(single.reached, `${single.crashed} — ${describe({ ...runCaseDescription(corpus, seedOfCase) })}`, seedOfCase);
		// Carry on after the crashing case; the cases before it in the batch are counted by running them again.
		const rest = await runChild(options, next, single.reached, false, onLine);
		if (rest.crashed) console.log(`cases ${next}-${single.reached} crashed again: ${rest.crashed}`);
		next = single.reached + 1;
	}
	const minutes = ((Date.now() - started) / 60_000).toFixed(1);
	console.log('');
	console.log(`cases run: ${cases} (seed ${options.seed}) in ${minutes} min`);
	console.log(`reader calls: ${outcomes.result} results, ${outcomes.problem} reader problems (DocumentProblem), ${outcomes.failure} other exceptions`);
	if (slowest) console.log(`slowest case (CPU time): ${describe(slowest)}`);
	if (slowestWall) console.log(`slowest case (wall time, includes waiting for a shared CPU): ${describe(slowestWall)}`);
	if (largestHeap) console.log(`largest heap growth: ${describe(largestHeap)}`);
	console.log(`failures: ${failures.length}`);
	for (const failure of failures) console.log(`  case ${failure.index}: ${failure.text}`);
	if (failures.length > 0) {
		console.log(`replay: npm run fuzz -- --replay ${failures.map((failure) => caseSeed(options.seed, failure.index)).join(',')}`);
		process.exitCode = 1;
	}
}

/** A crashed case cannot report itself: describe it from its seed without running it. */
function runCaseDescription(corpus: Awaited<ReturnType<typeof buildSeeds>>, seedOfCase: number): CaseReport {
	const { seed, bytes, steps } = buildCase(corpus, seedOfCase);
	return { caseSeed: seedOfCase, seedName: seed.name, steps, byteLength: bytes.length, cpuMs: NaN, wallMs: NaN, heapGrowth: NaN, calls: [], failures: [] };
}

async function replay(options: Options): Promise<void> {
	const corpus = await buildSeeds();
	mkdirSync(options.out, { recursive: true });
	for (const seedOfCase of options.replay!) {
		const report = runCase(corpus, seedOfCase);
		const file = join(options.out, `case-${seedOfCase}.bin`);
		writeFileSync(file, buildCase(corpus, seedOfCase).bytes);
		console.log(`${report.failures.length > 0 ? 'FAILS' : 'passes'}: ${describe(report)}; bytes in ${file}`);
		for (const call of report.calls.filter((entry) => entry.outcome !== 'result')) console.log(`  ${call.reader}: ${call.outcome}${call.error ? ` ${call.error}` : ''}`);
		for (const failure of report.failures) console.log(`  ${failure}`);
		if (report.failures.length > 0) process.exitCode = 1;
	}
}

const options = parseOptions(process.argv.slice(2));
(options.child ? child(options) : options.replay ? replay(options) : campaign(options)).catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
