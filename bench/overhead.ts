/**
 * (1) Overhead: the node at concurrency 1 against two loops that sign and send the same bodies to the
 * same emulator (zero latency, 1 MB JPEGs): plain undici, and n8n's own helpers.httpRequest in
 * n8n-core's engine (the HTTP Request node's path; n8n-core builds a new agent per request, which
 * bounds every node against raw undici). Our own cost is the node against the n8n loop.
 * Runs alternate to share the machine's noise.
 */
import { Agent, request } from 'undici';

import { EMULATOR_ACCOUNT } from '../test/emulator';
import { httpRequestLoop } from './httpRequestLoop';
import { benchEmulator, type BenchmarkReport, jpegItems, jpegOfSize, MB, OPERATION, REGION, round, runNodeTimed, signedImageRequest } from './common';

const ITEMS = 200;
const ROUNDS = 2;
const TARGET = 0.95;

/** One request per image, in sequence: base64, JSON body, SDK-HMAC-SHA256 signature, POST, parse. */
async function rawLoop(emulator: { url: string }, image: Buffer, count: number, dispatcher: Agent): Promise<number> {
	const url = `${emulator.url}/v2/${EMULATOR_ACCOUNT.projectIds[REGION]}/ocr/${OPERATION.id}`;
	const started = performance.now();
	for (let index = 0; index < count; index++) {
		const { body, headers } = signedImageRequest(url, image);
		const response = await request(url, { method: 'POST', headers, body, dispatcher });
		const answer = (await response.body.json()) as { result?: unknown };
		if (response.statusCode !== 200 || answer.result === undefined) {
			throw new Error(`Baseline request ${index} failed with HTTP ${response.statusCode}`);
		}
	}
	return performance.now() - started;
}

export async function overheadBenchmark(): Promise<BenchmarkReport> {
	const emulator = await benchEmulator();
	const dispatcher = new Agent({ connections: 1 });
	try {
		const image = jpegOfSize(1 * MB);
		const items = await jpegItems(ITEMS, image);
		// Warm-up: JIT, connection, engine first-run costs.
		await rawLoop(emulator, image, 10, dispatcher);
		await runNodeTimed(emulator, items.slice(0, 10), { maxConcurrency: 1 });

		await httpRequestLoop(emulator, items.slice(0, 10));
		const rawMs: number[] = [];
		const nodeMs: number[] = [];
		const n8nMs: number[] = [];
		const measureNode = async () => {
			const run = await runNodeTimed(emulator, items, { maxConcurrency: 1 });
			if (run.error || run.outputCount !== ITEMS || run.failedCount > 0) {
				throw new Error(`Overhead run failed: ${run.error ?? `${run.failedCount} failed of ${run.outputCount}`}`);
			}
			nodeMs.push(run.wallMs);
		};
		// Alternating raw, node, node, raw, … so a drift in machine load hits both sides alike.
		for (let round = 0; round < ROUNDS; round++) {
			if (round % 2 === 0) {
				rawMs.push(await rawLoop(emulator, image, ITEMS, dispatcher));
				n8nMs.push(await httpRequestLoop(emulator, items));
				await measureNode();
			} else {
				await measureNode();
				n8nMs.push(await httpRequestLoop(emulator, items));
				rawMs.push(await rawLoop(emulator, image, ITEMS, dispatcher));
			}
		}
		const best = (values: number[]) => Math.min(...values);
		const rawRate = ITEMS / (best(rawMs) / 1000);
		const nodeRate = ITEMS / (best(nodeMs) / 1000);
		const n8nRate = ITEMS / (best(n8nMs) / 1000);
		const ratio = nodeRate / rawRate;
		const n8nRatio = nodeRate / n8nRate;
		return {
			name: 'Overhead (1 MB JPEG, zero latency, concurrency 1)',
			rows: [
				{ run: 'raw undici loop', items: ITEMS, 'items/s': round(rawRate, 1), 'best ms': round(best(rawMs), 0) },
				{ run: "n8n helpers.httpRequest loop", items: ITEMS, 'items/s': round(n8nRate, 1), 'best ms': round(best(n8nMs), 0) },
				{ run: 'node in n8n-core', items: ITEMS, 'items/s': round(nodeRate, 1), 'best ms': round(best(nodeMs), 0) },
				{ run: 'ratio node/raw', items: ITEMS, 'items/s': round(ratio, 3), 'best ms': '' },
				{ run: 'ratio node/n8n loop', items: ITEMS, 'items/s': round(n8nRatio, 3), 'best ms': '' },
			],
			target: `node ≥ ${TARGET} × n8n helpers.httpRequest loop items/s (node/raw undici shown for reference)`,
			verdict: n8nRatio >= TARGET ? 'met' : 'missed',
			details: { items: ITEMS, imageBytes: image.length, rounds: ROUNDS, rawMs, n8nMs, nodeMs, rawRate, n8nRate, nodeRate, ratio, n8nRatio },
		};
	} finally {
		await dispatcher.close();
		await emulator.stop();
	}
}
