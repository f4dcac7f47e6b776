import { NO_DETAILS } from '../../../nodes/HuaweiCloudOcr/output/flatten';
import { toPlainText } from '../../../nodes/HuaweiCloudOcr/output/plainText';
import { validateResult } from '../../../nodes/HuaweiCloudOcr/output/schemas';
import { huaweiExcel, resultTables, simplifyResult } from '../../../nodes/HuaweiCloudOcr/output/simplify';
import { GENERAL_TABLE, sampleResult } from './helpers';

const documentMode = { ...NO_DETAILS, split: false, neutralizeFormulas: true };
const rowsMode = { ...NO_DETAILS, split: true, neutralizeFormulas: true };

/** An invoice-like table: a merged header cell, a merged first column and a text region. */
const MERGED_TABLE_RESULT = {
	words_region_count: 2,
	words_region_list: [
		{
			type: 'text',
			words_block_count: 2,
			words_block_list: [{ words: 'Quarterly sales' }, { words: 'Region North' }],
		},
		{
			type: 'table',
			table_location: [[0, 0], [10, 0], [10, 10], [0, 10]],
			words_block_count: 8,
			words_block_list: [
				{ words: 'Product', rows: [0], columns: [0] },
				{ words: ' Amount ', rows: [0], columns: [1, 2] },
				{ words: '', rows: [0], columns: [3] },
				{ words: 'Coffee', rows: [1, 2], columns: [0] },
				{ words: '10', rows: [1], columns: [1] },
				{ words: '11', rows: [1], columns: [2] },
				{ words: 'x', rows: [1], columns: [3] },
				{ words: '12', rows: [2], columns: [1] },
				{ words: '13', rows: [2], columns: [2] },
			],
		},
	],
};

describe('table family', () => {
	it('rebuilds the documented general-table sample: text region into text, merged cell spread', () => {
		const items = simplifyResult(validateResult(GENERAL_TABLE, sampleResult('general-table'), 'r1'), documentMode);
		expect(items).toEqual([
			{
				text: 'Text block 1 recognized in the text area',
				tables: [
					{
						rows: [
							[
								'Text block 1 recognized in the table area',
								'Text block 2 recognized in the table area',
								'Text block 2 recognized in the table area',
							],
						],
					},
				],
				tableCount: 1,
			},
		]);
	});

	it('turns each data row into an item keyed by the header row, merged cells on every row they cover', () => {
		const items = simplifyResult(validateResult(GENERAL_TABLE, MERGED_TABLE_RESULT, 'r1'), rowsMode);
		expect(items).toEqual([
			{ _table: 1, _row: 1, Product: 'Coffee', Amount: '10', Amount_2: '11', 'Column 4': 'x' },
			{ _table: 1, _row: 2, Product: 'Coffee', Amount: '12', Amount_2: '13', 'Column 4': '' },
			{ _outsideTables: true, text: 'Quarterly sales\nRegion North' },
		]);
	});

	it('keeps a single-row table as a row item and the text outside it as one last item', () => {
		const items = simplifyResult(validateResult(GENERAL_TABLE, sampleResult('general-table'), 'r1'), rowsMode);
		expect(items).toEqual([
			{
				_table: 1,
				_row: 1,
				'Column 1': 'Text block 1 recognized in the table area',
				'Column 2': 'Text block 2 recognized in the table area',
				'Column 3': 'Text block 2 recognized in the table area',
			},
			{ _outsideTables: true, text: 'Text block 1 recognized in the text area' },
		]);
	});

	it('falls back to the document item when no table has rows', () => {
		const items = simplifyResult(
			validateResult(GENERAL_TABLE, { words_region_list: [{ type: 'text', words_block_list: [{ words: 'Only text' }] }] }, 'r1'),
			rowsMode,
		);
		expect(items).toEqual([expect.objectContaining({ text: 'Only text', tableCount: 0 })]);
	});

	it('adds table locations only when asked', () => {
		const validated = validateResult(GENERAL_TABLE, MERGED_TABLE_RESULT, 'r1');
		const [plain] = simplifyResult(validated, documentMode);
		expect((plain.tables as Array<Record<string, unknown>>)[0].location).toBeUndefined();
		const [located] = simplifyResult(validated, { ...documentMode, includeLocations: true });
		expect((located.tables as Array<Record<string, unknown>>)[0].location).toEqual([[0, 0], [10, 0], [10, 10], [0, 10]]);
	});

	it('names tables for sheets and keeps merges; uses Huawei\'s excel only when present', () => {
		const validated = validateResult(GENERAL_TABLE, MERGED_TABLE_RESULT, 'r1');
		const tables = resultTables(validated);
		expect(tables.map((table) => table.name)).toEqual(['Table 1']);
		expect(tables[0].grid.merges).toEqual([
			{ top: 0, left: 1, bottom: 0, right: 2 },
			{ top: 1, left: 0, bottom: 2, right: 0 },
		]);
		expect(huaweiExcel(validated)).toBeUndefined();
		expect(huaweiExcel(validateResult(GENERAL_TABLE, { ...MERGED_TABLE_RESULT, excel: 'UEsDBA==' }, 'r1'))).toBe('UEsDBA==');
	});

	it('drops the Base64 excel from the simplified item', () => {
		const [item] = simplifyResult(validateResult(GENERAL_TABLE, { ...MERGED_TABLE_RESULT, excel: 'UEsDBA==' }, 'r1'), documentMode);
		expect(JSON.stringify(item)).not.toContain('UEsDBA==');
	});

	it('plain text follows region order with tables as tab-separated rows', () => {
		expect(toPlainText(GENERAL_TABLE, MERGED_TABLE_RESULT)).toBe(
			'Quarterly sales\nRegion North\n\nProduct\t Amount \t Amount \t\nCoffee\t10\t11\tx\nCoffee\t12\t13\t',
		);
	});
});

describe('table confidence (Return Confidence + Include Confidence)', () => {
	const withConfidence = {
		words_region_list: [
			{
				type: 'table',
				words_block_list: [
					{ words: 'Item', rows: [0], columns: [0], confidence: 0.99 },
					{ words: 'Price', rows: [0], columns: [1], confidence: 0.98 },
					{ words: 'Tea', rows: [1], columns: [0], confidence: 0.97 },
					{ words: '3.5O', rows: [1], columns: [1], confidence: 0.41 },
				],
			},
		],
	};
	const validated = () => validateResult(GENERAL_TABLE, withConfidence, 'r1');

	it('gives each row item the confidence of its cells', () => {
		expect(simplifyResult(validated(), { ...rowsMode, includeConfidence: true })).toEqual([
			{ _table: 1, _row: 1, Item: 'Tea', Price: '3.5O', confidence_Item: 0.97, confidence_Price: 0.41 },
		]);
	});

	it('gives the document item a confidence grid beside the rows', () => {
		const [document] = simplifyResult(validated(), { ...documentMode, includeConfidence: true });
		expect(document.tables).toEqual([
			{
				rows: [
					['Item', 'Price'],
					['Tea', '3.5O'],
				],
				confidence: [
					[0.99, 0.98],
					[0.97, 0.41],
				],
			},
		]);
	});

	it('leaves confidence out unless Include Confidence is on', () => {
		expect(simplifyResult(validated(), rowsMode)).toEqual([{ _table: 1, _row: 1, Item: 'Tea', Price: '3.5O' }]);
	});
});
