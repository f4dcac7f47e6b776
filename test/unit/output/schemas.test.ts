import { checkResult, UnreadableResultError, validateResult } from '../../../nodes/HuaweiCloudOcr/output/schemas';
import { GENERAL_TABLE, GENERAL_TEXT, ID_CARD, LICENSE_PLATE, SMART_DOCUMENT, sampleResult } from './helpers';

describe('validateResult', () => {
	it('accepts every documented sample for its family, passing unknown fields through', () => {
		expect(validateResult(GENERAL_TEXT, sampleResult('general-text'), 'r').family).toBe('text');
		expect(validateResult(GENERAL_TABLE, sampleResult('general-table'), 'r').family).toBe('table');
		expect(validateResult(SMART_DOCUMENT, sampleResult('smart-document-recognizer'), 'r').family).toBe('smartDocument');
		const withExtra = validateResult(GENERAL_TEXT, { words_block_list: [], brand_new_field: 1 }, 'r');
		expect((withExtra.result as Record<string, unknown>).brand_new_field).toBe(1);
	});

	it('names the operation, the request ID and the offending path', () => {
		const broken = { words_region_list: [{ type: 'table', words_block_list: [{ words: 42, rows: [0] }] }] };
		expect(() => validateResult(GENERAL_TABLE, broken, 'req-123')).toThrow(UnreadableResultError);
		expect(() => validateResult(GENERAL_TABLE, broken, 'req-123')).toThrow(
			'Huawei Cloud returned a General Table result this node cannot read (request ID req-123): result.words_region_list[0].words_block_list[0].words: Expected string, received number',
		);
	});

	it('accepts missing and null fields (null means not returned), and reports a wrong type', () => {
		expect(checkResult(GENERAL_TABLE, {}, 'req-9').ok).toBe(true);
		const nulls = checkResult(GENERAL_TEXT, { words_block_list: [{ words: null, confidence: 0.9 }], markdown_result: null }, 'r');
		expect(nulls.ok && nulls.value.result).toEqual({ words_block_list: [{ confidence: 0.9 }] });
		const wrongList = checkResult(GENERAL_TABLE, { words_region_list: 'none' }, 'req-9');
		expect(wrongList.ok).toBe(false);
		if (!wrongList.ok) {
			expect(wrongList.error.requestId).toBe('req-9');
			expect(wrongList.error.message).toContain('result.words_region_list: Expected array, received string');
		}
		const notAnArray = checkResult(LICENSE_PLATE, 'plate', undefined);
		expect(notAnArray.ok).toBe(false);
		if (!notAnArray.ok) expect(notAnArray.error.message).toContain('(request ID unknown)');
		expect(checkResult(ID_CARD, [{ name: 'x' }], 'r').ok).toBe(false);
	});

	it('lists at most three problems and counts the rest', () => {
		const blocks = Array.from({ length: 5 }, () => ({ words: 7 }));
		const checked = checkResult(GENERAL_TEXT, { words_block_list: blocks }, 'r');
		expect(checked.ok).toBe(false);
		if (!checked.ok) {
			expect(checked.error.issues).toHaveLength(5);
			expect(checked.error.message).toContain('(and 2 more)');
		}
	});
});
