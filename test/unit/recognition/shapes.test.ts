import { composeTd3, parseTd3 } from '../../emulator/recognition/mrz';
import { isTextOperation, passportResult, quad, textResult, type RecognizedPage } from '../../emulator/recognition/shapes';

const PAGE: RecognizedPage = {
	width: 800,
	height: 600,
	lines: [
		{
			text: 'INVOICE',
			confidence: 0.95678,
			box: { x0: 10.4, y0: 20, x1: 120, y1: 52.6 },
			chars: [{ text: 'I', confidence: 0.9, box: { x0: 10, y0: 20, x1: 18, y1: 52 } }],
		},
		{ text: 'Total 95.70', confidence: 0.9, box: { x0: 10, y0: 80, x1: 200, y1: 110 }, chars: [] },
	],
};

describe('recognized text in Huawei response shapes', () => {
	it('makes four-point integer locations clockwise from the top-left', () => {
		expect(quad({ x0: 10.4, y0: 20, x1: 120, y1: 52.6 })).toEqual([[10, 20], [120, 20], [120, 53], [10, 53]]);
	});

	it('builds a general-text result like the documented sample', () => {
		const result = textResult('general-text', PAGE, {}) as Record<string, unknown>;
		expect(result).toEqual({
			direction: -1,
			words_block_count: 2,
			words_block_list: [
				{ words: 'INVOICE', location: [[10, 20], [120, 20], [120, 53], [10, 53]], confidence: 0.9568 },
				{ words: 'Total 95.70', location: [[10, 80], [200, 80], [200, 110], [10, 110]], confidence: 0.9 },
			],
		});
	});

	it('honours character_mode, detect_direction and return_markdown_result', () => {
		const result = textResult('general-text', PAGE, {
			character_mode: true,
			detect_direction: true,
			return_markdown_result: true,
		}) as { direction: number; words_block_list: Array<{ char_list: unknown[] }>; markdown_result: string };
		expect(result.direction).toBe(0);
		expect(result.words_block_list[0].char_list).toEqual([
			{ char: 'I', char_location: [[10, 20], [18, 20], [18, 52], [10, 52]], char_confidence: 0.9 },
		]);
		expect(result.markdown_result).toBe('INVOICE\nTotal 95.70');
	});

	it('builds web-image, handwriting and smart-document results', () => {
		expect(textResult('web-image', PAGE, { extract_type: ['image_size'] })).toMatchObject({
			words_block_count: 2,
			extracted_data: { image_size: { height: 600, width: 800 } },
		});
		expect(textResult('web-image', PAGE, {})).toMatchObject({ extracted_data: {} });
		expect(textResult('handwriting', PAGE, {})).toMatchObject({
			words_block_count: 2,
			words_block_list: [{ words: 'INVOICE', type: 'handwriting' }, { words: 'Total 95.70' }],
		});
		const smart = textResult('smart-document-recognizer', PAGE, {}) as Array<Record<string, { words_block_count: number }>>;
		expect(smart).toHaveLength(1);
		expect(smart[0].ocr_result.words_block_count).toBe(2);
	});

	it('knows which operations are text operations', () => {
		expect(isTextOperation('general-text')).toBe(true);
		expect(isTextOperation('passport')).toBe(false);
		expect(isTextOperation('general-table')).toBe(false);
	});
});

describe('passport result', () => {
	const data = {
		documentCode: 'P', issuingState: 'UTO', surname: 'Sample', givenNames: 'Jordan Alex', passportNumber: 'UA2748193',
		nationality: 'UTO', dateOfBirth: '850317', sex: 'F' as const, dateOfExpiry: '340922',
	};

	it('fills the passport fields from a verified MRZ', () => {
		const [line1, line2] = composeTd3(data);
		const result = passportResult(parseTd3(line1, line2, new Date('2026-01-01')), 0.87);
		expect(result).toMatchObject({
			passport_type: 'P',
			country_code: 'UTO',
			passport_number: 'UA2748193',
			nationality: 'UTO',
			surname: 'SAMPLE',
			given_name: 'JORDAN ALEX',
			sex: 'F',
			date_of_birth: '1985-03-17',
			date_of_expiry: '2034-09-22',
			extra_info: {},
		});
		expect((result.confidence as Record<string, number>).passport_number).toBe(0.87);
	});

	it('halves the confidence of fields whose check digit failed', () => {
		const [line1, line2] = composeTd3(data);
		const wrongExpiry = line2.replace('3409224', '3409234');
		const confidence = passportResult(parseTd3(line1, wrongExpiry), 0.8).confidence as Record<string, number>;
		expect(confidence.date_of_expiry).toBe(0.4);
		expect(confidence.passport_number).toBe(0.4);
		expect(confidence.surname).toBe(0.8);
	});
});
