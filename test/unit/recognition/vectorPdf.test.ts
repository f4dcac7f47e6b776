/**
 * A PDF of vector text (no scan) is read page by page as the service reads it: the emulator renders
 * the requested page and recognition reads that page's own text. The example workflow's 3-page
 * contract is the document.
 */
import { startEmulator, type Emulator } from '../../emulator';
import { createTesseractRecognizer } from '../../emulator/recognition';
import { CONTRACT_PAGES, CONTRACT_PDF } from '../../fixtures/contractPdf';
import { b64 } from '../emulator/files';
import { ocr } from '../emulator/helpers';

describe('a PDF of vector text', () => {
	const reader = createTesseractRecognizer();
	let emu: Emulator;
	beforeAll(async () => {
		emu = await startEmulator({ recognizer: reader.recognize });
	});
	afterAll(async () => {
		await emu.stop();
		await reader.terminate();
	});

	it.each([1, 2, 3])('page %i: Smart Document Recognizer answers that page’s own text', async (page) => {
		const answer = await ocr(emu, 'smart-document-recognizer', { data: b64(CONTRACT_PDF), pdf_page_number: page });
		expect(answer.status).toBe(200);
		const [{ ocr_result: result }] = answer.json.result as Array<{ ocr_result: { words_block_list: Array<{ words: string }> } }>;
		const text = result.words_block_list.map((block) => block.words).join('\n');
		for (const line of CONTRACT_PAGES[page - 1]) expect({ page, text }).toEqual({ page, text: expect.stringContaining(line) });
		const otherPages = CONTRACT_PAGES.filter((_, index) => index !== page - 1).map((lines) => lines[lines.length - 1]);
		for (const other of otherPages) expect(text).not.toContain(other);
	}, 60_000);
});
