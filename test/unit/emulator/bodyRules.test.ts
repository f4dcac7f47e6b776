import { createHash } from 'node:crypto';
import { MAX_BASE64_CHARS, startEmulator, type Emulator } from '../../emulator';
import { b64, gifHeader, PDF, PNG, pngHeader } from './files';
import { ocr, ocrPath, sdkSignedHeaders, send } from './helpers';

describe('emulator OCR body rules', () => {
	let emu: Emulator;
	beforeAll(async () => {
		emu = await startEmulator();
	});
	afterAll(() => emu.stop());
	beforeEach(() => emu.clearLog());

	async function expectError(operation: string, body: object, status: number, code: string, region = 'cn-north-4') {
		const answer = await ocr(emu, operation, body, region);
		expect({ status: answer.status, code: answer.json.error_code }).toEqual({ status, code });
		expect(answer.json.error_msg).toEqual(expect.any(String));
		expect(emu.requests.at(-1)?.errorCode).toBe(code);
		return emu.requests.at(-1)!;
	}

	describe('file source', () => {
		it('requires exactly one of image/url (AIS.0101)', async () => {
			await expectError('general-text', { image: b64(PNG), url: 'https://files.emulator.test/document.png' }, 400, 'AIS.0101');
			await expectError('general-text', { detect_direction: true }, 400, 'AIS.0101');
		});

		it('uses the operation’s own field name: data for four operations, image elsewhere', async () => {
			const wrong = await expectError('smart-document-recognizer', { image: b64(PNG) }, 400, 'AIS.0101');
			expect(wrong.errorDetail).toBe('unknown-field:image');
			await expectError('general-text', { data: b64(PNG) }, 400, 'AIS.0101');
			for (const op of ['smart-document-recognizer', 'seal', 'bank-receipt']) {
				expect((await ocr(emu, op, { data: b64(PNG) })).status).toBe(200);
			}
			expect((await ocr(emu, 'auto-id-doc-classification', { data: b64(PNG) }, 'ap-southeast-2')).status).toBe(200);
		});

		it('rejects a data: URI prefix with AIS.0102', async () => {
			const entry = await expectError('general-text', { image: `data:image/png;base64,${b64(PNG)}` }, 400, 'AIS.0102');
			expect(entry.errorDetail).toBe('data-uri-prefix');
		});

		it.each([
			['not Base64 at all', 'this is not base64!'],
			['unpadded', b64(PNG).replace(/=+$/, '') + 'A'],
			['with line breaks', b64(PNG).replace(/(.{76})/g, '$1\n')],
			['URL-safe alphabet', b64(PNG).replace(/\+/g, '-').replace(/\//g, '_') + '-_'],
		])('rejects invalid Base64 (%s) with AIS.0102', async (_label, image) => {
			const entry = await expectError('general-text', { image }, 400, 'AIS.0102');
			expect(entry.errorDetail).toBe('invalid-base64');
		});

		it('rejects Base64 text over 10,000,000 characters with ModelArts.4104', async () => {
			const image = b64(PNG) + 'A'.repeat(MAX_BASE64_CHARS - b64(PNG).length + 4);
			await expectError('general-text', { image }, 400, 'ModelArts.4104');
		});

		it('checks the signature before the body size: a big body the signature does not cover is an auth failure', async () => {
			const headers = sdkSignedHeaders(emu, { path: ocrPath(emu.account.projectIds['cn-north-4'], 'general-text') });
			const text = '{"image":"' + 'A'.repeat(10.6 * 1024 * 1024) + '"';
			const answer = await send(emu, 'POST', ocrPath(emu.account.projectIds['cn-north-4'], 'general-text'), headers, text);
			expect(answer.json.error_code).toBe('APIG.0301');
		});

		it('rejects a correctly signed body over 10 MiB with ModelArts.4104', async () => {
			const body = { image: b64(PNG), padding: 'x'.repeat(10.6 * 1024 * 1024) };
			await expectError('general-text', body, 400, 'ModelArts.4104');
		});

		it('requires an http(s) url (AIS.0101)', async () => {
			await expectError('general-text', { url: 'ftp://files.emulator.test/document.png' }, 400, 'AIS.0101');
			await expectError('general-text', { url: 'not a url' }, 400, 'AIS.0101');
			await expectError('general-text', { url: 42 }, 400, 'AIS.0101');
		});
	});

	describe('JSON', () => {
		const path = () => ocrPath(emu.account.projectIds['cn-north-4'], 'general-text');
		it('rejects malformed JSON with ModelArts.4105', async () => {
			const text = '{"image": "abc"';
			const headers = sdkSignedHeaders(emu, { path: path(), headers: { 'X-Sdk-Content-Sha256': createHash('sha256').update(text).digest('hex') } });
			const answer = await send(emu, 'POST', path(), headers, text);
			expect([answer.status, answer.json.error_code]).toEqual([400, 'ModelArts.4105']);
		});

		it('rejects a non-JSON content type with ModelArts.4105', async () => {
			const answer = await ocr(emu, 'general-text', { image: b64(PNG) }, 'cn-north-4', { headers: { 'Content-Type': 'text/plain' } });
			expect(answer.json.error_code).toBe('ModelArts.4105');
		});

		it('rejects a JSON array body with ModelArts.4105', async () => {
			const answer = await ocr(emu, 'general-text', [{ image: b64(PNG) }]);
			expect(answer.json.error_code).toBe('ModelArts.4105');
		});
	});

	describe('options', () => {
		it.each([
			['an unknown field', 'general-text', { detect_directions: true }, 'unknown-field:detect_directions'],
			['a "true" string for a boolean', 'general-text', { detect_direction: 'true' }, 'bad-value:detect_direction'],
			['a number for a boolean', 'general-table', { return_excel: 1 }, 'bad-value:return_excel'],
			['a bad language', 'general-text', { language: 'english' }, 'bad-value:language'],
			['page number 0', 'general-text', { pdf_page_number: 0 }, 'bad-value:pdf_page_number'],
			['a fractional page number', 'general-text', { pdf_page_number: 1.5 }, 'bad-value:pdf_page_number'],
			['a bad extract_type item', 'web-image', { extract_type: ['contact_info', 'colour'] }, 'bad-value:extract_type'],
			['extract_type as a string', 'web-image', { extract_type: 'contact_info' }, 'bad-value:extract_type'],
			['kv_map that is not JSON text', 'smart-document-recognizer', { kv_map: '{not json' }, 'bad-value:kv_map'],
			['kv_map as an object', 'smart-document-recognizer', { kv_map: { a: 'b' } }, 'bad-value:kv_map'],
			['a bad id-card side', 'id-card', { side: 'left' }, 'bad-value:side'],
			['a bad passport country code', 'passport', { country_code: 'FRA' }, 'bad-value:country_code'],
		])('rejects %s with AIS.0101', async (_label, op, options, detail) => {
			const region = op === 'passport' ? 'ap-southeast-1' : 'cn-north-4';
			const fileField = ['smart-document-recognizer'].includes(op) ? 'data' : 'image';
			const entry = await expectError(op, { [fileField]: b64(PNG), ...options }, 400, 'AIS.0101', region);
			expect(entry.errorDetail).toBe(detail);
		});

		it('accepts well-typed options', async () => {
			const answer = await ocr(emu, 'general-text', { image: b64(PNG), detect_direction: true, language: 'auto', pdf_page_number: 2, quick_mode: false });
			expect(answer.status).toBe(200);
			const smart = await ocr(emu, 'smart-document-recognizer', { data: b64(PNG), kv_map: '{"Name":"FullName"}', kv: true });
			expect(smart.status).toBe(200);
		});

		it('checks invoice verification fields', async () => {
			const valid = { code: '', number: '12345678', issue_date: '2024-03-15', check_code: '123456' };
			expect((await ocr(emu, 'invoice-verification', valid)).status).toBe(200);
			await expectError('invoice-verification', { code: '', issue_date: '2024-03-15' }, 400, 'AIS.0101');
			await expectError('invoice-verification', { ...valid, issue_date: '15/03/2024' }, 400, 'AIS.0101');
			await expectError('invoice-verification', { ...valid, image: b64(PNG) }, 400, 'AIS.0101');
		});
	});

	describe('format and pixel size', () => {
		it('rejects bytes that are not an image with AIS.0102', async () => {
			const entry = await expectError('general-text', { image: b64(Buffer.from('plain text, not an image')) }, 400, 'AIS.0102');
			expect(entry.errorDetail).toBe('unknown-format');
		});

		it('rejects formats the operation does not take (AIS.0102)', async () => {
			await expectError('general-table', { image: b64(PDF) }, 400, 'AIS.0102');
			await expectError('general-table', { image: b64(gifHeader(400, 200)) }, 400, 'AIS.0102');
			expect((await ocr(emu, 'general-text', { image: b64(gifHeader(400, 200)) })).status).toBe(200);
			expect((await ocr(emu, 'general-text', { image: b64(PDF) })).status).toBe(200);
		});

		it('applies the stricter international General Text limits outside the mainland', async () => {
			await expectError('general-text', { image: b64(PDF) }, 400, 'AIS.0102', 'ap-southeast-1');
			await expectError('general-text', { image: b64(pngHeader(9000, 100)) }, 400, 'AIS.0103', 'ap-southeast-1');
			expect((await ocr(emu, 'general-text', { image: b64(pngHeader(9000, 100)) }, 'cn-north-4')).status).toBe(200);
		});

		it.each([
			['general-text', 14, 400, 'side-below-15'],
			['general-table', 8193, 400, 'side-above-8192'],
			['license-plate', 4097, 100, 'side-above-4096'],
			['driver-license', 99, 400, 'side-below-100'],
			['handwriting', 7, 100, 'side-below-8'],
		])('rejects %s at %i × %i px with AIS.0103', async (op, width, height, detail) => {
			const entry = await expectError(op, { image: b64(pngHeader(width, height)) }, 400, 'AIS.0103');
			expect(entry.errorDetail).toBe(detail);
		});

		it('accepts the limits themselves', async () => {
			expect((await ocr(emu, 'handwriting', { image: b64(pngHeader(8, 100)) })).status).toBe(200);
			expect((await ocr(emu, 'general-table', { image: b64(pngHeader(8192, 15)) })).status).toBe(200);
		});

		it('rejects more than 160 million pixels for the 30000 px operations', async () => {
			const entry = await expectError('web-image', { image: b64(pngHeader(13000, 13000)) }, 400, 'AIS.0103');
			expect(entry.errorDetail).toBe('pixels-above-160000000');
		});

		it('rejects a truncated image whose size cannot be read (AIS.0102)', async () => {
			await expectError('general-text', { image: b64(PNG.subarray(0, 12)) }, 400, 'AIS.0102');
		});
	});
});
