/**
 * Issue 20 in n8n-core's engine against the emulator: row items hold only the table (node version
 * 1.1), `checks` only where a check ran, every other item's `cost`, and Skip Duplicate Files within
 * one execution and across executions (the workflow's static data).
 */
import type { IDataObject } from 'n8n-workflow';

import { ReadFiles } from '../../../nodes/HuaweiCloudOcr/duplicates';
import { type Emulator, startEmulator } from '../../emulator';
import { png as makePng } from '../../fixtures/syntheticFiles';
import { emulatorCredentials, fileItem, runOcr } from '../../harness/ocrNode';

const TABLE = {
	words_region_count: 2,
	words_region_list: [
		{ type: 'text', words_block_count: 1, words_block_list: [{ words: 'Order 42' }] },
		{
			type: 'table',
			words_block_count: 6,
			words_block_list: [
				{ words: 'Product', rows: [0], columns: [0] },
				{ words: 'Amount', rows: [0], columns: [1] },
				{ words: 'Coffee', rows: [1], columns: [0] },
				{ words: '10', rows: [1], columns: [1] },
				{ words: 'Tea', rows: [2], columns: [0] },
				{ words: '12', rows: [2], columns: [1] },
			],
		},
	],
};
const TABLE_ONLY = { words_region_count: 1, words_region_list: [TABLE.words_region_list[1]] };

let emulator: Emulator;
let tableAnswer: unknown = TABLE;

beforeAll(async () => {
	emulator = await startEmulator({
		recognizer: async ({ operation }) => {
			if (operation === 'general-table') return tableAnswer;
			if (operation === 'general-text') return { direction: 0, words_block_count: 1, words_block_list: [{ words: 'Hello' }] };
			return undefined;
		},
	});
});
afterAll(async () => await emulator.stop());
beforeEach(() => {
	tableAnswer = TABLE;
	emulator.clearLog();
	emulator.resetFaults();
});

const ocrCalls = () => emulator.requests.filter((request) => request.service === 'ocr');
const billed = () => ocrCalls().filter((request) => request.status === 200);

async function run(operation: 'generalTable' | 'generalText', parameters: IDataObject, options: { typeVersion?: number; files?: Buffer[]; staticData?: IDataObject } = {}) {
	const files = options.files ?? [makePng(200, 200)];
	return await runOcr({
		typeVersion: options.typeVersion ?? 1.1,
		parameters: { resource: 'textAndTables', operation, ...parameters },
		credentials: emulatorCredentials(emulator),
		items: await Promise.all(files.map(async (file, index) => await fileItem(file, `scan-${index}.png`, 'image/png'))),
		staticData: options.staticData,
	});
}

describe('row items (One Item per Table Row, node version 1.1)', () => {
	it('hold the table and _table, _row only; request ID and cost are on the item of what is outside the tables', async () => {
		const { items, error } = await run('generalTable', { tableOutput: 'rows' });
		expect(error).toBeUndefined();
		const [call] = billed();
		expect(items.map((item) => item.json)).toEqual([
			{ _table: 1, _row: 1, Product: 'Coffee', Amount: '10' },
			{ _table: 1, _row: 2, Product: 'Tea', Amount: '12' },
			{ _outsideTables: true, text: 'Order 42', requestId: call.requestId, cost: { billedAnswers: 1, attempts: 1, pages: 1 } },
		]);
	});

	it('of a table with nothing around it are the table and nothing else, every value flat', async () => {
		tableAnswer = TABLE_ONLY;
		const { items } = await run('generalTable', { tableOutput: 'rows' });
		expect(items.map((item) => item.json)).toEqual([
			{ _table: 1, _row: 1, Product: 'Coffee', Amount: '10' },
			{ _table: 1, _row: 2, Product: 'Tea', Amount: '12' },
		]);
	});

	it('with Include Request ID and Cost in Rows carry flat _requestId and cost columns, the cost counted once', async () => {
		tableAnswer = TABLE_ONLY;
		emulator.failNext('throttle', 1);
		const { items, error } = await run('generalTable', { tableOutput: 'rows', options: { includeRowMetadata: true } });
		expect(error).toBeUndefined();
		const [call] = billed();
		expect(ocrCalls()).toHaveLength(2);
		expect(items.map((item) => item.json)).toEqual([
			{ _table: 1, _row: 1, Product: 'Coffee', Amount: '10', _requestId: call.requestId, _billedAnswers: 1, _attempts: 2, _pages: 1 },
			{ _table: 1, _row: 2, Product: 'Tea', Amount: '12', _requestId: call.requestId, _billedAnswers: 0, _attempts: 0, _pages: 0 },
		]);
	});

	it('keep their request ID in version 1 (as released in 0.1.0), without cost', async () => {
		tableAnswer = TABLE_ONLY;
		const { items } = await run('generalTable', { tableOutput: 'rows' }, { typeVersion: 1 });
		const [call] = billed();
		expect(items.map((item) => item.json)).toEqual([
			{ _table: 1, _row: 1, Product: 'Coffee', Amount: '10', requestId: call.requestId },
			{ _table: 1, _row: 2, Product: 'Tea', Amount: '12', requestId: call.requestId },
		]);
	});
});

describe('checks appear only when a check ran', () => {
	it.each([1, 1.1])('General Table (no check applies) in version %s: no checks in any output mode', async (typeVersion) => {
		for (const parameters of [{}, { tableOutput: 'rows' }, { simplify: false }]) {
			const { items } = await run('generalTable', parameters, { typeVersion });
			for (const item of items) expect(item.json).not.toHaveProperty('checks');
		}
	});
});

describe('cost', () => {
	it('one billed answer, one attempt, one page for an image', async () => {
		const { items } = await run('generalText', {});
		expect(items[0].json.cost).toEqual({ billedAnswers: 1, attempts: 1, pages: 1 });
		expect(billed()).toHaveLength(1);
	});

	it('counts the retries: a throttled attempt then an answer are 2 attempts and 1 billed answer', async () => {
		emulator.failNext('throttle', 1);
		const { items, error } = await run('generalText', { options: { maxAttempts: 3 } });
		expect(error).toBeUndefined();
		expect(ocrCalls().map((call) => call.status)).toEqual([429, 200]);
		expect(items[0].json.cost).toEqual({ billedAnswers: 1, attempts: 2, pages: 1 });
	});

	it('is not on items of version 1', async () => {
		const { items } = await run('generalText', {}, { typeVersion: 1 });
		expect(items[0].json).not.toHaveProperty('cost');
	});
});

describe('Skip Duplicate Files', () => {
	const same = makePng(200, 200);
	const other = makePng(210, 200);

	it('Off (default): every copy is read and billed', async () => {
		const { items } = await run('generalText', {}, { files: [same, same] });
		expect(billed()).toHaveLength(2);
		expect(items.map((item) => item.json.duplicateOf)).toEqual([undefined, undefined]);
	});

	it('In This Execution: identical files are read once; each copy gets the items, says which item it copies and costs nothing', async () => {
		const { items, error } = await run('generalText', { options: { skipDuplicates: 'execution' } }, { files: [same, other, same, same] });
		expect(error).toBeUndefined();
		expect(billed()).toHaveLength(2);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(items.map((item) => [item.json.text, item.json.duplicateOf, item.json.cost])).toEqual([
			['Hello', undefined, { billedAnswers: 1, attempts: 1, pages: 1 }],
			['Hello', undefined, { billedAnswers: 1, attempts: 1, pages: 1 }],
			['Hello', 0, { billedAnswers: 0, attempts: 0, pages: 0 }],
			['Hello', 0, { billedAnswers: 0, attempts: 0, pages: 0 }],
		]);
		expect(items[2].json.requestId).toBe(items[0].json.requestId);
	});

	it('In This Execution: the same bytes with other recognition options are read again', async () => {
		await runOcr({
			typeVersion: 1.1,
			parameters: { resource: 'textAndTables', operation: 'generalText', recognitionOptions: { detectDirection: '={{ $json.turn }}' }, options: { skipDuplicates: 'execution' } },
			credentials: emulatorCredentials(emulator),
			items: [await fileItem(same, 'a.png', 'image/png', { turn: true }), await fileItem(same, 'b.png', 'image/png', { turn: false })],
		});
		expect(billed()).toHaveLength(2);
	});

	it('Also Across Executions: a file read by an earlier execution makes no call and goes to Needs Review with when and which request it was read', async () => {
		const staticData: IDataObject = {};
		const parameters = { options: { skipDuplicates: 'executions' } };
		const first = await run('generalText', parameters, { files: [same], staticData });
		expect(billed()).toHaveLength(1);
		const [firstCall] = billed();
		expect(first.outputs[0][0].json).toMatchObject({ text: 'Hello', requestId: firstCall.requestId });
		// Only fingerprints, times and request IDs are kept: nothing of the document.
		expect(JSON.stringify(staticData)).not.toContain('Hello');

		emulator.clearLog();
		const second = await run('generalText', parameters, { files: [same, other], staticData });
		expect(ocrCalls()).toHaveLength(1);
		const [main, review] = second.outputs;
		expect(main.map((item) => [item.json.text, item.pairedItem])).toEqual([['Hello', { item: 1 }]]);
		expect(review.map((item) => item.json)).toEqual([
			{ duplicate: { firstSeenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), requestId: firstCall.requestId }, cost: { billedAnswers: 0, attempts: 0, pages: 0 } },
		]);
		expect(review[0].pairedItem).toEqual({ item: 0 });
	});

	it('Also Across Executions: copies within the run are copies (duplicateOf), not repeats from an earlier run', async () => {
		const staticData: IDataObject = {};
		const { outputs } = await run('generalText', { options: { skipDuplicates: 'executions' } }, { files: [same, same], staticData });
		expect(billed()).toHaveLength(1);
		expect(outputs[0].map((item) => item.json.duplicateOf)).toEqual([undefined, 0]);
		expect(outputs[1]).toEqual([]);
	});

	it('Also Across Executions without the Needs Review output (version 1): the repeat is on the one output', async () => {
		const staticData: IDataObject = {};
		await run('generalText', { options: { skipDuplicates: 'executions' } }, { files: [same], staticData, typeVersion: 1 });
		const { outputs } = await run('generalText', { options: { skipDuplicates: 'executions' } }, { files: [same], staticData, typeVersion: 1 });
		expect(outputs).toHaveLength(1);
		expect(outputs[0][0].json).toEqual({ duplicate: expect.objectContaining({ requestId: expect.any(String) }) });
	});

	it('refuses an unknown mode before any call, naming the option', async () => {
		const { error } = await run('generalText', { options: { skipDuplicates: 'always' } });
		expect(error?.message).toContain('Skip Duplicate Files can\'t be "always"');
		expect(ocrCalls()).toHaveLength(0);
	});
});

describe('the memory of read files', () => {
	it('keeps the newest entries up to its limit, oldest forgotten first', () => {
		const staticData: IDataObject = {};
		const files = new ReadFiles(staticData, 3);
		for (const name of ['a', 'b', 'c', 'd']) files.remember(name, `request-${name}`, new Date('2026-01-01T00:00:00Z'));
		const later = new ReadFiles(staticData, 3);
		expect(['a', 'b', 'c', 'd'].map((name) => later.readBefore(name)?.requestId)).toEqual([undefined, 'request-b', 'request-c', 'request-d']);
	});

	it('ignores what it cannot read in the static data', () => {
		const files = new ReadFiles({ readFiles: [['ok', '2026-01-01T00:00:00.000Z', null], 'junk', [1, 2]] as unknown as IDataObject[] });
		expect(files.readBefore('ok')).toEqual({ firstSeenAt: '2026-01-01T00:00:00.000Z', requestId: null });
	});
});
