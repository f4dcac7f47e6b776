import { NO_DETAILS } from '../../../nodes/HuaweiCloudOcr/output/flatten';
import { validateResult } from '../../../nodes/HuaweiCloudOcr/output/schemas';
import { simplifyDocument } from '../../../nodes/HuaweiCloudOcr/output/simplify';
import { toPlainText } from '../../../nodes/HuaweiCloudOcr/output/plainText';
import { GENERAL_TEXT, WEB_IMAGE, sampleResult } from './helpers';

const withLocations = { ...NO_DETAILS, includeLocations: true };

describe('text family', () => {
	it('simplifies the documented general-text sample', () => {
		const simplified = simplifyDocument(validateResult(GENERAL_TEXT, sampleResult('general-text'), 'r1'), NO_DETAILS);
		expect(simplified).toEqual({
			text: 'Word',
			lines: [{ text: 'Word', confidence: 0.9999 }],
			lineCount: 1,
			direction: 67.6506,
		});
	});

	it('keeps Huawei reading order, joins lines with line breaks and adds locations only when asked', () => {
		const result = {
			direction: -1,
			words_block_count: 3,
			words_block_list: [
				{ words: 'Left column, line 1', confidence: 0.99, location: [[10, 10], [200, 10], [200, 30], [10, 30]] },
				{ words: 'Left column, line 2', confidence: 0.98, location: [[10, 40], [200, 40], [200, 60], [10, 60]] },
				{ words: 'Right column, line 1', confidence: 0.5, location: [[300, 10], [500, 10], [500, 30], [300, 30]] },
			],
			markdown_result: '# Title',
		};
		const plain = simplifyDocument(validateResult(GENERAL_TEXT, result, 'r1'), NO_DETAILS);
		expect(plain.text).toBe('Left column, line 1\nLeft column, line 2\nRight column, line 1');
		expect(plain.lines).toEqual([
			{ text: 'Left column, line 1', confidence: 0.99 },
			{ text: 'Left column, line 2', confidence: 0.98 },
			{ text: 'Right column, line 1', confidence: 0.5 },
		]);
		expect(plain.markdown).toBe('# Title');
		expect(plain.direction).toBe(-1);

		const located = simplifyDocument(validateResult(GENERAL_TEXT, result, 'r1'), withLocations);
		expect((located.lines as Array<{ location: unknown }>)[2].location).toEqual([[300, 10], [500, 10], [500, 30], [300, 30]]);
	});

	it('lifts web-image extracted data and keeps font lists', () => {
		const result = {
			words_block_count: 1,
			words_block_list: [
				{ words: 'SALE', confidence: 0.9, font_list: ['Arial', 'Helvetica'], font_scores: [0.8, 0.1] },
			],
			extracted_data: {
				contact_info: { name: 'Li Lei', phone: '123', province: 'Guangdong' },
				image_size: { width: 640, height: 480 },
			},
		};
		const simplified = simplifyDocument(validateResult(WEB_IMAGE, result, 'r1'), NO_DETAILS);
		expect(simplified).toEqual({
			text: 'SALE',
			lines: [{ text: 'SALE', confidence: 0.9, fonts: ['Arial', 'Helvetica'], fontScores: [0.8, 0.1] }],
			lineCount: 1,
			contactInfo: { name: 'Li Lei', phone: '123', province: 'Guangdong' },
			imageSize: { width: 640, height: 480 },
		});
	});

	it('simplifies the documented web-image sample (empty extracted data adds nothing)', () => {
		const simplified = simplifyDocument(validateResult(WEB_IMAGE, sampleResult('web-image'), 'r1'), NO_DETAILS);
		expect(simplified).toEqual({
			text: 'School\nChildren going to or from school',
			lines: [
				{ text: 'School', confidence: 0.891 },
				{ text: 'Children going to or from school', confidence: 0.9115 },
			],
			lineCount: 2,
		});
	});

	it('treats a result without blocks as empty text', () => {
		expect(simplifyDocument(validateResult(GENERAL_TEXT, { words_block_count: 0 }, 'r1'), NO_DETAILS)).toEqual({
			text: '',
			lines: [],
			lineCount: 0,
		});
	});

	it('plain text is the lines in order', () => {
		expect(toPlainText(WEB_IMAGE, sampleResult('web-image'))).toBe('School\nChildren going to or from school');
	});
});
