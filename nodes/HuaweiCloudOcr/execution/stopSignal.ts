import type { ItemOutcome } from './pool';
import { ItemSkippedError } from './pool';

/** A call that was not started because a failure already stops the node. */
export class CallsStoppedError extends Error {
	constructor() {
		super('Not sent: an earlier failure stops the node');
	}
}

/**
 * One per node execution. Without Continue On Fail, the first failure stops the node, so from then on
 * no paid call starts, for any page of any item; calls already in flight finish. Kept apart from the
 * call slots and the throttle gate on purpose: those may be shared beyond one execution, this may not.
 */
export class StopSignal {
	private isStopped = false;

	/** `armed` is false under Continue On Fail: every item gets its answer, so no failure stops the others. */
	constructor(private readonly armed: boolean) {}

	/** A failure that stops the node was seen. */
	failed(): void {
		if (this.armed) this.isStopped = true;
	}

	/** Runs `work`; its failure stops the node. */
	async watch<T>(work: () => Promise<T>): Promise<T> {
		return await work().catch((error: unknown) => {
			this.failed();
			return Promise.reject(error);
		});
	}

	/** Checked right before a call (and each retry of it) starts. */
	throwIfStopped(): void {
		if (this.isStopped) throw new CallsStoppedError();
	}
}

/** Whether an error is only the consequence of an earlier failure (never started, or not sent). */
export function isConsequenceOfStop(error: unknown): boolean {
	return error instanceof ItemSkippedError || error instanceof CallsStoppedError;
}

/**
 * The failure that stopped the node: the first failed item in input order that failed on its own,
 * not one that was stopped because of another.
 */
export function causeOfStop<T>(outcomes: Array<ItemOutcome<T>>): { itemIndex: number; error: unknown } | undefined {
	const failures = outcomes.flatMap((outcome, itemIndex) => (outcome.ok ? [] : [{ itemIndex, error: outcome.error }]));
	return failures.find((failure) => !isConsequenceOfStop(failure.error)) ?? failures[0];
}
