/** A test chooses the emulator's answer per request, so one run can mix a good and a bad document of the same kind. */
import { startEmulator, UnshapedAnswerError, type AnswerRequest, type Emulator } from '../../emulator';
import { VIN } from '../../emulator/documents';
import { b64, PNG } from './files';
import { ocr } from './helpers';

describe('per-request answers', () => {
	let emu: Emulator;
	beforeAll(async () => {
		emu = await startEmulator();
	});
	afterAll(() => emu.stop());
	afterEach(() => emu.clearAnswers());

	const good = Buffer.concat([PNG, Buffer.from('good scan')]);
	const bad = Buffer.concat([PNG, Buffer.from('bad scan')]);

	it('a function sees each request’s file and answers for it; undefined leaves that request to the emulator', async () => {
		const seen: AnswerRequest[] = [];
		emu.answerWith('vin', (_options: Record<string, unknown>, request: AnswerRequest) => {
			seen.push(request);
			if (request.file?.equals(good)) return VIN.good;
			if (request.file?.equals(bad)) return VIN.wrongCheckDigit;
			return undefined;
		});
		const answers = await Promise.all([good, bad, PNG].map((file) => ocr(emu, 'vin', { image: b64(file) })));
		expect(answers.map((answer) => answer.json.result.vin)).toEqual([VIN.good.vin, VIN.wrongCheckDigit.vin, expect.any(String)]);
		expect(answers[2].json.result.vin).not.toBe(VIN.good.vin);
		expect(seen.map((request) => request.file?.length)).toEqual(expect.arrayContaining([good.length, bad.length, PNG.length]));
	});

	it('answerNext answers the next requests one each, then the operation’s usual answer is back', async () => {
		emu.answerNext('vin', VIN.wrongCheckDigit, VIN.good);
		const vins: string[] = [];
		for (let call = 0; call < 3; call++) vins.push((await ocr(emu, 'vin', { image: b64(PNG) })).json.result.vin);
		expect(vins.slice(0, 2)).toEqual([VIN.wrongCheckDigit.vin, VIN.good.vin]);
		expect(vins[2]).not.toBe(VIN.good.vin);
	});

	it('a function’s PDF requests carry the page they read', async () => {
		const pages: Array<number | undefined> = [];
		emu.answerWith('general-text', (_options: Record<string, unknown>, request: AnswerRequest) => {
			pages.push(request.pageNumber);
			return undefined;
		});
		const { scannedPdf } = await import('../../fixtures/pdfDocuments');
		const pdf = b64(await scannedPdf(2));
		await ocr(emu, 'general-text', { image: pdf, pdf_page_number: 2 });
		await ocr(emu, 'general-text', { image: b64(PNG) });
		expect(pages).toEqual([2, undefined]);
	});

	it('answers that are no shape Huawei’s SDK allows are refused, queued or built per request', async () => {
		expect(() => emu.answerNext('vin', { vin: 42 })).toThrow(UnshapedAnswerError);
		emu.answerWith('vin', () => ({ vin: 42 }));
		const answer = await ocr(emu, 'vin', { image: b64(PNG) });
		expect(answer.status).toBe(500);
	});
});
