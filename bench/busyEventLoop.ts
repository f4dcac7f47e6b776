/**
 * Stands in for the rest of a busy n8n process: other executions, webhook intake, JSON of large
 * results. Blocks the event loop for up to `blockMaxMs` at a time, with gaps of up to `gapMaxMs`,
 * both drawn from a seeded sequence so runs compare. Timers (the throttle gate's among them) then
 * fire late, and requests leave out of step with when they were released.
 */
import { sleep } from 'n8n-workflow';

import { seededRandom } from '../test/emulator/faults';

export interface BusyLoad {
	blockMaxMs: number;
	gapMaxMs: number;
}

/** Starts blocking the loop; the returned function stops and resolves when the last block is over. */
export function keepEventLoopBusy(load: BusyLoad, seed = 7): () => Promise<void> {
	let running = true;
	const next = seededRandom(seed);
	const blocking = (async () => {
		while (running) {
			await sleep(load.gapMaxMs * next());
			const until = performance.now() + load.blockMaxMs * next();
			while (performance.now() < until) {
				// Busy on purpose: a synchronous stretch of work.
			}
		}
	})();
	return async () => {
		running = false;
		await blocking;
	};
}
