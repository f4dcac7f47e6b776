/** The emulator reads a PDF one page per call, like the service: the page must exist, and recognition reads that page's scan. */
import { startEmulator, type Emulator } from '../../emulator';
import { scannedPdf } from '../../fixtures/pdfDocuments';
import { b64 } from './files';
import { ocr } from './helpers';

describe('emulator multi-page PDFs', () => {
	let emu: Emulator;
	const seen: Array<{ operation: string; format: string; width: number }> = [];
	beforeAll(async () => {
		emu = await startEmulator({
			recognizer: async ({ operation, image, format }) => {
				seen.push({ operation, format, width: image.readUInt32BE(16) });
				return undefined;
			},
		});
	});
	afterAll(() => emu.stop());
	beforeEach(() => {
		emu.clearLog();
		seen.length = 0;
	});

	it('answers AIS.0101 for a page beyond the last one, for both page parameters', async () => {
		const pdf = b64(await scannedPdf(3));
		const beyond = await ocr(emu, 'general-text', { image: pdf, pdf_page_number: 4 });
		expect({ status: beyond.status, code: beyond.json.error_code }).toEqual({ status: 400, code: 'AIS.0101' });
		expect(emu.requests.at(-1)?.errorDetail).toBe('pdf-page-4-beyond-3');
		const receipt = await ocr(emu, 'bank-receipt', { data: pdf, page_num: 9 });
		expect(receipt.json.error_code).toBe('AIS.0101');
		expect((await ocr(emu, 'general-text', { image: pdf, pdf_page_number: 3 })).status).toBe(200);
	});

	it('hands the requested page’s embedded scan to the recognizer (page 1 without a page parameter)', async () => {
		const pdf = b64(await scannedPdf(3));
		await ocr(emu, 'general-text', { image: pdf, pdf_page_number: 2 });
		await ocr(emu, 'business-license', { image: pdf });
		expect(seen).toEqual([
			{ operation: 'general-text', format: 'png', width: 302 },
			{ operation: 'business-license', format: 'png', width: 301 },
		]);
	});

	it('answers AIS.0102 for a file that starts like a PDF but cannot be read', async () => {
		const broken = await ocr(emu, 'general-text', { image: b64(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n', 'latin1')) });
		expect(broken.json.error_code).toBe('AIS.0102');
		expect(emu.requests.at(-1)?.errorDetail).toBe('unreadable-pdf');
	});
});
