/**
 * (7) Many executions at once against one account's QPS limit, as a webhook or mail trigger starts
 * them: every execution a few items, all started together, the node's default options. Pacing per
 * execution (each execution learns the limit on its own, as before) against account-wide pacing (one
 * gate per account, region and API in the process), side by side in one run. The third load runs
 * while other work keeps the process's event loop busy, as in a loaded n8n: the gate's timers then
 * fire late and requests leave out of step.
 */
import { sleep } from 'n8n-workflow';

import { accountPacing, type PacingScope, setPacingScope } from '../nodes/HuaweiCloudOcr/execution';
import { benchEmulator, type BenchmarkReport, jpegItems, jpegOfSize, round, runNodeTimed } from './common';
import { type BusyLoad, keepEventLoopBusy } from './busyEventLoop';
import type { RemoteEmulator } from './remoteEmulator';

/** The event loop of a busy n8n process: blocked up to 120 ms at a time, every 0-150 ms (about 45 % of the time). */
const BUSY_PROCESS: BusyLoad = { blockMaxMs: 120, gapMaxMs: 150 };

const LOADS: Load[] = [
	{ executions: 30, itemsEach: 3, qps: 10 },
	{ executions: 50, itemsEach: 4, qps: 5 },
	{ executions: 30, itemsEach: 3, qps: 10, busy: BUSY_PROCESS },
];
const SCOPES: PacingScope[] = ['execution', 'account'];
const TARGET = { wallRatio: 1.3, throttledShare: 0.1 };

interface Load {
	executions: number;
	itemsEach: number;
	qps: number;
	/** The node runs in a process whose event loop is busy with other work meanwhile. */
	busy?: BusyLoad;
}

interface LoadRun {
	wallMs: number;
	idealMs: number;
	failed: number;
	lost: number;
	throttled: number;
	requests: number;
	accepted: number;
}

async function runLoad(emulator: RemoteEmulator, load: Load, scope: PacingScope): Promise<LoadRun> {
	const image = jpegOfSize(20 * 1024);
	const batches = await Promise.all(Array.from({ length: load.executions }, async () => await jpegItems(load.itemsEach, image)));
	setPacingScope(scope);
	accountPacing.clear();
	// Let the emulator's one-second window empty before the load starts.
	await sleep(1500);
	await emulator.setFaults({ qpsLimit: load.qps });
	await emulator.clearLog();
	const stopBusy = load.busy ? keepEventLoopBusy(load.busy) : undefined;
	const started = performance.now();
	const runs = await Promise.all(
		batches.map(async (items) => await runNodeTimed(emulator, items, {}, { continueOnFail: true, keepAccountPacing: true })),
	);
	const wallMs = performance.now() - started;
	await stopBusy?.();
	const ocr = (await emulator.summary()).ocrRequests;
	const calls = load.executions * load.itemsEach;
	return {
		wallMs,
		idealMs: (calls / load.qps) * 1000,
		failed: runs.reduce((sum, run) => sum + run.failedCount + (run.error ? 1 : 0), 0),
		lost: runs.reduce((sum, run) => sum + Math.max(0, load.itemsEach - run.outputCount), 0),
		throttled: ocr.filter((request) => request.errorCode === 'APIG.0308').length,
		requests: ocr.length,
		accepted: ocr.filter((request) => request.errorCode === undefined).length,
	};
}

function meetsTarget(run: LoadRun): boolean {
	return run.failed === 0 && run.lost === 0 && run.throttled <= TARGET.throttledShare * run.requests && run.wallMs <= TARGET.wallRatio * run.idealMs;
}

export async function accountPacingBenchmark(): Promise<BenchmarkReport> {
	const emulator = await benchEmulator();
	const rows: BenchmarkReport['rows'] = [];
	const details: Record<string, LoadRun> = {};
	let met = true;
	try {
		await runNodeTimed(emulator, await jpegItems(3, jpegOfSize(20 * 1024)), { maxConcurrency: 1 });
		for (const load of LOADS) {
			for (const scope of SCOPES) {
				const run = await runLoad(emulator, load, scope);
				const label = `${load.executions} × ${load.itemsEach} at ${load.qps} QPS${load.busy ? ', busy process' : ''}`;
				details[`${label}, ${scope}`] = run;
				if (scope === 'account') met &&= meetsTarget(run);
				rows.push({
					load: label,
					pacing: scope === 'account' ? 'account-wide' : 'per execution',
					'failed items': run.failed + run.lost,
					'APIG.0308 seen': run.throttled,
					'throttled %': round((100 * run.throttled) / Math.max(1, run.requests), 1),
					requests: run.requests,
					'wall s': round(run.wallMs / 1000),
					'ideal s': round(run.idealMs / 1000),
					'wall/ideal': round(run.wallMs / run.idealMs, 3),
					'meets target': meetsTarget(run),
				});
			}
		}
	} finally {
		setPacingScope('account');
		await emulator.stop();
	}
	return {
		name: 'Executions at once (20 KB JPEGs, default options, Continue On Fail, all started together)',
		rows,
		target: `account-wide pacing: 0 failed items, throttled answers ≤ ${TARGET.throttledShare * 100} % of the requests, wall ≤ ${TARGET.wallRatio} × ideal at the account's QPS`,
		verdict: met ? 'met' : 'missed',
		details,
	};
}
