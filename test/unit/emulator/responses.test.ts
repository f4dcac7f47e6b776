import ExcelJS from 'exceljs';
import { startEmulator, type Emulator } from '../../emulator';
import { b64, PNG } from './files';
import { ocr, type Json } from './helpers';

const image = { image: b64(PNG) };

describe('emulator responses', () => {
	let emu: Emulator;
	beforeAll(async () => {
		emu = await startEmulator();
	});
	afterAll(() => emu.stop());

	describe('general-text (documented sample)', () => {
		it('answers direction -1 and no char_list by default', async () => {
			const { json, headers } = await ocr(emu, 'general-text', image);
			expect(headers['x-emulator-result-source']).toBe('sample');
			expect(json.result.direction).toBe(-1);
			expect(json.result.words_block_list[0]).toEqual({ words: 'Word', confidence: 0.9999, location: [[517, 447], [540, 504], [505, 518], [482, 461]] });
			expect(json.result.markdown_result).toBeUndefined();
		});

		it('honours detect_direction, character_mode and return_markdown_result', async () => {
			const { json } = await ocr(emu, 'general-text', { ...image, detect_direction: true, character_mode: true, return_markdown_result: true });
			expect(json.result.direction).toBe(67.6506);
			expect(json.result.words_block_list[0].char_list).toHaveLength(2);
			expect(json.result.markdown_result).toBe('Word');
		});
	});

	describe('general-table (documented sample with a merged cell)', () => {
		it('keeps rows/columns spans and leaves out confidence unless asked', async () => {
			const { json } = await ocr(emu, 'general-table', image);
			const table = json.result.words_region_list.find((region: Json) => region.type === 'table');
			expect(table.words_block_list.map((block: Json) => [block.rows, block.columns])).toEqual([[[0], [0]], [[0], [1, 2]]]);
			expect(table.words_block_list[0].confidence).toBeUndefined();
			expect(json.result.excel).toBeUndefined();
			const withConfidence = await ocr(emu, 'general-table', { ...image, return_confidence: true });
			expect(withConfidence.json.result.words_region_list[1].words_block_list[1].confidence).toBe(0.914);
		});

		it('adds locations, cell locations, words_list and char_list on request', async () => {
			const { json } = await ocr(emu, 'general-table', { ...image, return_text_location: true, return_char_location: true });
			const cell = json.result.words_region_list[1].words_block_list[0];
			expect(cell.location).toHaveLength(4);
			expect(cell.cell_location).toHaveLength(4);
			expect(cell.words_list[0].words).toBe(cell.words);
			expect(cell.words_list[0].char_list.length).toBeGreaterThan(0);
		});

		it('returns a real .xlsx with the merged cell when return_excel is true', async () => {
			const { json } = await ocr(emu, 'general-table', { ...image, return_excel: true });
			const workbook = new ExcelJS.Workbook();
			await workbook.xlsx.load(Buffer.from(json.result.excel, 'base64') as never);
			const sheet = workbook.worksheets[0];
			expect(sheet.getCell('A1').value).toBe('Text block 1 recognized in the table area');
			expect(sheet.getCell('B1').value).toBe('Text block 2 recognized in the table area');
			expect(sheet.getCell('C1').isMerged).toBe(true);
		});
	});

	it('web-image: adds contact info, image size and fonts on request', async () => {
		const plain = await ocr(emu, 'web-image', image);
		expect(plain.json.result.extracted_data).toEqual({});
		const { json } = await ocr(emu, 'web-image', { ...image, extract_type: ['contact_info', 'image_size'], detect_font: true });
		expect(json.result.extracted_data.image_size).toEqual({ width: 400, height: 200 });
		expect(json.result.extracted_data.contact_info.phone).toEqual(expect.any(String));
		expect(json.result.words_block_list[0].font_list).toHaveLength(5);
	});

	describe('smart-document-recognizer', () => {
		it('returns only ocr_result unless sub-results are requested', async () => {
			const { json } = await ocr(emu, 'smart-document-recognizer', { data: b64(PNG) });
			expect(json.result.map((element: Json) => Object.keys(element)[0])).toEqual(['ocr_result']);
		});

		it('returns the requested sub-results, with a real excel per table only with table + return_excel', async () => {
			const { json } = await ocr(emu, 'smart-document-recognizer', { data: b64(PNG), kv: true, table: true, layout: true, form: true, formula: true, return_excel: true });
			const keys = json.result.map((element: Json) => Object.keys(element)[0]).sort();
			expect(keys).toEqual(['form_result', 'formula_result', 'kv_result', 'layout_result', 'ocr_result', 'table_result']);
			const table = json.result.find((element: Json) => element.table_result).table_result.table_list[0];
			expect(Buffer.from(table.excel, 'base64').subarray(0, 2).toString()).toBe('PK');
			const noExcel = await ocr(emu, 'smart-document-recognizer', { data: b64(PNG), kv: true, return_excel: true });
			expect(JSON.stringify(noExcel.json)).not.toContain('excel');
		});
	});

	describe('identity documents', () => {
		it('id-card: front fields by default, front/back for double_side, extras only on request', async () => {
			const front = await ocr(emu, 'id-card', image);
			expect(front.headers['x-emulator-result-source']).toBe('template');
			expect(Object.keys(front.json.result)).toEqual(expect.arrayContaining(['name', 'sex', 'birth', 'number', 'address']));
			expect(front.json.result.valid_to).toBeUndefined();
			expect(front.json.result.portrait_image).toBeUndefined();
			expect(front.json.result.text_location).toBeUndefined();
			const both = await ocr(emu, 'id-card', { ...image, side: 'double_side', return_verification: true, return_text_location: true });
			expect(both.json.result.front.name).toEqual(expect.any(String));
			expect(both.json.result.back.valid_to).toEqual(expect.any(String));
			expect(both.json.result.front.verification_result).toBeDefined();
			expect(both.json.result.back.text_location.valid_to).toHaveLength(4);
		});

		it('passport: confidence keyed by the recognised fields', async () => {
			const { json } = await ocr(emu, 'passport', image, 'ap-southeast-1');
			expect(json.result.passport_number).toEqual(expect.any(String));
			expect(json.result.confidence.passport_number).toBeGreaterThan(0.9);
			expect(json.result.confidence.surname).toBeGreaterThan(0.9);
		});
	});

	it('auto-classification: an array of documents with type and content, restricted by type_list', async () => {
		const { json } = await ocr(emu, 'auto-classification', { ...image, detect_seal: true });
		expect(json.result.map((doc: Json) => doc.type)).toEqual(['vat_invoice', 'id_card']);
		expect(json.result[0].content.seller_name).toEqual(expect.any(String));
		expect(json.result[0].seal_mark).toBe(false);
		const only = await ocr(emu, 'auto-classification', { ...image, type_list: ['id_card'] });
		expect(only.json.result.map((doc: Json) => doc.type)).toEqual(['id_card']);
	});

	it('template operations: plausible fields, confidence map, text_location only on request', async () => {
		const plain = await ocr(emu, 'bankcard', image);
		expect(plain.json.result.card_number).toEqual(expect.any(String));
		expect(plain.json.result.text_location).toBeUndefined();
		const located = await ocr(emu, 'bankcard', { ...image, return_text_location: true });
		expect(located.json.result.text_location.card_number).toHaveLength(4);
		const plates = await ocr(emu, 'license-plate', image);
		expect(plates.json.result[0]).toMatchObject({ plate_number: expect.any(String), plate_location: expect.any(Array) });
	});

	describe('recognizer hook', () => {
		it('answers with the recognizer’s result, falls back when it returns undefined, AIS.0105 when it throws', async () => {
			const seen: string[] = [];
			const hooked = await startEmulator({
				recognizer: async ({ operation, image: bytes, format, options }) => {
					seen.push(`${operation}:${format}:${bytes.length}:${JSON.stringify(options)}`);
					if (operation === 'general-text') return { words_block_count: 0, words_block_list: [], direction: -1 };
					if (operation === 'web-image') throw new Error('engine crashed');
					return undefined;
				},
			});
			try {
				const recognized = await ocr(hooked, 'general-text', { ...image, detect_direction: false });
				expect(recognized.headers['x-emulator-result-source']).toBe('recognized');
				expect(recognized.json.result.words_block_count).toBe(0);
				expect(seen[0]).toBe(`general-text:png:${PNG.length}:{"detect_direction":false}`);
				expect((await ocr(hooked, 'general-table', image)).headers['x-emulator-result-source']).toBe('sample');
				expect((await ocr(hooked, 'web-image', image)).json.error_code).toBe('AIS.0105');
			} finally {
				await hooked.stop();
			}
		});
	});
});
