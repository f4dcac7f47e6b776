/**
 * Output shaping through n8n-core's engine against the emulator: a general-table response with merged
 * cells becomes the right rows and the right .xlsx (unreadable answers: contracts.test.ts).
 */
import ExcelJS from 'exceljs';
import type { IBinaryData } from 'n8n-workflow';

import { type Emulator, startEmulator } from '../../emulator';
import { png as makePng } from '../../fixtures/syntheticFiles';
import { emulatorCredentials, fileItem, runOcr } from '../../harness/ocrNode';

/** Header "Amount" spans two columns; "Coffee" spans two rows. */
const MERGED_TABLE = {
	words_region_count: 2,
	words_region_list: [
		{ type: 'text', words_block_count: 1, words_block_list: [{ words: 'Order 42', confidence: 0.99 }] },
		{
			type: 'table',
			words_block_count: 7,
			words_block_list: [
				{ words: 'Product', rows: [0], columns: [0] },
				{ words: 'Amount', rows: [0], columns: [1, 2] },
				{ words: 'Coffee', rows: [1, 2], columns: [0] },
				{ words: '10', rows: [1], columns: [1] },
				{ words: 'EUR', rows: [1], columns: [2] },
				{ words: '12', rows: [2], columns: [1] },
				{ words: 'USD', rows: [2], columns: [2] },
			],
		},
	],
};

let emulator: Emulator;
let answer: unknown = MERGED_TABLE;

beforeAll(async () => {
	emulator = await startEmulator({
		recognizer: async ({ operation }) => (operation === 'general-table' ? answer : undefined),
	});
});
afterAll(async () => await emulator.stop());
beforeEach(() => {
	answer = MERGED_TABLE;
	emulator.clearLog();
});


const lastRequestId = () => emulator.requests.filter((request) => request.service === 'ocr').pop()?.requestId;

async function runGeneralTable(parameters: Record<string, unknown>, onError?: 'continueRegularOutput') {
	return await runOcr({
		parameters: { resource: 'textAndTables', operation: 'generalTable', ...parameters },
		credentials: emulatorCredentials(emulator),
		items: [await fileItem(makePng(200, 200), 'order-42.png', 'image/png')],
		onError,
	});
}

function binaryBuffer(binary: IBinaryData | undefined): Buffer {
	expect(binary).toBeDefined();
	return Buffer.from(binary!.data, 'base64');
}

describe('general table output in the engine', () => {
	it('emits one item per data row keyed by the header, with the request ID and pairedItem', async () => {
		const { items, error } = await runGeneralTable({ tableOutput: 'rows' });
		expect(error).toBeUndefined();
		const requestId = lastRequestId();
		expect(requestId).toBeTruthy();
		expect(items.map((item) => item.json)).toEqual([
			{ _table: 1, _row: 1, Product: 'Coffee', Amount: '10', Amount_2: 'EUR', requestId },
			{ _table: 1, _row: 2, Product: 'Coffee', Amount: '12', Amount_2: 'USD', requestId },
			{ _outsideTables: true, text: 'Order 42', requestId },
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	it('attaches an .xlsx that reads back with the merged cells, and the text file', async () => {
		const { items, error } = await runGeneralTable({ options: { attachExcel: true, attachText: true } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json.tables).toEqual([
			{
				rows: [
					['Product', 'Amount', 'Amount'],
					['Coffee', '10', 'EUR'],
					['Coffee', '12', 'USD'],
				],
			},
		]);
		const excel = items[0].binary?.excel;
		expect(excel?.fileName).toBe('order-42.xlsx');
		expect(excel?.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(binaryBuffer(excel) as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		expect(sheet.getCell('A1').value).toBe('Product');
		expect(sheet.getCell('B1').value).toBe('Amount');
		expect(sheet.getCell('A2').value).toBe('Coffee');
		expect(sheet.getCell('C3').value).toBe('USD');
		expect(sheet.getCell('C1').master.address).toBe('B1');
		expect(sheet.getCell('A3').master.address).toBe('A2');

		const text = items[0].binary?.text;
		expect(text?.fileName).toBe('order-42.txt');
		expect(binaryBuffer(text).toString('utf8')).toBe(
			'Order 42\n\nProduct\tAmount\tAmount\nCoffee\t10\tEUR\nCoffee\t12\tUSD',
		);
	});

	it('returns the raw result and request ID when Simplify is off', async () => {
		const { items } = await runGeneralTable({ simplify: false });
		expect(items.map((item) => item.json)).toEqual([
			{ result: MERGED_TABLE, requestId: lastRequestId() },
		]);
	});
});
