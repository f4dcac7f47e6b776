/**
 * Building a page's body (splitting the PDF page, encoding it) is synchronous work. readPages builds
 * one page body per event-loop turn, so a document of many pages never adds up to one long block of
 * n8n's event loop (bench/eventLoop.ts measures the delay on a 100-page, 57 MB PDF).
 */
import { setImmediate } from '../../nodejs/timers.cjs';

import { sleep } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { BilledCalls, CallSlots, DEFAULT_EXECUTION_SETTINGS, StopSignal, ThrottleGate } from '../../../nodes/HuaweiCloudOcr/execution';
import type { PagePlan } from '../../../nodes/HuaweiCloudOcr/pages';
import { readPages } from '../../../nodes/HuaweiCloudOcr/readPages';

/** Counts event-loop iterations: a setImmediate callback runs once per iteration (check phase). */
function loopIterations(): { now: () => number; stop: () => void } {
	let iteration = 0;
	let running = true;
	const tick = () => {
		iteration++;
		if (running) setImmediate(tick);
	};
	setImmediate(tick);
	return { now: () => iteration, stop: () => (running = false) };
}

describe('readPages', () => {
	it('builds each page body in an event-loop iteration of its own, also when several call slots are free', async () => {
		// Entered from a timer, as n8n runs a node from I/O callbacks and timers. Entered from a
		// setImmediate callback instead, the first page's build (check phase) and the second's (the
		// timer due at the end of the same libuv iteration) can share one iteration when the first
		// takes a millisecond: under a loaded CI machine, jest sometimes starts a test that way.
		await sleep(0);
		const loop = loopIterations();
		const builtIn: number[] = [];
		const plan: PagePlan = {
			paged: true,
			pageCount: 12,
			pages: Array.from({ length: 12 }, (_, index) => index + 1),
			bodyFor: (page): IDataObject => {
				builtIn.push(loop.now());
				return { page };
			},
		};
		const settings = { ...DEFAULT_EXECUTION_SETTINGS, maxConcurrency: 5 };
		const sent: number[] = [];
		const outcomes = await readPages(plan, {
			settings,
			gate: new ThrottleGate(),
			slots: new CallSlots(5),
			stopOnFirstError: true,
			stop: new StopSignal(true),
			billed: new BilledCalls(),
			send: async (body) => {
				sent.push(body.page as number);
				return { ok: true, status: 200, body: { result: { page: body.page } } };
			},
		});
		loop.stop();
		expect(outcomes.map((outcome) => outcome.ok && outcome.page)).toEqual(plan.pages);
		expect(sent.sort((a, b) => a - b)).toEqual(plan.pages);
		expect(new Set(builtIn).size).toBe(plan.pages.length);
	});
});
