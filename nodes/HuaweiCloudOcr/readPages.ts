/**
 * One paid call per planned page, through the node's shared request slots: the pages of a document
 * and the items of the batch share the concurrency limit, the throttle pause and the retries.
 * A page's body (a split page) is built only once its call has a slot, so memory follows concurrency.
 */
import type { IDataObject } from 'n8n-workflow';

import type { HuaweiResponse } from '../HuaweiCloud/transport';
import type { HuaweiErrorInfo } from '../HuaweiCloud/types';
import type { ExecutionSettings, RequestSlots, ThrottleGate } from './execution';
import { callWithRetries, runItems } from './execution';
import type { PagePlan } from './pages';

export type PageOutcome =
	| { page: number; ok: true; result: unknown; requestId?: string }
	| { page: number; ok: false; huaweiError: HuaweiErrorInfo }
	/** The page could not be sent (its body failed a check) or was never started after an earlier failure. */
	| { page: number; ok: false; error: unknown };

export interface PageRun {
	settings: ExecutionSettings;
	gate: ThrottleGate;
	slots: RequestSlots;
	/** Without Continue On Fail, no page starts after the first failure. */
	stopOnFirstError: boolean;
	send: (body: IDataObject) => Promise<HuaweiResponse>;
}

export async function readPages(plan: PagePlan, run: PageRun): Promise<PageOutcome[]> {
	const outcomes = await runItems(
		plan.pages.length,
		run.settings,
		async (index): Promise<PageOutcome> => {
			const page = plan.pages[index];
			return await run.slots.use(async () => {
				const body = plan.bodyFor(page);
				const answer = await callWithRetries(run.settings, run.gate, async () => await run.send(body));
				if (!answer.ok) {
					if (run.stopOnFirstError) throw new PageCallFailed(page, answer.error);
					return { page, ok: false, huaweiError: answer.error };
				}
				return { page, ok: true, result: (answer.body as IDataObject | undefined)?.result, requestId: answer.requestId };
			});
		},
		{ stopOnFirstError: run.stopOnFirstError },
	);
	return outcomes.map((outcome, index) => {
		if (outcome.ok) return outcome.value;
		const { error } = outcome;
		if (error instanceof PageCallFailed) return { page: error.page, ok: false, huaweiError: error.huaweiError };
		return { page: plan.pages[index], ok: false, error };
	});
}

/** Carries a failed answer out of the pool so that it stops the remaining pages. */
class PageCallFailed extends Error {
	constructor(
		readonly page: number,
		readonly huaweiError: HuaweiErrorInfo,
	) {
		super(huaweiError.message);
	}
}
