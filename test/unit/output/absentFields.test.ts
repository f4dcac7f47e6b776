/** What the simplified item looks like when Huawei leaves fields out, sends nulls, or adds new ones. */
import { NO_DETAILS } from '../../../nodes/HuaweiCloudOcr/output/flatten';
import { plainTextOf } from '../../../nodes/HuaweiCloudOcr/output/plainText';
import { validateResult } from '../../../nodes/HuaweiCloudOcr/output/schemas';
import { simplifyResult } from '../../../nodes/HuaweiCloudOcr/output/simplify';
import { AUTO_CLASSIFICATION, GENERAL_TABLE, GENERAL_TEXT, SMART_DOCUMENT, operation } from './helpers';

const documentMode = { ...NO_DETAILS, split: false };
const FINANCIAL_STATEMENT = operation('financial-statement', 'Financial Statement', 'table', { hasTables: true });

describe('absent, null and new fields', () => {
	it('text: a block without words adds no text, null is absent, new fields are kept on lines and items', () => {
		const result = {
			words_block_list: [{ words: 'Total', type: 'text' }, { confidence: 0.5 }, { words: null, location: null }],
			markdown_result: null,
			direction: null,
			layout_hint: 'two columns',
		};
		const [item] = simplifyResult(validateResult(GENERAL_TEXT, result, 'r'), documentMode);
		expect(item).toEqual({
			text: 'Total',
			lines: [{ text: 'Total', type: 'text' }, { text: '', confidence: 0.5 }, { text: '' }],
			lineCount: 3,
			layout_hint: 'two columns',
		});
	});

	it('table: a cell without row/column numbers keeps its text; a region without type is a table when its cells are placed', () => {
		const result = {
			words_region_list: [
				{ words_block_list: [{ words: 'A', rows: [0], columns: [0] }, { words: 'B', rows: [0], columns: [1] }] },
				{ type: 'table', words_block_list: [{ words: 'Lost?', rows: null }, { words: null, rows: [0], columns: [0] }] },
			],
			image_size: { height: 10, width: 20 },
		};
		const validated = validateResult(FINANCIAL_STATEMENT, result, 'r');
		const [item] = simplifyResult(validated, documentMode);
		expect(item).toEqual({
			text: 'Lost?',
			tables: [{ rows: [['A', 'B']] }, { rows: [['']] }],
			tableCount: 2,
			image_size_height: 10,
			image_size_width: 20,
		});
		expect(plainTextOf(validated)).toBe('A\tB\n\n\n\nLost?');
	});

	it('general table: an empty answer is an empty item, not an error', () => {
		expect(simplifyResult(validateResult(GENERAL_TABLE, { words_region_list: null }, 'r'), documentMode)).toEqual([
			{ text: '', tables: [], tableCount: 0 },
		]);
	});

	it('smart document: keys, values, formulas and cells may be missing; unknown parts are kept', () => {
		const result = [
			{
				ocr_result: { words_block_list: null },
				kv_result: { kv_block_list: [{ value: 'no key' }, { key: 'No value' }] },
				table_result: { table_list: [{ words_block_list: [{ words: 'floating' }] }] },
				formula_result: { formula_list: [{ location: [[0, 0]] }] },
				layout_result: { layout_block_list: [{ text: 'untyped' }] },
				stamp_result: { stamp_count: 1 },
			},
		];
		const [item] = simplifyResult(validateResult(SMART_DOCUMENT, result, 'r'), documentMode);
		expect(item).toMatchObject({
			text: '',
			fields: { field: 'no key', 'No value': '' },
			tables: [{ rows: [] }],
			unplacedCells: ['floating'],
			layout: [{ text: 'untyped' }],
			formulas: [{}],
			stamp_result_stamp_count: 1,
		});
	});

	it('classification: a missing type is empty, a status message on success is kept, new document fields are kept', () => {
		const result = [{ content: { name: 'LI' }, status: { error_msg: 'ok' }, page: 2 }];
		expect(simplifyResult(validateResult(AUTO_CLASSIFICATION, result, 'r'), documentMode)).toEqual([
			{ documents: [{ type: '', fields: { name: 'LI' }, status: 'success', statusMessage: 'ok', page: 2 }], count: 1 },
		]);
	});
});
