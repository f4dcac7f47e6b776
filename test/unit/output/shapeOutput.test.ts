import ExcelJS from 'exceljs';
import { NodeApiError } from 'n8n-workflow';
import { shapeOutput } from '../../../nodes/HuaweiCloudOcr/output';
import { XLSX_MIME_TYPE } from '../../../nodes/HuaweiCloudOcr/output/xlsx';
import { GENERAL_TABLE, GENERAL_TEXT, PASSPORT, SMART_DOCUMENT, fakeContext, sampleResult } from './helpers';

const TABLE_RESULT = {
	words_region_list: [
		{ type: 'text', words_block_list: [{ words: 'Invoice 7' }] },
		{
			type: 'table',
			words_block_list: [
				{ words: 'Item', rows: [0], columns: [0] },
				{ words: 'Price', rows: [0], columns: [1] },
				{ words: 'Tea', rows: [1], columns: [0] },
				{ words: '3.50', rows: [1], columns: [1] },
				{ words: 'Total 3.50', rows: [2], columns: [0, 1] },
			],
		},
	],
};

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
	return workbook;
}

describe('shapeOutput', () => {
	describe('One Item per Table Row keeps everything recognised', () => {
		const receipt = {
			words_region_list: [
				{ type: 'text', words_block_list: [{ words: 'Cafe Blue' }, { words: 'Receipt 12' }] },
				{
					type: 'table',
					words_block_list: [
						{ words: 'Item', rows: [0], columns: [0] },
						{ words: 'Price', rows: [0], columns: [1] },
						{ words: 'Tea', rows: [1], columns: [0] },
						{ words: '3.50', rows: [1], columns: [1] },
					],
				},
				{
					type: 'table',
					words_block_list: [
						{ words: 'TOTAL', rows: [0], columns: [0] },
						{ words: '3.50', rows: [0], columns: [1] },
					],
				},
				{ type: 'text', words_block_list: [{ words: 'Thank you' }] },
			],
		};

		it('gives a single-row table its own row item and the text outside tables one last item', async () => {
			const { ctx } = fakeContext({ simplify: true, tableOutput: 'rows' });
			const items = await shapeOutput(ctx, 0, GENERAL_TABLE, { result: receipt, requestId: 'r' });
			expect(items.map((item) => item.json)).toEqual([
				{ _table: 1, _row: 1, Item: 'Tea', Price: '3.50', requestId: 'r' },
				{ _table: 2, _row: 1, 'Column 1': 'TOTAL', 'Column 2': '3.50', requestId: 'r' },
				{ _outsideTables: true, text: 'Cafe Blue\nReceipt 12\nThank you', requestId: 'r' },
			]);
		});
	});

	describe('Neutralize Spreadsheet Formulas', () => {
		const hostile = {
			words_region_list: [
				{
					type: 'table',
					words_block_list: [
						{ words: '=Label', rows: [0], columns: [0] },
						{ words: 'Amount', rows: [0], columns: [1] },
						{ words: '=HYPERLINK("http://evil.example","Click")', rows: [1], columns: [0] },
						{ words: '-12.50', rows: [1], columns: [1] },
						{ words: '@SUM(A1:A9)', rows: [2], columns: [0] },
						{ words: '+1+cmd|\' /C calc\'!A0', rows: [2], columns: [1] },
						{ words: '\tTab', rows: [3], columns: [0] },
						{ words: '\rReturn', rows: [3], columns: [1] },
					],
				},
			],
		};

		it('prefixes a quote to cells and headers that a spreadsheet would run as formulas, by default', async () => {
			const { ctx } = fakeContext({ simplify: true, tableOutput: 'rows' });
			const items = await shapeOutput(ctx, 0, GENERAL_TABLE, { result: hostile, requestId: 'r' });
			expect(items.map((item) => item.json)).toEqual([
				{ _table: 1, _row: 1, "'=Label": '\'=HYPERLINK("http://evil.example","Click")', Amount: '-12.50', requestId: 'r' },
				{ _table: 1, _row: 2, "'=Label": "'@SUM(A1:A9)", Amount: "'+1+cmd|' /C calc'!A0", requestId: 'r' },
				{ _table: 1, _row: 3, "'=Label": "'\tTab", Amount: "'\rReturn", requestId: 'r' },
			]);
		});

		it('keeps the text verbatim when turned off', async () => {
			const { ctx } = fakeContext({ simplify: true, tableOutput: 'rows', options: { neutralizeFormulas: false } });
			const items = await shapeOutput(ctx, 0, GENERAL_TABLE, { result: hostile, requestId: 'r' });
			expect(items[0].json).toEqual({
				_table: 1,
				_row: 1,
				'=Label': '=HYPERLINK("http://evil.example","Click")',
				Amount: '-12.50',
				requestId: 'r',
			});
		});

		it('neutralizes the cells of the attached Excel file too', async () => {
			const { ctx, prepared } = fakeContext({ simplify: true, options: { attachExcel: true } });
			await shapeOutput(ctx, 0, GENERAL_TABLE, { result: hostile, requestId: 'r' });
			const sheet = (await readWorkbook(prepared[0].data)).worksheets[0];
			expect(sheet.getCell('A1').value).toBe("'=Label");
			expect(sheet.getCell('A2').value).toBe('\'=HYPERLINK("http://evil.example","Click")');
			expect(sheet.getCell('B2').value).toBe('-12.50');
			expect(sheet.getCell('A3').value).toBe("'@SUM(A1:A9)");
		});
	});

	it('returns the raw result with a warning when the cells claim an absurd grid, instead of allocating it', async () => {
		const { ctx } = fakeContext({ simplify: true });
		const result = {
			words_region_list: [
				{
					type: 'table',
					words_block_list: [
						{ words: 'a', rows: [0], columns: [0] },
						{ words: 'b', rows: [99_999], columns: [99_999] },
					],
				},
			],
		};
		const items = await shapeOutput(ctx, 0, GENERAL_TABLE, { result, requestId: 'req-big' });
		expect(items).toHaveLength(1);
		expect(items[0].json.result).toBe(result);
		expect(items[0].json.warnings).toEqual([
			expect.stringContaining('A table in the result claims 100000 rows × 100000 columns, more than this node builds (1000000 cells)'),
		]);
	});

	it('returns the raw result untouched plus the request ID when Simplify is off', async () => {
		const { ctx, prepared } = fakeContext({ simplify: false });
		const result = sampleResult('general-text');
		const items = await shapeOutput(ctx, 0, GENERAL_TEXT, { result, requestId: 'req-1' });
		expect(items).toEqual([{ json: { result, requestId: 'req-1' } }]);
		expect(items[0].json.result).toBe(result);
		expect(prepared).toHaveLength(0);
	});

	it('does not validate in raw mode, so an unexpected shape still reaches the user', async () => {
		const { ctx } = fakeContext({ simplify: false });
		const items = await shapeOutput(ctx, 0, GENERAL_TABLE, { result: { odd: true }, requestId: 'req-2' });
		expect(items).toEqual([{ json: { result: { odd: true }, requestId: 'req-2' } }]);
	});

	it('adds the request ID to every simplified item and no pairedItem', async () => {
		const { ctx } = fakeContext({ simplify: true, tableOutput: 'rows' });
		const items = await shapeOutput(ctx, 0, GENERAL_TABLE, { result: TABLE_RESULT, requestId: 'req-3' });
		expect(items.map((item) => item.json)).toEqual([
			{ _table: 1, _row: 1, Item: 'Tea', Price: '3.50', requestId: 'req-3' },
			{ _table: 1, _row: 2, Item: 'Total 3.50', Price: 'Total 3.50', requestId: 'req-3' },
			{ _outsideTables: true, text: 'Invoice 7', requestId: 'req-3' },
		]);
		expect(items.every((item) => item.pairedItem === undefined)).toBe(true);
	});

	it('reads the Include options from the options collection', async () => {
		const result = { surname: 'LI', confidence: { surname: 0.9 } };
		const plain = await shapeOutput(fakeContext({}).ctx, 0, PASSPORT, { result, requestId: 'r' });
		expect(plain[0].json).toEqual({ surname: 'LI', requestId: 'r' });
		const detailed = await shapeOutput(fakeContext({ options: { includeConfidence: true } }).ctx, 0, PASSPORT, {
			result,
			requestId: 'r',
		});
		expect(detailed[0].json).toEqual({ surname: 'LI', confidence_surname: 0.9, requestId: 'r' });
	});

	it('attaches the text and our own workbook to the first item, named after the input file', async () => {
		const { ctx, prepared } = fakeContext({
			tableOutput: 'rows',
			options: { attachText: true, attachExcel: true, excelBinaryField: 'sheet' },
		});
		const items = await shapeOutput(ctx, 0, GENERAL_TABLE, {
			result: TABLE_RESULT,
			requestId: 'req-4',
			sourceFileName: 'scans/receipt.final.jpg',
		});
		expect(Object.keys(items[0].binary ?? {})).toEqual(['text', 'sheet']);
		expect(items[1].binary).toBeUndefined();
		expect(prepared.map(({ fileName, mimeType }) => [fileName, mimeType])).toEqual([
			['receipt.final.txt', 'text/plain'],
			['receipt.final.xlsx', XLSX_MIME_TYPE],
		]);
		expect(prepared[0].data.toString('utf8')).toBe('Invoice 7\n\nItem\tPrice\nTea\t3.50\nTotal 3.50\tTotal 3.50');
		const sheet = (await readWorkbook(prepared[1].data)).worksheets[0];
		expect(sheet.name).toBe('Table 1');
		expect(sheet.getCell('A2').value).toBe('Tea');
		expect(sheet.getCell('B2').value).toBe('3.50');
		expect(sheet.getCell('A3').value).toBe('Total 3.50');
		expect(sheet.getCell('B3').isMerged).toBe(true);
	});

	it("passes Huawei's own workbook through when the result carries one", async () => {
		const huaweiWorkbook = Buffer.from('PK\u0003\u0004 Huawei workbook');
		const { ctx, prepared } = fakeContext({ options: { attachExcel: true, fileName: 'March' } });
		await shapeOutput(ctx, 0, GENERAL_TABLE, {
			result: { ...TABLE_RESULT, excel: huaweiWorkbook.toString('base64') },
			requestId: 'r',
		});
		expect(prepared).toHaveLength(1);
		expect(prepared[0].fileName).toBe('March.xlsx');
		expect(prepared[0].data.equals(huaweiWorkbook)).toBe(true);
	});

	it('builds one sheet per smart-document table and form, named after the operation without an input name', async () => {
		const { ctx, prepared } = fakeContext({ options: { attachExcel: true } });
		await shapeOutput(ctx, 0, SMART_DOCUMENT, { result: sampleResult('smart-document-recognizer'), requestId: 'r' });
		expect(prepared[0].fileName).toBe('smart-document-recognizer.xlsx');
		const workbook = await readWorkbook(prepared[0].data);
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Table 1', 'Form 1']);
		expect(workbook.worksheets[1].getCell('A1').value).toBe('xxx');
		expect(workbook.worksheets[1].getCell('C1').isMerged).toBe(true);
	});

	it('ignores Attach Excel for operations without tables and attaches text in raw mode too', async () => {
		const { ctx, prepared } = fakeContext({ simplify: false, options: { attachExcel: true, attachText: true } });
		const items = await shapeOutput(ctx, 0, GENERAL_TEXT, { result: sampleResult('general-text'), requestId: 'r' });
		expect(Object.keys(items[0].binary ?? {})).toEqual(['text']);
		expect(prepared.map((file) => file.data.toString('utf8'))).toEqual(['Word']);
	});

	it('returns a result it cannot read raw, with the request ID and a warning naming the problem', async () => {
		const { ctx, prepared } = fakeContext({ options: { attachText: true } });
		const result = { words_region_list: 'nope' };
		const items = await shapeOutput(ctx, 2, GENERAL_TABLE, { result, requestId: 'req-5' });
		expect(items).toEqual([
			{
				json: {
					result,
					requestId: 'req-5',
					warnings: [
						'Huawei Cloud returned a General Table result this node cannot read (request ID req-5): result.words_region_list: Expected array, received string. The raw result is returned instead; please report the request ID to the node maintainers.',
					],
				},
			},
		]);
		expect(prepared).toHaveLength(0);
	});

	it.each([
		['Simplify on', { simplify: true }, undefined],
		['Simplify off', { simplify: false }, null],
	])('fails a 2xx answer without a result with a NodeApiError naming the request ID (%s)', async (_mode, parameters, result) => {
		const failure = await shapeOutput(fakeContext(parameters).ctx, 2, GENERAL_TABLE, { result, requestId: 'req-6' }).then(
			() => undefined,
			(error: unknown) => error,
		);
		expect(failure).toBeInstanceOf(NodeApiError);
		const error = failure as NodeApiError;
		expect(error.message).toBe('Huawei Cloud answered General Table without a result (request ID req-6)');
		expect(error.context.itemIndex).toBe(2);
		expect(error.context.huaweiError).toMatchObject({ code: 'RESPONSE.NO_RESULT', requestId: 'req-6', httpStatus: 200 });
	});
});
