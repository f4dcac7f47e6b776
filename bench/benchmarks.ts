/** Every benchmark of `npm run bench`, by the name given on the command line, in the order they run. */
import { accountPacingBenchmark } from './accountPacing';
import type { BenchmarkReport } from './common';
import { concurrencyBenchmark } from './concurrency';
import { eventLoopBenchmark } from './eventLoop';
import { faultsBenchmark } from './faults';
import { memoryBenchmark } from './memory';
import { overheadBenchmark } from './overhead';
import { pagesBenchmark } from './pages';
import { throttlingBenchmark } from './throttling';

export const BENCHMARKS: Record<string, () => Promise<BenchmarkReport>> = {
	overhead: overheadBenchmark,
	concurrency: concurrencyBenchmark,
	throttling: throttlingBenchmark,
	memory: memoryBenchmark,
	faults: faultsBenchmark,
	pages: pagesBenchmark,
	eventLoop: eventLoopBenchmark,
	executions: accountPacingBenchmark,
};
