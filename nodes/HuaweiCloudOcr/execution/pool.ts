import type { ExecutionSettings } from './settings';

export type ItemOutcome<T> =
	| { ok: true; value: T }
	/** `skipped`: never started, because an earlier failure stopped the run. */
	| { ok: false; error: unknown; skipped?: true };

export class ItemSkippedError extends Error {
	constructor(readonly itemIndex: number) {
		super(`Item ${itemIndex} was not processed because an earlier item failed`);
	}
}

/**
 * Runs `work(0..count-1)` with at most `maxConcurrency` in flight and returns the outcomes in input order.
 * Items start lazily, one as another finishes, so whatever `work` loads lives only while that item runs.
 * With `stopOnFirstError`, no item starts after the first failure; items already running are awaited,
 * and the ones never started are reported as skipped. The returned promise never rejects.
 */
export async function runItems<T>(
	count: number,
	settings: Pick<ExecutionSettings, 'maxConcurrency'>,
	work: (index: number) => Promise<T>,
	opts: { stopOnFirstError: boolean },
): Promise<Array<ItemOutcome<T>>> {
	const outcomes = new Array<ItemOutcome<T> | undefined>(count).fill(undefined);
	let next = 0;
	let stopped = false;

	const worker = async (): Promise<void> => {
		while (!stopped && next < count) {
			const index = next++;
			try {
				outcomes[index] = { ok: true, value: await work(index) };
			} catch (error) {
				outcomes[index] = { ok: false, error };
				if (opts.stopOnFirstError) stopped = true;
			}
		}
	};

	const workers = Math.max(1, Math.min(Math.floor(settings.maxConcurrency) || 1, count));
	await Promise.all(Array.from({ length: count > 0 ? workers : 0 }, worker));
	return outcomes.map((outcome, index) => outcome ?? { ok: false, error: new ItemSkippedError(index), skipped: true });
}
