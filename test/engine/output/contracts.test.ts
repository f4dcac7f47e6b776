/**
 * Huawei's answers as the SDK allows them, through the node in n8n-core's engine against the emulator:
 * lean answers (optional fields left out or null) in every output mode, a 2xx answer the node can't
 * simplify (kept raw with a warning), and a 2xx answer without a result (an item error with its request ID).
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { hostingRegions, OPERATIONS } from '../../../nodes/HuaweiCloudOcr/catalog';
import type { OcrOperation } from '../../../nodes/HuaweiCloudOcr/catalog/types';
import { OUTPUT_MODES } from '../../../nodes/HuaweiCloudOcr/output/properties';
import { type Emulator, startEmulator } from '../../emulator';
import { parseSdkType, sdkFields, sdkResultType } from '../../emulator/spec/sdkModels';
import { png } from '../../fixtures/syntheticFiles';
import { emulatorCredentials, fileItem, runOcr } from '../../harness/ocrNode';

let emulator: Emulator;
/** What the emulator answers for General Table; undefined = its built-in answer. */
let tableAnswer: unknown;

beforeAll(async () => {
	emulator = await startEmulator({
		logBodies: 'omitFiles',
		recognizer: async ({ operation }) => (operation === 'general-table' ? tableAnswer : undefined),
	});
});
afterAll(async () => await emulator.stop());
beforeEach(() => {
	tableAnswer = undefined;
	emulator.clearLog();
	emulator.resetFaults();
});

const ocrCalls = () => emulator.requests.filter((request) => request.service === 'ocr' && request.bodyBytes > 2);

/** The e-waybill API has no known region; the emulator hosts it nowhere (see operations.test.ts). */
const UNHOSTED_BY_EMULATOR = new Set(['waybill-electronic']);
const ITEMS_PER_RUN = 3;

function acceptableImage(operation: OcrOperation): Buffer {
	const side = Math.min(Math.max(operation.pixels.minSide, 120), operation.pixels.maxSide);
	return png(side, side);
}

/** Every boolean option switched on, so the emulator's answers carry every optional field it has. */
function everyOptionOn(operation: OcrOperation): IDataObject {
	const options: IDataObject = {};
	for (const option of operation.options) {
		if (option.type === 'boolean' && !option.required && !option.topLevel) options[option.name] = true;
	}
	return options;
}

function splitMode(operation: OcrOperation): string {
	if (operation.result.family === 'list') return OUTPUT_MODES.listEntries;
	if (operation.result.family === 'classification') return OUTPUT_MODES.detectedDocuments;
	return OUTPUT_MODES.tableRows;
}

function outputModes(operation: OcrOperation): Array<[string, IDataObject]> {
	const modes: Array<[string, IDataObject]> = [
		['simplified', { simplify: true }],
		['one item per row/entry/document', { simplify: true, tableOutput: splitMode(operation) }],
		['raw', { simplify: false }],
		['Attach Text File', { simplify: true, options: { attachText: true } }],
	];
	if (operation.result.hasTables) modes.push(['Attach Excel File', { simplify: true, options: { attachExcel: true } }]);
	return modes;
}

const INVOICE_FIELDS = { invoiceCode: '144031900110', invoiceNumber: '12345678', issueDate: '2024-03-15', checkCode: '123456' };

async function inputItems(operation: OcrOperation): Promise<INodeExecutionData[]> {
	if (operation.fileField === 'none') return Array.from({ length: ITEMS_PER_RUN }, () => ({ json: {} }));
	const image = acceptableImage(operation);
	return await Promise.all(Array.from({ length: ITEMS_PER_RUN }, async (_unused, index) => await fileItem(image, `scan-${index}.png`, 'image/png')));
}

const leanCases = OPERATIONS.filter((operation) => !UNHOSTED_BY_EMULATOR.has(operation.id)).flatMap((operation) =>
	outputModes(operation).map(([mode, parameters]) => [operation.id, mode, operation, parameters] as const),
);

/** Whether Huawei's SDK model lets the operation's result object leave fields out (VIN's does not). */
function hasOptionalFields(operation: OcrOperation): boolean {
	const type = parseSdkType(sdkResultType(operation.id) ?? 'object');
	const named = type.kind === 'list' ? parseSdkType(type.item) : type;
	return named.kind === 'class' && sdkFields(named.name).some((field) => field.optional);
}

describe('lean answers (optional fields left out or null, seeded)', () => {
	/** Optional fields the emulator left out or nulled, per operation. */
	const leanChanges = new Map<string, number>();

	it.each(leanCases)('%s, %s: every item answered, none with an error', async (_id, mode, operation, parameters) => {
		emulator.setFaults({ leanAnswers: { seed: operation.id.length * 31 + mode.length } });
		const { items, error } = await runOcr({
			parameters: {
				resource: operation.resource,
				operation: operation.value,
				recognitionOptions: everyOptionOn(operation) as INodeParameters,
				...(operation.fileField === 'none' ? INVOICE_FIELDS : {}),
				...(parameters as INodeParameters),
			},
			credentials: emulatorCredentials(emulator, 'accessKey', { region: hostingRegions(operation)[0] }),
			items: await inputItems(operation),
			onError: 'continueRegularOutput',
		});

		expect(error).toBeUndefined();
		const calls = ocrCalls();
		expect(calls).toHaveLength(ITEMS_PER_RUN);
		expect(calls.every((call) => call.status === 200)).toBe(true);
		const changed = calls.reduce((sum, call) => sum + (call.leanChanges ?? 0), 0);
		leanChanges.set(operation.id, (leanChanges.get(operation.id) ?? 0) + changed);
		const requestIds = calls.map((call) => call.requestId);
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
			[...items.map((item) => (item.pairedItem as { item: number }).item)].sort((a, b) => a - b),
		);
		for (let index = 0; index < ITEMS_PER_RUN; index++) {
			const answered = items.filter((item) => (item.pairedItem as { item: number }).item === index);
			expect(answered.length).toBeGreaterThanOrEqual(1);
			for (const item of answered) {
				expect(item.json.error).toBeUndefined();
				expect(item.json.warnings).toBeUndefined();
				expect(requestIds).toContain(item.json.requestId);
			}
			if (mode === 'raw') expect(answered[0].json.result).toBeDefined();
			if (mode === 'Attach Text File') expect(answered[0].binary?.text).toBeDefined();
			if (mode === 'Attach Excel File') expect(answered[0].binary?.excel).toBeDefined();
		}
	});

	it('left out or nulled fields in the answers of every operation whose SDK model has optional fields', () => {
		const leanOperations = [...new Set(leanCases.map(([, , operation]) => operation))].filter(hasOptionalFields);
		expect(leanOperations.length).toBeGreaterThanOrEqual(35);
		const untouched = leanOperations.filter((operation) => (leanChanges.get(operation.id) ?? 0) === 0);
		expect(untouched.map((operation) => operation.id)).toEqual([]);
	});
});

async function runGeneralTable(onError?: 'continueRegularOutput', parameters: IDataObject = {}) {
	return await runOcr({
		parameters: { resource: 'textAndTables', operation: 'generalTable', ...(parameters as INodeParameters) },
		credentials: emulatorCredentials(emulator),
		items: [await fileItem(png(200, 200), 'order-42.png', 'image/png')],
		onError,
	});
}

const lastRequestId = () => ocrCalls().pop()?.requestId;

describe('a billed answer is never thrown away', () => {
	const unreadable = { words_region_list: [{ type: 'table', words_block_list: [{ words: 42, rows: [0], columns: [0] }] }] };

	it('a 2xx answer the node cannot simplify comes out raw, with its request ID and a warning naming what could not be read', async () => {
		tableAnswer = unreadable;
		const { items, error } = await runGeneralTable(undefined, { options: { attachExcel: true } });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		// No check applies to General Table, so the item carries no `checks`.
		expect(items[0].json).toEqual({
			result: unreadable,
			requestId: lastRequestId(),
			warnings: [
				`Huawei Cloud returned a General Table result this node cannot read (request ID ${lastRequestId()}): ` +
					'result.words_region_list[0].words_block_list[0].words: Expected string, received number. ' +
					'The raw result is returned instead; please report the request ID to the node maintainers.',
			],
		});
	});

	it('a 2xx answer without a result is an item error naming the request ID', async () => {
		emulator.failNext('missingResult');
		const continued = await runGeneralTable('continueRegularOutput');
		expect(continued.error).toBeUndefined();
		expect(continued.items).toHaveLength(1);
		expect(continued.items[0].pairedItem).toEqual({ item: 0 });
		const requestId = lastRequestId();
		expect(requestId).toMatch(/^[0-9a-f]{32}$/);
		expect(continued.items[0].json.error).toEqual({
			code: 'RESPONSE.NO_RESULT',
			message: `Huawei Cloud answered General Table without a result (request ID ${requestId})`,
			hint: expect.stringContaining('request ID'),
			requestId,
			httpStatus: 200,
		});

		emulator.failNext('missingResult');
		const stopped = await runGeneralTable();
		expect(stopped.error?.message).toBe(`Huawei Cloud answered General Table without a result (request ID ${lastRequestId()})`);
	});
});

describe('fields Huawei added recently reach the simplified item', () => {
	async function simplified(operationId: string, recognitionOptions: IDataObject = {}, options: IDataObject = {}) {
		const operation = OPERATIONS.find((candidate) => candidate.id === operationId)!;
		const run = await runOcr({
			parameters: {
				resource: operation.resource,
				operation: operation.value,
				recognitionOptions: recognitionOptions as INodeParameters,
				options: options as INodeParameters,
			},
			credentials: emulatorCredentials(emulator, 'accessKey', { region: hostingRegions(operation)[0] }),
			items: [await fileItem(acceptableImage(operation), 'scan.png', 'image/png')],
		});
		expect(run.error).toBeUndefined();
		return run.items[0];
	}

	it('VAT Invoice: total_pages and current_page', async () => {
		const item = await simplified('vat-invoice');
		expect(item.json).toMatchObject({ total_pages: '1', current_page: '1' });
	});

	it('Transportation License: is_temporary_certificate and the expiry dates', async () => {
		const item = await simplified('transportation-license');
		expect(item.json).toMatchObject({
			is_temporary_certificate: false,
			expiry_date: '2024-03-15',
			review_expiry_date: '2024-03-15',
		});
	});

	it('Vehicle License with Detect Quality Issues: the alarm results and scores', async () => {
		const item = await simplified('vehicle-license', { alarm: true });
		expect(item.json).toMatchObject({
			alarm_result_detect_blocking_within_border_result: false,
			alarm_result_detect_border_integrity_result: false,
			alarm_confidence_blocking_within_border_score: 1,
			alarm_confidence_border_integrity_score: 1,
		});
	});

	it('General Text with Return Markdown Result: a markdown field, and Attach Text File writes it as .md', async () => {
		const item = await simplified('general-text', { returnMarkdownResult: true }, { attachText: true });
		expect(item.json.markdown).toEqual(expect.any(String));
		expect(item.json.markdown).toBe((item.json.lines as Array<{ text: string }>).map((line) => line.text).join('\n'));
		const file = item.binary?.text;
		expect(file?.fileName).toBe('scan.md');
		expect(file?.mimeType).toBe('text/markdown');
		expect(Buffer.from(file!.data, 'base64').toString('utf8')).toBe(item.json.markdown);

		const plain = await simplified('general-text', {}, { attachText: true });
		expect(plain.json.markdown).toBeUndefined();
		expect(plain.binary?.text?.fileName).toBe('scan.txt');
	});
});
