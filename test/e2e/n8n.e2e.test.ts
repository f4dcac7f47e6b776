/**
 * The package in a real n8n (each version of the matrix, see matrix.cjs): installed from `npm pack` output the way n8n's community
 * installer does, credentials and the example workflows imported with `n8n import:*`, each
 * workflow run with `n8n execute --rawOutput`, and `n8n start` serving the node types and a webhook.
 * The Huawei Cloud emulator runs in this process; the assertions look at what n8n printed and at
 * what the emulator received.
 */
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { readFileSync, readdirSync } from '../nodejs/fs.cjs';
import { join } from '../nodejs/path.cjs';
import console from '../nodejs/console.cjs';

import { emulatorCredentials } from '../harness/ocrNode';
import { EMULATOR_ACCOUNT, startEmulator } from '../emulator';
import type { Emulator, EmulatorRequest } from '../emulator';
import * as n8n from './n8n.cjs';
import type { ExecuteResult, N8nContext, N8nServer, RunItem, RunJson, WorkflowJson } from './n8n.cjs';
import { CONTRACT_PAGES } from '../fixtures/contractPdf';
import { AUTO_CLASSIFICATION_RESULT, ID_CARD_RESULTS, PASSPORT_RESULT, recognizer, stopRecognizer, TABLE_ROWS } from './recognizedResults';

const NODE_TYPE = 'n8n-nodes-huaweicloud-ocr.huaweiCloudOcr';
const EXAMPLES_DIR = join(n8n.REPO_ROOT, 'examples');

/** The text part of Huawei's documented Smart Document answer (test/emulator/spec/samples). */
function documentedSmartDocumentText(): unknown[] {
	const path = join(module.path, '..', 'emulator', 'spec', 'samples', 'smart-document-recognizer.json');
	const sample = JSON.parse(readFileSync(path, 'utf8')) as { response_200: { result: Array<Record<string, unknown>> } };
	return sample.response_200.result.filter((element) => 'ocr_result' in element);
}

/** Credential ids: the examples reference the first one, so they import unchanged. */
const CREDENTIALS = {
	accessKey: { id: 'hwOcrExampleCred', name: 'Huawei Cloud account' },
	temporaryAccessKey: { id: 'hwOcrTempKeyCred', name: 'Huawei Cloud temporary key' },
	password: { id: 'hwOcrPasswordCred', name: 'Huawei Cloud IAM user' },
} as const;

function loadExamples(): Record<string, WorkflowJson> {
	const examples: Record<string, WorkflowJson> = {};
	for (const file of readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.json'))) {
		examples[file] = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
	}
	return examples;
}

/** General Text once per auth mode, side by side, in one workflow (built from the TXT example). */
function authModesWorkflow(textExample: WorkflowJson): WorkflowJson {
	const ocrNode = textExample.nodes.find((node) => node.type === NODE_TYPE)!;
	const feed = ['When Clicking Execute Workflow', 'Sample Image', 'Base64 to File'];
	const nodes = textExample.nodes.filter((node) => feed.includes(node.name));
	const modes = Object.entries(CREDENTIALS).map(([mode, credential], index) => ({
		...ocrNode,
		id: `auth-${mode}`,
		name: `OCR ${mode}`,
		position: [660, index * 200] as [number, number],
		credentials: { huaweiCloudApi: credential },
	}));
	return {
		...textExample,
		id: 'hwOcrE2eAuthModes',
		name: 'e2e: every auth mode',
		nodes: [...nodes, ...modes],
		connections: {
			'When Clicking Execute Workflow': { main: [[{ node: 'Sample Image', type: 'main', index: 0 }]] },
			'Sample Image': { main: [[{ node: 'Base64 to File', type: 'main', index: 0 }]] },
			'Base64 to File': { main: [modes.map((node) => ({ node: node.name, type: 'main', index: 0 }))] },
		},
	};
}

/** The PDF example's 3-page sample as a file posted to a webhook. */
function samplePdfOf(pdfExample: WorkflowJson): Buffer {
	const sample = pdfExample.nodes.find((node) => node.name === 'Sample PDF')!;
	const { assignments } = sample.parameters.assignments as { assignments: Array<{ name: string; value: string }> };
	return Buffer.from(assignments.find((assignment) => assignment.name === 'fileBase64')!.value, 'base64');
}

/** A production webhook that reads a posted PDF with All Pages (the PDF example's node) and answers what it read. */
function pdfWebhookWorkflow(pdfExample: WorkflowJson): WorkflowJson {
	const readAllPages = pdfExample.nodes.find((node) => node.name === 'Read All Pages')!;
	return {
		id: 'hwOcrE2eWebhookPdf',
		name: 'e2e: webhook PDF, All Pages',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'wpdf-1',
				name: 'Receive PDF',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: '0c6f1b9e-5d1e-4c57-9a3c-2f0d7b1e4a19',
				parameters: { httpMethod: 'POST', path: 'huawei-ocr-pdf', responseMode: 'responseNode', options: {} },
			},
			{ ...readAllPages, id: 'wpdf-2', position: [220, 0] },
			{
				id: 'wpdf-3',
				name: 'Respond with Pages',
				type: 'n8n-nodes-base.respondToWebhook',
				typeVersion: 1.5,
				position: [440, 0],
				parameters: {
					respondWith: 'json',
					responseBody: '={{ { pageCount: $json.pageCount, pagesRead: $json.pagesRead, requestIds: $json.requestIds } }}',
					options: {},
				},
			},
		],
		connections: {
			'Receive PDF': { main: [[{ node: readAllPages.name, type: 'main', index: 0 }]] },
			[readAllPages.name]: { main: [[{ node: 'Respond with Pages', type: 'main', index: 0 }]] },
		},
	};
}

function runOf(result: ExecuteResult): RunJson {
	if (!result.run) throw new Error(n8n.describeFailure('n8n execute printed no run JSON;', result));
	return result.run;
}

/** Output items of a node's first run (main output `output`), or [] when the node did not run. */
function outputOf(run: RunJson, nodeName: string, output = 0): RunItem[] {
	const nodeRun = run.data.resultData.runData[nodeName]?.[0];
	return nodeRun?.data?.main[output] ?? [];
}

/**
 * n8n 2.41.1 on Node 24 sometimes dies with SIGSEGV while shutting down, after it has printed the
 * finished run (a native module's teardown, not the workflow). Such a run counts, with a warning.
 */
function crashedAfterFinishing(result: ExecuteResult, run: RunJson): boolean {
	const crashed = result.code === 'signal SIGSEGV' && run.finished === true && run.status === 'success';
	if (crashed) console.warn(`n8n execute crashed with SIGSEGV after a finished run (${result.ms} ms); the run is used`);
	return crashed;
}

function expectSucceeded(result: ExecuteResult): RunJson {
	const run = runOf(result);
	const error = run.data.resultData.error;
	if ((result.code !== 0 && !crashedAfterFinishing(result, run)) || error) {
		throw new Error(`${n8n.describeFailure('workflow', result)}\nrun error: ${JSON.stringify(error)}`);
	}
	return run;
}

/**
 * OCR calls that carried a file or URL, i.e. real recognitions. Left out: the credential's free
 * subscription probe, an empty-bodied call it makes once per session (answered AIS.0101).
 */
const ocrCalls = (requests: EmulatorRequest[], operation?: string) =>
	requests.filter((request) => {
		const body = (request.body ?? {}) as Record<string, unknown>;
		const carriesFile = ['image', 'data', 'url'].some((field) => field in body);
		return request.service === 'ocr' && carriesFile && (!operation || request.operation === operation);
	});

/** Secrets of the emulator account: none of them may show up in anything n8n printed. */
const SECRETS = [
	EMULATOR_ACCOUNT.secretAccessKey,
	EMULATOR_ACCOUNT.temporary.secretAccessKey,
	EMULATOR_ACCOUNT.temporary.securityToken,
	EMULATOR_ACCOUNT.password,
];

describe(`the package in a real n8n ${n8n.n8nVersion()}`, () => {
	let ctx: N8nContext;
	let emu: Emulator;
	let examples: Record<string, WorkflowJson>;
	const executions: Record<string, ExecuteResult> = {};

	/** Runs a workflow once (with a clean emulator log) and remembers the result for the report. */
	async function executeWorkflow(id: string): Promise<{ result: ExecuteResult; requests: EmulatorRequest[] }> {
		emu.clearLog();
		const result = await n8n.execute(ctx, id);
		executions[id] = result;
		for (const secret of SECRETS) {
			expect(result.stdout).not.toContain(secret);
			expect(result.stderr).not.toContain(secret);
		}
		return { result, requests: [...emu.requests] };
	}

	beforeAll(async () => {
		ctx = n8n.prepare();
		emu = await startEmulator({ recognizer });
		examples = loadExamples();
		await n8n.importCredentials(
			ctx,
			(Object.keys(CREDENTIALS) as Array<keyof typeof CREDENTIALS>).map((authType) => ({
				...CREDENTIALS[authType],
				type: 'huaweiCloudApi',
				data: emulatorCredentials(emu, authType),
			})),
		);
		await n8n.importWorkflows(ctx, [
			...Object.values(examples),
			authModesWorkflow(examples['general-text-to-txt.json']),
			pdfWebhookWorkflow(examples['pdf-all-pages-to-txt.json']),
		]);
	}, 20 * 60 * 1000);

	afterAll(async () => {
		await emu?.stop();
		await stopRecognizer();
		n8n.cleanup(ctx);
	});

	it('ships an example for every documented job, each with a sticky note that explains it', () => {
		expect(Object.keys(examples).sort()).toEqual([
			'auto-classification-switch.json',
			'batch-30-scans.json',
			'continue-on-fail.json',
			'general-table-to-xlsx.json',
			'general-text-to-txt.json',
			'id-document-needs-review.json',
			'passport-to-spreadsheet-rows.json',
			'pdf-all-pages-to-txt.json',
			'webhook-ocr.json',
		]);
		for (const [file, workflow] of Object.entries(examples)) {
			const note = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.stickyNote');
			expect({ file, hasNote: String(note?.parameters.content ?? '').length > 80 }).toEqual({ file, hasNote: true });
			expect(workflow.nodes.some((node) => node.type === NODE_TYPE)).toBe(true);
		}
	});

	it('installs from the npm pack tarball without devDependencies, peerDependencies or node_modules', () => {
		const manifest = JSON.parse(readFileSync(join(ctx.packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
		expect(manifest.devDependencies).toBeUndefined();
		expect(manifest.peerDependencies).toBeUndefined();
		expect(manifest.dependencies ?? {}).toEqual({});
		const entries = readdirSync(ctx.packageDir);
		expect(entries).toEqual(expect.arrayContaining(['dist', 'package.json']));
		expect(entries.filter((entry) => !['dist', 'package.json', 'README.md', 'LICENSE'].includes(entry))).toEqual([]);
	});

	it('signs or authenticates every request with each of the three credential types', async () => {
		const { result, requests } = await executeWorkflow('hwOcrE2eAuthModes');
		const run = expectSucceeded(result);
		for (const mode of Object.keys(CREDENTIALS)) {
			const [item] = outputOf(run, `OCR ${mode}`);
			expect(typeof item.json.text).toBe('string');
			expect(item.json.requestId).toMatch(/^[0-9a-f]{32}$/);
		}
		const calls = ocrCalls(requests, 'general-text').filter((call) => call.status === 200);
		expect(calls.map((call) => call.identity?.type).sort()).toEqual(['accessKey', 'temporaryAccessKey', 'token']);
		const byType = (type: string) => calls.find((call) => call.identity?.type === type)!;
		expect(byType('accessKey').headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=/);
		expect(byType('temporaryAccessKey').headers['x-security-token']).toBe(EMULATOR_ACCOUNT.temporary.securityToken);
		expect(byType('token').headers['x-auth-token']).toBeTruthy();
		expect(requests.some((request) => request.method === 'POST' && request.path === '/v3/auth/tokens')).toBe(true);
	});

	it('(a) recognizes an image and saves the text as a TXT file', async () => {
		const { result, requests } = await executeWorkflow('hwOcrExGeneralText');
		const run = expectSucceeded(result);
		const [recognized] = outputOf(run, 'Recognize Text');
		const [file] = outputOf(run, 'Text to TXT File');
		expect(file.binary?.data).toMatchObject({ fileName: 'recognized-text.txt', mimeType: 'text/plain' });
		expect(n8n.readBinary(ctx, file.binary!.data).toString('utf8')).toBe(recognized.json.text);
		expect(String(recognized.json.text).length).toBeGreaterThan(0);

		const [call] = ocrCalls(requests, 'general-text');
		const sample = examples['general-text-to-txt.json'].nodes.find((node) => node.name === 'Sample Image')!;
		const sent = (sample.parameters.assignments as { assignments: Array<{ value: string }> }).assignments[0].value;
		expect((call.body as { image: string }).image).toBe(sent);
		expect(call.status).toBe(200);
	});

	it('(b) turns a recognized table into one item per row, an XLSX file, and reads it back', async () => {
		const { result, requests } = await executeWorkflow('hwOcrExTableToXlsx');
		const run = expectSucceeded(result);
		expect(ocrCalls(requests, 'general-table')).toHaveLength(1);
		const [header, ...body] = TABLE_ROWS;
		const cellsOf = (row: Record<string, unknown>) => header.map((column) => String(row[column]));
		const rows = outputOf(run, 'Recognize Table').map((item) => item.json);
		expect(rows.map(cellsOf)).toEqual(body);
		expect(rows.map((row) => row._table)).toEqual([1, 1, 1]);

		const [xlsxItem] = outputOf(run, 'Rows to XLSX');
		expect(xlsxItem.binary?.data).toMatchObject({ fileName: 'recognized-table.xlsx' });
		const workbook = new ExcelJS.Workbook();
		const xlsx = n8n.readBinary(ctx, xlsxItem.binary!.data);
		await workbook.xlsx.load(xlsx as unknown as Parameters<typeof workbook.xlsx.load>[0]);
		const sheet = workbook.getWorksheet('OCR')!;
		const sheetRows = sheet.getSheetValues().slice(1) as unknown[][];
		const columns = (sheetRows[0] ?? []).slice(1).map(String);
		expect(columns).toEqual(expect.arrayContaining(header));
		const sheetBody = sheetRows.slice(1).map((values) =>
			header.map((column) => String(values[columns.indexOf(column) + 1])),
		);
		expect(sheetBody).toEqual(body);

		const readBack = outputOf(run, 'Read Back XLSX').map((item) => item.json);
		expect(readBack.map(cellsOf)).toEqual(body);
	});

	it('(c) maps a passport to spreadsheet-shaped columns with Edit Fields', async () => {
		const { result, requests } = await executeWorkflow('hwOcrExPassportRows');
		const run = expectSucceeded(result);
		const [row] = outputOf(run, 'Spreadsheet Columns');
		expect(row.json).toEqual({
			'Passport Number': PASSPORT_RESULT.passport_number,
			Surname: PASSPORT_RESULT.surname,
			'Given Name': PASSPORT_RESULT.given_name,
			Nationality: PASSPORT_RESULT.nationality,
			'Country Code': PASSPORT_RESULT.country_code,
			'Date of Birth': PASSPORT_RESULT.date_of_birth,
			Sex: PASSPORT_RESULT.sex,
			'Date of Expiry': PASSPORT_RESULT.date_of_expiry,
			'Source File': 'sample.png',
			'Request ID': ocrCalls(requests, 'passport')[0].requestId,
		});
	});

	it('(d) gets all 30 items of a batch through while the service throttles', async () => {
		emu.setFaults({ qpsLimit: 4 });
		try {
			const { result, requests } = await executeWorkflow('hwOcrExBatch30');
			const run = expectSucceeded(result);
			const items = outputOf(run, 'Recognize Text');
			expect(items).toHaveLength(30);
			expect(items.map((item) => item.pairedItem)).toEqual(Array.from({ length: 30 }, (_, item) => ({ item })));
			expect(items.every((item) => typeof item.json.text === 'string' && !item.json.error)).toBe(true);

			const calls = ocrCalls(requests, 'general-text');
			const throttled = calls.filter((call) => call.status === 429);
			expect(calls.filter((call) => call.status === 200)).toHaveLength(30);
			expect(throttled.length).toBeGreaterThan(0);
			expect(throttled.every((call) => call.errorCode === 'APIG.0308')).toBe(true);
		} finally {
			emu.resetFaults();
		}
	});

	it('(e) continues past bad inputs, with an error item in their place', async () => {
		const { result, requests } = await executeWorkflow('hwOcrExContinueOnFail');
		const run = expectSucceeded(result);
		const items = outputOf(run, 'Recognize Text');
		expect(items.map((item) => (item.json.error ? 'error' : 'text'))).toEqual(['text', 'error', 'text', 'error']);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		for (const index of [1, 3]) {
			const error = items[index].json.error as Record<string, unknown>;
			expect(error.message).toEqual(expect.stringContaining(`[item ${index}]`));
			expect(String(error.hint ?? '').length).toBeGreaterThan(0);
		}
		expect(String((items[1].json.error as Record<string, unknown>).message)).toMatch(/format|image|file/i);
		expect(String((items[3].json.error as Record<string, unknown>).message)).toMatch(/pixel|small|10/i);
		expect(outputOf(run, 'Failed?', 0)).toHaveLength(2);
		expect(outputOf(run, 'Failed?', 1)).toHaveLength(2);
		// The bad files were stopped before the call: only the two images reached the service.
		expect(ocrCalls(requests)).toHaveLength(2);
	});

	it("reports Huawei's own error code, request ID and fix for a refused call", async () => {
		emu.setFaults({ notSubscribed: [{ operation: 'general-text' }] });
		try {
			const { result, requests } = await executeWorkflow('hwOcrExContinueOnFail');
			const run = expectSucceeded(result);
			const items = outputOf(run, 'Recognize Text');
			const refused = ocrCalls(requests).filter((call) => call.errorCode === 'ModelArts.4204');
			expect(refused).toHaveLength(2);
			const errors = [0, 2].map((index) => items[index].json.error as Record<string, unknown>);
			for (const error of errors) {
				expect(error).toMatchObject({ code: 'ModelArts.4204', httpStatus: refused[0].status });
				expect(String(error.hint)).toMatch(/enable|subscribe/i);
			}
			expect(errors.map((error) => error.requestId).sort()).toEqual(refused.map((call) => call.requestId).sort());
		} finally {
			emu.resetFaults();
		}
	});

	it('(f) classifies the documents on an image and routes each type with a Switch', async () => {
		const { result, requests } = await executeWorkflow('hwOcrExClassifyRoute');
		const run = expectSucceeded(result);
		const documents = outputOf(run, 'Classify Documents').map((item) => item.json);
		expect(documents.map((document) => document.type)).toEqual(AUTO_CLASSIFICATION_RESULT.map((document) => document.type));
		expect(ocrCalls(requests, 'auto-classification')).toHaveLength(1);

		const routed = (output: number) => outputOf(run, 'Route by Type', output).map((item) => item.json.type);
		expect(routed(0)).toEqual(['vat_invoice']);
		expect(routed(1)).toEqual(['passport']);
		expect(routed(2)).toEqual([]);
		expect(routed(3)).toEqual(['train_ticket']);
		expect(outputOf(run, 'Book Invoice')[0].json.fields).toMatchObject({ total: '106.00' });
	});

	it('(h) sends ID cards whose checks fail to Needs Review (a person) and the others to the sheet', async () => {
		const { result, requests } = await executeWorkflow('hwOcrExIdNeedsReview');
		const run = expectSucceeded(result);
		const [good, doubtful] = ID_CARD_RESULTS;
		const main = outputOf(run, 'Read ID Card', 0);
		const needsReview = outputOf(run, 'Read ID Card', 1);
		expect(main.map((item) => [item.json.number, item.pairedItem])).toEqual([[good.number, { item: 0 }]]);
		expect(needsReview.map((item) => [item.json.number, item.pairedItem])).toEqual([[doubtful.number, { item: 1 }]]);

		const [row] = outputOf(run, 'Sheet Row');
		expect(row.json).toEqual({
			Name: good.name,
			'ID Number': good.number,
			'Birth Date': '1949-12-31',
			'Checks Passed': expect.any(Number),
			'Request ID': main[0].json.requestId,
		});
		expect(row.json['Checks Passed']).toBeGreaterThan(0);
		expect(outputOf(run, 'Ask a Person').map((item) => item.json)).toEqual([
			{
				Scan: 'id-card-li.png',
				'ID Number': doubtful.number,
				'Failed Checks': 'prcId.number',
				Why: "ID number check character fails: '11010519491231002' expects X, got 1",
			},
		]);

		// The photocopy alarm the example turns on was requested from Huawei, for both scans.
		const calls = ocrCalls(requests, 'id-card');
		expect(calls.map((call) => [call.status, (call.body as Record<string, unknown>).detect_copy])).toEqual([
			[200, true],
			[200, true],
		]);
	});

	it('(i) reads a 3-page PDF with All Pages, one call per page, and saves the merged text as a TXT file', async () => {
		const { result, requests } = await executeWorkflow('hwOcrExPdfAllPages');
		const run = expectSucceeded(result);
		const calls = ocrCalls(requests, 'smart-document-recognizer');
		expect(calls.map((call) => call.status)).toEqual([200, 200, 200]);
		const pagesPerCall = await Promise.all(
			calls.map(async (call) => (await PDFDocument.load(Buffer.from((call.body as { data: string }).data, 'base64'))).getPageCount()),
		);
		expect(pagesPerCall).toEqual([1, 1, 1]);
		for (const call of calls) expect(call.body).not.toHaveProperty('pdf_page_number');

		const [document] = outputOf(run, 'Read All Pages');
		expect(outputOf(run, 'Read All Pages')).toHaveLength(1);
		expect(document.json).toMatchObject({ pageCount: 3, pagesRead: [1, 2, 3] });
		expect([...(document.json.requestIds as string[])].sort()).toEqual(calls.map((call) => call.requestId).sort());
		// Each page's own text, in page order, read from the page the emulator rendered (not a sample answer).
		const pageTexts = String(document.json.text).split('\f');
		expect(pageTexts).toHaveLength(3);
		pageTexts.forEach((text, index) => {
			for (const line of CONTRACT_PAGES[index]) expect({ page: index + 1, text }).toEqual({ page: index + 1, text: expect.stringContaining(line) });
		});
		const [file] = outputOf(run, 'Text to TXT File');
		expect(file.binary?.data).toMatchObject({ fileName: 'contract.txt', mimeType: 'text/plain' });
		expect(n8n.readBinary(ctx, file.binary!.data).toString('utf8')).toBe(document.json.text);
	});

	describe('n8n start', () => {
		let server: N8nServer;
		let cookie = '';
		const headers = () => ({ 'content-type': 'application/json', 'browser-id': 'e2e-browser', cookie });

		beforeAll(async () => {
			await n8n.publishWorkflow(ctx, 'hwOcrExWebhook');
			await n8n.publishWorkflow(ctx, 'hwOcrE2eWebhookPdf');
			server = await n8n.startServer(ctx);
			const response = await fetch(`${server.baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: headers(),
				body: JSON.stringify({ email: 'owner@example.com', firstName: 'E2e', lastName: 'Owner', password: 'E2e-Password-1' }),
			});
			expect(response.status).toBe(200);
			cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
		}, 5 * 60 * 1000);

		afterAll(async () => {
			await server?.stop();
		});

		it('(g) lists the node, its AI-tool variant and the credential type', async () => {
			const nodeTypes = (await (await fetch(`${server.baseUrl}/types/nodes.json`, { headers: headers() })).json()) as Array<{
				name: string;
				outputs?: unknown;
			}>;
			const names = nodeTypes.map((type) => type.name);
			expect(names).toContain(NODE_TYPE);
			expect(names).toContain(`${NODE_TYPE}Tool`);
			expect(nodeTypes.find((type) => type.name === `${NODE_TYPE}Tool`)?.outputs).toEqual(['ai_tool']);

			const credentialTypes = (await (
				await fetch(`${server.baseUrl}/types/credentials.json`, { headers: headers() })
			).json()) as Array<{ name: string; displayName: string }>;
			expect(credentialTypes.find((type) => type.name === 'huaweiCloudApi')?.displayName).toBe('Huawei Cloud API');

			const described = await fetch(`${server.baseUrl}/rest/node-types`, {
				method: 'POST',
				headers: headers(),
				body: JSON.stringify({ nodeInfos: [{ name: NODE_TYPE, version: 1 }] }),
			});
			expect(described.status).toBe(200);
			const [description] = ((await described.json()) as { data: Array<Record<string, unknown>> }).data;
			expect(description).toMatchObject({ name: 'huaweiCloudOcr', displayName: 'Huawei Cloud OCR', usableAsTool: true });
			expect(description.credentials).toEqual([expect.objectContaining({ name: 'huaweiCloudApi' })]);
		});

		it('answers an uploaded image posted to the webhook with the recognized text as JSON', async () => {
			emu.clearLog();
			const image = readFileSync(join(module.path, 'fixtures', 'hello.png'));
			const form = new FormData();
			form.append('data', new Blob([image], { type: 'image/png' }), 'upload.png');
			const response = await fetch(`${server.baseUrl}/webhook/huawei-ocr`, { method: 'POST', body: form });
			const body = (await response.json()) as Record<string, unknown>;
			if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${JSON.stringify(body)}\n${server.log()}`);
			const [call] = ocrCalls(emu.requests, 'general-text');
			expect(body).toEqual({
				text: expect.any(String),
				lineCount: expect.any(Number),
				requestId: call.requestId,
				fileName: 'upload.png',
			});
			expect((call.body as { image: string }).image).toBe(image.toString('base64'));
		});

		it('answers 30 webhook calls at once, each a 3-page PDF read with All Pages, within the account\'s 10 QPS', async () => {
			const pdf = samplePdfOf(examples['pdf-all-pages-to-txt.json']);
			const EXECUTIONS = 30;
			const PAGES = 3;
			const QPS = 10;
			const idealMs = ((EXECUTIONS * PAGES) / QPS) * 1000;
			emu.clearLog();
			emu.setFaults({ qpsLimit: QPS });
			// Pacing is what this test measures: Huawei's documented answer for every page keeps the
			// emulator's own page reading (tesseract, seconds of CPU for 90 pages) out of the wall time.
			emu.answerWith('smart-document-recognizer', documentedSmartDocumentText());
			try {
				const started = Date.now();
				const answers = await Promise.all(
					Array.from({ length: EXECUTIONS }, async (_unused, index) => {
						const form = new FormData();
						form.append('data', new Blob([pdf], { type: 'application/pdf' }), `contract-${index}.pdf`);
						const response = await fetch(`${server.baseUrl}/webhook/huawei-ocr-pdf`, { method: 'POST', body: form });
						return { status: response.status, body: (await response.json()) as Record<string, unknown> };
					}),
				);
				const finished = Date.now();
				const calls = ocrCalls(emu.requests, 'smart-document-recognizer');
				// The node's wall time: from its first call to the last webhook answer (before the first call
				// n8n itself reads 30 multipart uploads and starts the executions, 0.4 to 2.2 s here). It is
				// printed against its 1.3 × ideal target, not asserted: on a 2-CPU CI machine running n8n, the
				// emulator and jest it ranged from 1.08 to 1.48 × (README, Running at scale); pacing speed is
				// measured by `npm run bench -- executions`, which runs the same load in n8n's engine.
				const firstCallAt = calls[0]?.receivedAt ?? started;
				const wallMs = finished - firstCallAt;
				const accepted = calls.filter((call) => call.status === 200);
				const throttled = calls.filter((call) => call.errorCode === 'APIG.0308');
				console.info(
					`${EXECUTIONS} webhook executions × ${PAGES} pages at ${QPS} QPS: ${answers.filter((answer) => answer.status === 200).length} succeeded, ` +
						`${accepted.length} accepted calls, ${throttled.length} throttled of ${calls.length} calls, wall from the first call ${(wallMs / 1000).toFixed(2)} s = ${(wallMs / idealMs).toFixed(3)} × ideal (target 1.3 ×: ${wallMs <= 1.3 * idealMs ? 'met' : 'MISSED'}), ` +
						`from the webhook calls ${((finished - started) / 1000).toFixed(2)} s (first call after ${firstCallAt - started} ms, last at ${calls.length ? calls[calls.length - 1].receivedAt - started : '-'} ms; ` +
						`throttled at ${throttled.map((call) => call.receivedAt - started).join(', ')} ms; accepted per second: ` +
						`${Array.from({ length: Math.ceil((finished - started) / 1000) }, (_unused, second) => accepted.filter((call) => Math.floor((call.receivedAt - started) / 1000) === second).length).join(' ')})`,
				);
				const failed = answers.filter((answer) => answer.status !== 200);
				if (failed.length > 0) throw new Error(`${failed.length} executions failed, e.g. ${JSON.stringify(failed[0])}\n${server.log()}`);
				for (const { body } of answers) expect(body).toMatchObject({ pageCount: PAGES, pagesRead: [1, 2, 3] });
				// Each page billed exactly once: every accepted call's request ID is in exactly one answer.
				expect(accepted).toHaveLength(EXECUTIONS * PAGES);
				const answeredIds = answers.flatMap(({ body }) => body.requestIds as string[]).sort();
				expect(answeredIds).toEqual(accepted.map((call) => call.requestId).sort());
				expect(throttled.length).toBeLessThanOrEqual(0.1 * calls.length);
			} finally {
				emu.resetFaults();
				emu.clearAnswers();
			}
		});
	});
});
