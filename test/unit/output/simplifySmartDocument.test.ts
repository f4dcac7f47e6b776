import { NO_DETAILS } from '../../../nodes/HuaweiCloudOcr/output/flatten';
import { toPlainText } from '../../../nodes/HuaweiCloudOcr/output/plainText';
import { validateResult } from '../../../nodes/HuaweiCloudOcr/output/schemas';
import { resultTables, simplifyResult } from '../../../nodes/HuaweiCloudOcr/output/simplify';
import { SMART_DOCUMENT, sampleResult } from './helpers';

const documentMode = { ...NO_DETAILS, split: false, neutralizeFormulas: true };

describe('smart document family', () => {
	it('merges the documented sample, where each sub-result sits in its own array element', () => {
		const [item] = simplifyResult(
			validateResult(SMART_DOCUMENT, sampleResult('smart-document-recognizer'), 'r1'),
			documentMode,
		);
		expect(item.text).toBe('Heilongjiang VAT Special Invoice');
		expect(item.direction).toBe(0.4767);
		expect(item.fields).toEqual({ 'Invoice issuance date': 'August 31, 2017' });
		expect(item.tables).toEqual([
			{ rows: [['Name of goods or taxable labor services', 'Specifications and model']] },
		]);
		expect(item.tableCount).toBe(1);
		expect(item.forms).toEqual([{ rows: [['xxx', 'xxx', 'xxx'], ['xxxx', 'xxxx', 'xxxx']] }]);
		expect(item.layout).toEqual([
			{ type: 'title', text: 'VAT Special Invoice', words_ids: [0] },
			{ type: 'form', text: 'xxxx', words_ids: [2, 3, 4], form_id: 0 },
			{ type: 'table', text: 'xxxx', words_ids: [0, 1, 2], table_id: 0 },
		]);
		expect(item.formulas).toHaveLength(1);
		expect((item.formulas as Array<{ formula: string }>)[0].formula).toContain('\\\\int _ { L }');
		expect(item.pageCount).toBeUndefined();
		expect(JSON.stringify(item)).not.toContain('UEsDBBQAAAAIAAAAIQBhXUk6');
	});

	it('merges per-page elements holding several sub-results, numbering repeated keys', () => {
		const result = [
			{
				ocr_result: { direction: 0, words_block_list: [{ words: 'Page one', confidence: 0.9 }] },
				kv_result: { kv_block_list: [{ key: 'Total', value: '10' }] },
				table_result: { table_list: [{ words_block_list: [{ words: 'A', rows: [0], columns: [0] }] }] },
			},
			{
				ocr_result: { direction: 0, words_block_list: [{ words: 'Page two' }] },
				kv_result: { kv_block_list: [{ key: 'Total', value: '20' }, { key: 'Empty' }] },
				table_result: {
					table_list: [
						{
							words_block_list: [
								{ words: 'H1', rows: [0], columns: [0] },
								{ words: 'H2', rows: [0], columns: [1] },
								{ words: 'v', rows: [1], columns: [0, 1] },
							],
						},
					],
				},
			},
		];
		const validated = validateResult(SMART_DOCUMENT, result, 'r1');
		const [item] = simplifyResult(validated, documentMode);
		expect(item.text).toBe('Page one\n\nPage two');
		expect(item.pageCount).toBe(2);
		expect(item.fields).toEqual({ Total: '10', Total_2: '20', Empty: '' });
		expect(item.tableCount).toBe(2);

		expect(simplifyResult(validated, { ...documentMode, split: true })).toEqual([
			{ _table: 1, _row: 1, 'Column 1': 'A' },
			{ _table: 2, _row: 1, H1: 'v', H2: 'v' },
			{
				_outsideTables: true,
				direction: 0,
				fields: { Empty: '', Total: '10', Total_2: '20' },
				pageCount: 2,
				text: 'Page one\n\nPage two',
			},
		]);
		expect(resultTables(validated).map((table) => table.name)).toEqual(['Table 1', 'Table 2']);
		expect(toPlainText(SMART_DOCUMENT, result)).toBe(
			'--- Page 1 ---\nPage one\n\n--- Page 2 ---\nPage two\n\nTotal: 10\nTotal_2: 20\nEmpty: \n\n--- Table 1 ---\nA\n\n--- Table 2 ---\nH1\tH2\nv\tv',
		);
	});

	it('names forms as their own sheets after the tables', () => {
		const tables = resultTables(validateResult(SMART_DOCUMENT, sampleResult('smart-document-recognizer'), 'r1'));
		expect(tables.map((table) => table.name)).toEqual(['Table 1', 'Form 1']);
		expect(tables[1].grid.merges).toEqual([
			{ top: 0, left: 0, bottom: 0, right: 2 },
			{ top: 1, left: 0, bottom: 1, right: 2 },
		]);
	});

	it('keeps layout and formula locations only when asked', () => {
		const validated = validateResult(SMART_DOCUMENT, sampleResult('smart-document-recognizer'), 'r1');
		const [item] = simplifyResult(validated, { ...documentMode, includeLocations: true });
		expect((item.layout as Array<{ location: unknown }>)[0].location).toEqual([[1165, 368], [2031, 368], [2031, 465], [1165, 465]]);
		expect((item.formulas as Array<{ location: unknown }>)[0].location).toEqual([[171, 919], [950, 919], [950, 967], [171, 967]]);
	});
});
