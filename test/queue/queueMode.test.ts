/**
 * The package in n8n 2.41.1 queue mode (npm run test:queue; run.cjs starts PostgreSQL and Redis):
 * a main process that takes the webhooks and two workers that run the executions, binary data in
 * the database, the IAM password credential. Production webhook executions with a binary image, an
 * All Pages PDF, a URL input and the Needs Review output; each answer checked against what the
 * emulator received, both workers seen running executions, and the IAM token calls counted.
 */
import { readFileSync } from '../nodejs/fs.cjs';
import { join } from '../nodejs/path.cjs';
import console from '../nodejs/console.cjs';
import process from '../nodejs/process.cjs';

import { FIXTURE_BASE_URL } from '../emulator/fixtures';
import { type Emulator, type EmulatorRequest, startEmulator } from '../emulator';
import * as n8n from '../e2e/n8n.cjs';
import type { N8nContext, N8nServer, N8nWorker, WorkflowJson } from '../e2e/n8n.cjs';
import { ID_CARD_RESULTS, recognizer, stopRecognizer } from '../e2e/recognizedResults';
import { emulatorCredentials } from '../harness/ocrNode';

const NODE_TYPE = 'n8n-nodes-huaweicloud-ocr.huaweiCloudOcr';
const CREDENTIAL = { id: 'hwOcrQueueIamCred', name: 'Huawei Cloud IAM user' };
const EXAMPLES_DIR = join(n8n.REPO_ROOT, 'examples');

const example = (file: string) => JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
const setValue = (workflow: WorkflowJson, nodeName: string) =>
	(workflow.nodes.find((node) => node.name === nodeName)!.parameters.assignments as { assignments: Array<{ value: string }> }).assignments[0].value;

const IMAGE = readFileSync(join(module.path, '..', 'e2e', 'fixtures', 'hello.png'));
const PDF = Buffer.from(setValue(example('pdf-all-pages-to-txt.json'), 'Sample PDF'), 'base64');
const ID_SCANS = (JSON.parse(setValue(example('id-document-needs-review.json'), 'Two ID Card Scans')) as Array<{ fileName: string; base64: string }>).map(
	(scan) => ({ fileName: scan.fileName, bytes: Buffer.from(scan.base64, 'base64') }),
);
const URL_INPUT = `${FIXTURE_BASE_URL}/document.png`;

/** Webhook → OCR node → Respond to Webhook (one per OCR output), as a production workflow. */
function webhookWorkflow(
	id: string,
	path: string,
	ocr: { parameters: Record<string, unknown>; typeVersion?: number },
	responses: string[],
): WorkflowJson {
	const respond = responses.map((responseBody, output) => ({
		id: `${id}-respond-${output}`,
		name: `Respond ${output}`,
		type: 'n8n-nodes-base.respondToWebhook',
		typeVersion: 1.5,
		position: [440, output * 200] as [number, number],
		parameters: { respondWith: 'json', responseBody, options: {} },
	}));
	return {
		id,
		name: `queue: ${path}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${id}-webhook`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: `7f0c2b7e-0000-4000-8000-${id.slice(-12).padStart(12, '0')}`,
				parameters: { httpMethod: 'POST', path, responseMode: 'responseNode', options: {} },
			},
			{
				id: `${id}-ocr`,
				name: 'OCR',
				type: NODE_TYPE,
				typeVersion: ocr.typeVersion ?? 1,
				position: [220, 0],
				parameters: ocr.parameters,
				credentials: { huaweiCloudApi: CREDENTIAL },
			},
			...respond,
		],
		connections: {
			Webhook: { main: [[{ node: 'OCR', type: 'main', index: 0 }]] },
			OCR: { main: respond.map((node) => [{ node: node.name, type: 'main', index: 0 }]) },
		},
	};
}

const WORKFLOWS = [
	webhookWorkflow('hwOcrQueueImage01', 'q-image', { parameters: { resource: 'textAndTables', operation: 'generalText', options: {} } }, [
		"={{ { text: $json.text, requestId: $json.requestId, fileName: $('Webhook').item.binary.data.fileName } }}",
	]),
	webhookWorkflow(
		'hwOcrQueuePdf000001',
		'q-pdf',
		{ parameters: { resource: 'textAndTables', operation: 'smartDocumentRecognizer', pages: 'all', options: { maxPages: 20 } } },
		["={{ { pageCount: $json.pageCount, pagesRead: $json.pagesRead, requestIds: $json.requestIds, texts: $json.text.split('\\f').length } }}"],
	),
	webhookWorkflow(
		'hwOcrQueueUrl000001',
		'q-url',
		{ parameters: { resource: 'textAndTables', operation: 'generalText', inputSource: 'url', url: '={{ $json.body.url }}', options: {} } },
		['={{ { text: $json.text, requestId: $json.requestId } }}'],
	),
	webhookWorkflow(
		'hwOcrQueueIdCard001',
		'q-id-card',
		{ typeVersion: 1.1, parameters: { resource: 'identityDocument', operation: 'idCard', recognitionOptions: { side: 'front', detectCopy: true }, options: {} } },
		[
			"={{ { route: 'main', number: $json.number, requestId: $json.requestId } }}",
			"={{ { route: 'needsReview', number: $json.number, requestId: $json.requestId, failed: $json.checks.failed } }}",
		],
	),
];

interface Answer {
	status: number;
	body: Record<string, unknown>;
}

describe('the package in n8n 2.41.1 queue mode (main + 2 workers, PostgreSQL, Redis, binary data in the database)', () => {
	let ctx: N8nContext;
	let emu: Emulator;
	let main: N8nServer;
	const workers: N8nWorker[] = [];

	async function post(path: string, body: FormData | Record<string, unknown>): Promise<Answer> {
		const init =
			body instanceof FormData
				? { method: 'POST', body }
				: { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
		const response = await fetch(`${main.baseUrl}/webhook/${path}`, init);
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	}

	const upload = (bytes: Buffer, type: string, fileName: string) => {
		const form = new FormData();
		form.append('data', new Blob([bytes], { type }), fileName);
		return form;
	};

	const recognitions = (operation: string) =>
		emu.requests.filter(
			(request) => request.service === 'ocr' && request.operation === operation && ['image', 'data', 'url'].some((field) => field in ((request.body ?? {}) as object)),
		);
	const tokenCalls = () => emu.requests.filter((request) => request.service === 'iam' && request.path === '/v3/auth/tokens');
	const byRequestId = (requests: EmulatorRequest[], requestId: unknown) => requests.find((request) => request.requestId === requestId);
	const executionsOf = (worker: N8nWorker) => [...worker.log().matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]);

	beforeAll(async () => {
		const postgresPort = process.env.HWOCR_QUEUE_POSTGRES_PORT;
		const redisPort = process.env.HWOCR_QUEUE_REDIS_PORT;
		if (!postgresPort || !redisPort) throw new Error('Run this suite with `npm run test:queue`: it starts PostgreSQL and Redis for it');
		ctx = n8n.prepare('2.41.1');
		ctx.env = {
			EXECUTIONS_MODE: 'queue',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: postgresPort,
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: 'unused-trust-auth',
			DB_POSTGRESDB_DATABASE: 'n8n',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: redisPort,
			N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		};
		emu = await startEmulator({ recognizer, logBodies: 'full' });
		await n8n.importCredentials(ctx, [{ ...CREDENTIAL, type: 'huaweiCloudApi', data: emulatorCredentials(emu, 'password') }]);
		await n8n.importWorkflows(ctx, WORKFLOWS);
		for (const workflow of WORKFLOWS) await n8n.publishWorkflow(ctx, workflow.id);
		main = await n8n.startServer(ctx, { logName: 'main.log' });
		for (const name of ['worker-1', 'worker-2']) workers.push(await n8n.startWorker(ctx, { name, concurrency: 3 }));
	}, 15 * 60 * 1000);

	afterAll(async () => {
		await main?.stop();
		for (const worker of workers) await worker.stop();
		await emu?.stop();
		// The emulator reads PDF pages with tesseract in worker threads; they keep jest from exiting.
		await stopRecognizer();
		n8n.cleanup(ctx);
	});

	it('runs every kind of execution on the workers and answers each webhook with what the node read', async () => {
		emu.clearLog();
		// The first execution signs in to IAM; its token (stored in PostgreSQL) serves every later execution on both workers.
		const first = await post('q-image', upload(IMAGE, 'image/png', 'first.png'));
		expect(first.status).toBe(200);

		const started = Date.now();
		const [images, pdfs, urls, idCards] = await Promise.all([
			Promise.all([1, 2, 3, 4].map(async (index) => await post('q-image', upload(IMAGE, 'image/png', `scan-${index}.png`)))),
			Promise.all([1, 2].map(async (index) => await post('q-pdf', upload(PDF, 'application/pdf', `contract-${index}.pdf`)))),
			Promise.all([1, 2].map(async () => await post('q-url', { url: URL_INPUT }))),
			Promise.all(ID_SCANS.map(async (scan) => await post('q-id-card', upload(scan.bytes, 'image/png', scan.fileName)))),
		]);
		const wallMs = Date.now() - started;
		const answers = [first, ...images, ...pdfs, ...urls, ...idCards];
		const failed = answers.filter((answer) => answer.status !== 200);
		if (failed.length > 0) {
			throw new Error(`${failed.length} webhook calls failed, e.g. ${JSON.stringify(failed[0])}\n--- main ---\n${main.log()}\n--- worker-1 ---\n${n8n.tailFile(workers[0].logFile)}`);
		}

		// Binary image: stored by main in the database, read by a worker byte for byte.
		for (const [index, answer] of [first, ...images].entries()) {
			expect(answer.body).toMatchObject({ text: expect.any(String), fileName: index === 0 ? 'first.png' : `scan-${index}.png` });
			const call = byRequestId(recognitions('general-text'), answer.body.requestId);
			expect((call?.body as { image?: string } | undefined)?.image).toBe(IMAGE.toString('base64'));
		}
		// All Pages PDF: three one-page calls per document, each answered once.
		const pdfCalls = recognitions('smart-document-recognizer');
		expect(pdfCalls.filter((call) => call.status === 200)).toHaveLength(2 * 3);
		for (const answer of pdfs) {
			expect(answer.body).toMatchObject({ pageCount: 3, pagesRead: [1, 2, 3], texts: 3 });
			for (const requestId of answer.body.requestIds as string[]) expect(byRequestId(pdfCalls, requestId)?.status).toBe(200);
		}
		// URL input: the URL goes to Huawei as is; no file passes through n8n.
		for (const answer of urls) {
			expect(answer.body).toMatchObject({ text: expect.any(String) });
			expect(byRequestId(recognitions('general-text'), answer.body.requestId)?.body).toEqual({ url: URL_INPUT });
		}
		// Needs Review: the good card on the main output, the one whose check character fails on Needs Review.
		const [good, doubtful] = ID_CARD_RESULTS;
		expect(idCards.map((answer) => answer.body)).toEqual([
			{ route: 'main', number: good.number, requestId: expect.any(String) },
			{ route: 'needsReview', number: doubtful.number, requestId: expect.any(String), failed: expect.arrayContaining(['prcId.number']) },
		]);

		const perWorker = workers.map((worker) => executionsOf(worker));
		const tokens = tokenCalls().length;
		console.info(
			`queue mode: ${answers.length} webhook executions (${answers.length - 1} at once in ${(wallMs / 1000).toFixed(2)} s), ` +
				`${perWorker.map((ids, index) => `worker-${index + 1} ran ${ids.length}`).join(', ')}; IAM token calls: ${tokens}`,
		);
		for (const ids of perWorker) expect(ids.length).toBeGreaterThan(0);
		expect(perWorker.flat().length).toBe(answers.length);
		expect(new Set(perWorker.flat()).size).toBe(answers.length);
		expect(tokens).toBe(1);
	});
});
