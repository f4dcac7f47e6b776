/**
 * `npm run bench`: every benchmark in sequence, each run in a process of its own, a table per
 * benchmark, bench/results.json and the README's performance section (regenerated from it).
 * `npm run bench -- overhead throttling` runs only the named ones; `--runs 3` runs each three times
 * in a row (a target is met only when every run meets it; the tables show every run).
 */
import { existsSync, readFileSync } from '../test/nodejs/fs.cjs';
import { cpus } from '../test/nodejs/os.cjs';
import { join } from '../test/nodejs/path.cjs';
import console from '../test/nodejs/console.cjs';
import process from '../test/nodejs/process.cjs';

import { BENCHMARKS } from './benchmarks';
import { type BenchmarkReport, runBenchScript } from './common';
import { saveBenchResults } from './results';

/** `--runs N` and the benchmark names, from the command line. */
function readArguments(args: string[]): { requested: string[]; runs: number } {
	const at = args.indexOf('--runs');
	if (at < 0) return { requested: args, runs: 1 };
	const runs = Number(args[at + 1]);
	if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a whole number of runs, e.g. --runs 3 (got ${args[at + 1]})`);
	return { requested: args.filter((_arg, index) => index !== at && index !== at + 1), runs };
}

/** Several runs of one benchmark as one report: met only if every run met; every run's rows, numbered. */
function combineRuns(runs: BenchmarkReport[]): BenchmarkReport {
	const last = runs[runs.length - 1];
	if (runs.length === 1) return last;
	const met = runs.filter((run) => run.verdict === 'met').length;
	return {
		...last,
		verdict: met === runs.length ? 'met' : 'missed',
		verdictNote: `${met} of ${runs.length} runs`,
		rows: runs.flatMap((run, index) => run.rows.map((row) => ({ 'run #': index + 1, ...row }))),
		details: { runs: runs.map((run) => run.details) },
	};
}

async function main(): Promise<void> {
	const { requested, runs } = readArguments(process.argv.slice(2));
	const unknown = requested.filter((name) => !(name in BENCHMARKS));
	if (unknown.length > 0) throw new Error(`Unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
	const names = requested.length > 0 ? requested : Object.keys(BENCHMARKS);
	const started = performance.now();
	const reports: Record<string, BenchmarkReport & { seconds: number }> = {};
	for (const name of names) {
		const benchStarted = performance.now();
		const runReports: BenchmarkReport[] = [];
		for (let run = 0; run < runs; run++) runReports.push(await runBenchScript<BenchmarkReport>('runOne.ts', [name]));
		const report = combineRuns(runReports);
		const seconds = (performance.now() - benchStarted) / 1000;
		reports[name] = { ...report, seconds };
		const verdict = `${report.verdict.toUpperCase()}${report.verdictNote ? ` in ${report.verdictNote}` : ''}`;
		console.log(`\n${report.name} — target: ${report.target} — ${verdict} (${seconds.toFixed(1)} s)`);
		console.table(report.rows);
	}
	const totalSeconds = (performance.now() - started) / 1000;
	const resultsPath = join(module.path, 'results.json');
	// A partial run updates its own entries and keeps the others from the last run.
	const previous = requested.length > 0 && existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as { benchmarks?: object }).benchmarks : {};
	const results = {
		generatedAt: new Date().toISOString(),
		command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
		machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, platform: process.platform },
		totalSeconds,
		benchmarks: { ...previous, ...reports },
	};
	saveBenchResults(join(module.path, '..'), results);
	const missed = Object.entries(reports).filter(([, report]) => report.verdict !== 'met');
	console.log(`\nAll done in ${totalSeconds.toFixed(1)} s; results in bench/results.json and README.md.${missed.length > 0 ? ` Missed: ${missed.map(([name]) => name).join(', ')}.` : ' All targets met.'}`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
