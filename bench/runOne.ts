/**
 * One run of one benchmark in a process of its own (started by bench/run.ts), so that no benchmark
 * runs on the heap and JIT state an earlier one left behind. Prints the report as its last line.
 */
import process from '../test/nodejs/process.cjs';

import { BENCHMARKS } from './benchmarks';

async function main(): Promise<void> {
	const [name] = process.argv.slice(2);
	const benchmark = BENCHMARKS[name];
	if (!benchmark) throw new Error(`usage: runOne.ts <${Object.keys(BENCHMARKS).join('|')}>`);
	const report = await benchmark();
	process.stdout.write(`\n${JSON.stringify(report)}\n`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
		process.exit(1);
	},
);
