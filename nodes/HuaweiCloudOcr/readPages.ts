/**
 * One paid call per planned page, through the node's shared request slots: the pages of a document
 * and the items of the batch share the concurrency limit, the throttle pause and the retries.
 * A page's body (a split page) is built only once its call has a slot, so memory follows concurrency.
 */
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { HuaweiResponse } from '../HuaweiCloud/transport';
import type { HuaweiErrorInfo } from '../HuaweiCloud/types';
import type { BilledCalls, ExecutionSettings, RequestSlots, StopSignal, ThrottleGate } from './execution';
import { callWithRetries, CallsStoppedError, isConsequenceOfStop, runItems } from './execution';
import type { PagePlan } from './pages';

/** `attempts`: the HTTP calls made for the page, retries included (Huawei bills only a 2xx answer). */
export type PageOutcome =
	| { page: number; ok: true; result: unknown; requestId?: string; attempts: number }
	| { page: number; ok: false; huaweiError: HuaweiErrorInfo; attempts: number }
	/** The page could not be sent (its body failed a check) or was never started after an earlier failure (of this item or another). */
	| { page: number; ok: false; error: unknown; attempts?: undefined };

export interface PageRun {
	settings: ExecutionSettings;
	gate: ThrottleGate;
	slots: RequestSlots;
	/** No page of this item starts after its first failure. */
	stopOnFirstError: boolean;
	/** The node's own: once a failure stops the node, no call of any item starts. */
	stop: StopSignal;
	/** Every 2xx answer of the node, so a stopped node can say what was billed. */
	billed: BilledCalls;
	send: (body: IDataObject) => Promise<HuaweiResponse>;
}

/**
 * Reads every planned page. When another item's failure stopped the node before this item failed
 * on its own, rejects with CallsStoppedError.
 */
export async function readPages(plan: PagePlan, run: PageRun): Promise<PageOutcome[]> {
	const inTurnOfItsOwn = oneBuildPerTurn();
	const outcomes = await runItems(
		plan.pages.length,
		run.settings,
		async (index): Promise<PageOutcome> => {
			const page = plan.pages[index];
			return await run.slots.use(async () => {
				run.stop.throwIfStopped();
				const body = await inTurnOfItsOwn(() => plan.bodyFor(page));
				const answer = await callWithRetries(run.settings, run.gate, async () => {
					// Also before each try: building the body or a throttle pause or back-off may end after the node was stopped.
					run.stop.throwIfStopped();
					return await run.send(body);
				});
				if (!answer.ok) {
					run.stop.failed();
					if (run.stopOnFirstError) throw new PageCallFailed(page, answer.error, answer.attempts);
					return { page, ok: false, huaweiError: answer.error, attempts: answer.attempts };
				}
				run.billed.record(answer.requestId);
				const result = (answer.body as IDataObject | undefined)?.result;
				return { page, ok: true, result, requestId: answer.requestId, attempts: answer.attempts };
			});
		},
		{ stopOnFirstError: run.stopOnFirstError },
	);
	const stoppedByOthers = outcomes.some((outcome) => !outcome.ok && outcome.error instanceof CallsStoppedError);
	const failedOnItsOwn = outcomes.some((outcome) => !outcome.ok && !isConsequenceOfStop(outcome.error));
	if (stoppedByOthers && !failedOnItsOwn) throw new CallsStoppedError();
	return outcomes.map((outcome, index) => {
		if (outcome.ok) return outcome.value;
		const { error } = outcome;
		if (error instanceof PageCallFailed) return { page: error.page, ok: false, huaweiError: error.huaweiError, attempts: error.attempts };
		return { page: plan.pages[index], ok: false, error };
	});
}

/**
 * Splitting a page and encoding it is synchronous work. Page bodies are built one after the other,
 * each in an event-loop iteration of its own (a timer apart), so pages whose call slots free
 * together never add up to one long block of n8n's event loop. The first builds at once: an item
 * of one page (every image) waits for no timer.
 */
function oneBuildPerTurn(): <T>(build: () => T) => Promise<T> {
	let previous: Promise<unknown> | undefined;
	return async (build) => {
		const turn = previous === undefined ? Promise.resolve() : previous.then(async () => await sleep(0));
		const mine = turn.then(build);
		previous = mine.catch(() => undefined);
		return await mine;
	};
}

/** Carries a failed answer out of the pool so that it stops the remaining pages. */
class PageCallFailed extends Error {
	constructor(
		readonly page: number,
		readonly huaweiError: HuaweiErrorInfo,
		readonly attempts: number,
	) {
		super(huaweiError.message);
	}
}
