/**
 * Issue 20 in a real n8n: row items go straight into n8n's Convert to File (CSV) with exactly the
 * table's header plus the documented columns, and an activated webhook workflow with Skip Duplicate
 * Files → Also Across Executions reads a file sent twice only once (the workflow's static data).
 */
import { spawnSync } from '../nodejs/child_process.cjs';
import { readFileSync } from '../nodejs/fs.cjs';
import { join } from '../nodejs/path.cjs';
import { setTimeout } from '../nodejs/timers.cjs';

import { emulatorCredentials } from '../harness/ocrNode';
import { startEmulator } from '../emulator';
import type { Emulator, EmulatorRequest } from '../emulator';
import * as n8n from './n8n.cjs';
import type { N8nContext, N8nServer, RunItem, WorkflowJson } from './n8n.cjs';
import { recognizer, TABLE_ROWS } from './recognizedResults';

const NODE_TYPE = 'n8n-nodes-huaweicloud-ocr.huaweiCloudOcr';
const CREDENTIAL = { id: 'hwOcrExampleCred', name: 'Huawei Cloud account' };
const WEBHOOK_PATH = 'huawei-ocr-once';

const recognitions = (requests: EmulatorRequest[]) =>
	requests.filter((request) => request.service === 'ocr' && ['image', 'data', 'url'].some((field) => field in ((request.body ?? {}) as object)));

/** The table example's feed (a sample image as a binary) → General Table v1.1, rows → Convert to File (CSV). */
function rowsToCsvWorkflow(): WorkflowJson {
	const example = JSON.parse(readFileSync(join(n8n.REPO_ROOT, 'examples', 'general-table-to-xlsx.json'), 'utf8')) as WorkflowJson;
	const feed = ['When Clicking Execute Workflow', 'Sample Image', 'Base64 to File'];
	const ocr = example.nodes.find((node) => node.type === NODE_TYPE)!;
	return {
		...example,
		id: 'hwOcrE2eRowsCsv',
		name: 'e2e: rows to CSV',
		nodes: [
			...example.nodes.filter((node) => feed.includes(node.name)),
			{ ...ocr, typeVersion: 1.1, parameters: { resource: 'textAndTables', operation: 'generalTable', tableOutput: 'rows', options: {} } },
			{
				id: 'e2e-csv',
				name: 'Rows to CSV',
				type: 'n8n-nodes-base.convertToFile',
				typeVersion: 1.1,
				position: [880, 0],
				parameters: { operation: 'csv', binaryPropertyName: 'data', options: { fileName: 'rows.csv' } },
			},
		],
		connections: {
			'When Clicking Execute Workflow': { main: [[{ node: 'Sample Image', type: 'main', index: 0 }]] },
			'Sample Image': { main: [[{ node: 'Base64 to File', type: 'main', index: 0 }]] },
			'Base64 to File': { main: [[{ node: ocr.name, type: 'main', index: 0 }]] },
			[ocr.name]: { main: [[{ node: 'Rows to CSV', type: 'main', index: 0 }]] },
		},
	};
}

/**
 * Webhook (file upload) → General Text v1.1 with Also Across Executions → both outputs answered as
 * JSON. n8n 1.x saves static data only for workflow IDs of at most 16 characters.
 */
function webhookOnceWorkflow(): WorkflowJson {
	const respond = { node: 'Respond', type: 'main', index: 0 };
	return {
		id: 'hwOcrE2eReadOnce',
		name: 'e2e: webhook, each file read once',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'e2e-hook',
				name: 'Receive Upload',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: '0f6a3c1e-4c1d-4a39-9a2b-7f0d2b9e2f10',
				parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'responseNode', options: {} },
			},
			{
				id: 'e2e-ocr',
				name: 'Recognize Text',
				type: NODE_TYPE,
				typeVersion: 1.1,
				position: [220, 0],
				parameters: { resource: 'textAndTables', operation: 'generalText', options: { skipDuplicates: 'executions' } },
				credentials: { huaweiCloudApi: CREDENTIAL },
			},
			{
				id: 'e2e-respond',
				name: 'Respond',
				type: 'n8n-nodes-base.respondToWebhook',
				typeVersion: 1.5,
				position: [440, 0],
				parameters: { respondWith: 'allIncomingItems', options: {} },
			},
		],
		connections: {
			'Receive Upload': { main: [[{ node: 'Recognize Text', type: 'main', index: 0 }]] },
			// Main and Needs Review both answer the caller.
			'Recognize Text': { main: [[respond], [respond]] },
		},
	};
}

/**
 * n8n 1.x answers HTTP before it has registered the active workflows' webhooks. A GET (the webhook
 * takes POST) runs nothing: n8n answers "not registered" until the path is known, then "Did you mean
 * to make a POST request?".
 */
async function untilWebhookRegistered(server: N8nServer, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const text = await (await fetch(`${server.baseUrl}/webhook/${WEBHOOK_PATH}`)).text();
		if (/POST/.test(text)) return;
		if (Date.now() > deadline) throw new Error(`the webhook was never registered: ${text}\n${server.log()}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/**
 * The workflow's static data as n8n saved it in its SQLite database, read with the Node 24 that runs
 * n8n (node:sqlite). n8n saves it when an execution ends, which can be after the webhook answered.
 */
function savedStaticData(ctx: N8nContext, workflowId: string): Record<string, unknown> | undefined {
	const script = `
		const { DatabaseSync } = require('node:sqlite');
		const db = new DatabaseSync(process.argv[1], { readOnly: true });
		const row = db.prepare('SELECT staticData FROM workflow_entity WHERE id = ?').get(process.argv[2]);
		process.stdout.write(JSON.stringify(row ? row.staticData : null));`;
	const result = spawnSync(ctx.install.nodeBin, ['--no-warnings', '-e', script, join(ctx.userFolder, '.n8n', 'database.sqlite'), workflowId], {
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`reading n8n's database failed: ${result.stderr}`);
	const stored = JSON.parse(result.stdout) as string | Record<string, unknown> | null;
	if (stored === null) return undefined;
	return typeof stored === 'string' ? (JSON.parse(stored) as Record<string, unknown>) : stored;
}

async function untilStaticDataSaved(ctx: N8nContext, workflowId: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const saved = savedStaticData(ctx, workflowId);
		if (saved && JSON.stringify(saved).includes('readFiles')) return saved;
		if (Date.now() > deadline) throw new Error(`n8n never saved the static data of ${workflowId}: ${JSON.stringify(saved)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

describe(`issue 20 (rows, cost, duplicates) in a real n8n ${n8n.n8nVersion()}`, () => {
	let ctx: N8nContext;
	let emu: Emulator;

	beforeAll(async () => {
		ctx = n8n.prepare();
		emu = await startEmulator({ recognizer });
		await n8n.importCredentials(ctx, [{ ...CREDENTIAL, type: 'huaweiCloudApi', data: emulatorCredentials(emu, 'accessKey') }]);
		await n8n.importWorkflows(ctx, [rowsToCsvWorkflow(), webhookOnceWorkflow()]);
	}, 20 * 60 * 1000);

	afterAll(async () => {
		await emu?.stop();
		n8n.cleanup(ctx);
	});

	it("row items → Convert to File (CSV): the CSV header is exactly the table's header plus _table and _row", async () => {
		emu.clearLog();
		const result = await n8n.execute(ctx, 'hwOcrE2eRowsCsv');
		const run = result.run;
		if (!run || run.data.resultData.error) throw new Error(n8n.describeFailure('workflow', result));
		expect(recognitions(emu.requests)).toHaveLength(1);
		const [csvItem] = run.data.resultData.runData['Rows to CSV'][0].data!.main[0] as RunItem[];
		const csv = n8n.readBinary(ctx, csvItem.binary!.data).toString('utf8').trim().split(/\r?\n/);
		const [header, ...body] = TABLE_ROWS;
		expect(csv[0]).toBe(['_table', '_row', ...header].join(','));
		expect(csv.slice(1)).toEqual(body.map((row, index) => ['1', String(index + 1), ...row].join(',')));
	});

	describe('an activated webhook workflow with Skip Duplicate Files → Also Across Executions', () => {
		let server: N8nServer;

		beforeAll(async () => {
			await n8n.publishWorkflow(ctx, 'hwOcrE2eReadOnce');
			server = await n8n.startServer(ctx);
			await untilWebhookRegistered(server);
		}, 5 * 60 * 1000);

		afterAll(async () => {
			await server?.stop();
		});

		async function upload(image: Buffer): Promise<Array<Record<string, unknown>>> {
			const form = new FormData();
			form.append('data', new Blob([image], { type: 'image/png' }), 'upload.png');
			const response = await fetch(`${server.baseUrl}/webhook/${WEBHOOK_PATH}`, { method: 'POST', body: form });
			const text = await response.text();
			if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${text}\n${server.log()}`);
			const body = JSON.parse(text) as unknown;
			return (Array.isArray(body) ? body : [body]) as Array<Record<string, unknown>>;
		}

		it('reads the file on the first call; the second call reaches Huawei 0 times and its item says duplicate', async () => {
			const image = readFileSync(join(module.path, 'fixtures', 'hello.png'));
			emu.clearLog();
			const first = await upload(image);
			const firstCalls = recognitions(emu.requests);
			expect(firstCalls).toHaveLength(1);
			expect(first).toEqual([
				expect.objectContaining({ text: expect.any(String), requestId: firstCalls[0].requestId, cost: { billedAnswers: 1, attempts: 1, pages: 1 } }),
			]);

			// The first execution saves what it read when it ends (possibly after answering): wait for that.
			const saved = await untilStaticDataSaved(ctx, 'hwOcrE2eReadOnce');
			expect(JSON.stringify(saved)).toContain(firstCalls[0].requestId);
			expect(JSON.stringify(saved)).not.toContain(String(first[0].text));

			emu.clearLog();
			const second = await upload(image);
			expect(recognitions(emu.requests)).toHaveLength(0);
			expect(second).toEqual([
				{
					duplicate: { firstSeenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), requestId: firstCalls[0].requestId },
					cost: { billedAnswers: 0, attempts: 0, pages: 0 },
				},
			]);
		});
	});
});
