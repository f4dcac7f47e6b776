/**
 * The emulator reads what Huawei reads: a PDF page's scan however its producer stored it (filters,
 * predictors, bit depths, palettes), a page of vector text as rendered, and every image format the
 * service accepts (GIF, TIFF and WebP decoded for real, not a fixed sample answer).
 */
import { inflateSync } from '../../nodejs/zlib.cjs';

import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';

import { startEmulator, type Emulator, type RecognizerInput } from '../../emulator';
const VECTOR_PAGE_DPI = 150; // import { VECTOR_PAGE_DPI } from '../../emulator/ocr/pdfPages';
import { asciiHex, imagePdf, storedBlackAndWhiteScans, storedScans, testPicture, type RgbImage } from '../../fixtures/pdfImageStreams';
import { b64, gifHeader } from './files';
import { ocr } from './helpers';

/** The RGB pixels of the image the recognizer was handed. */
async function rgbOf(image: Buffer): Promise<{ width: number; height: number; rgb: Buffer }> {
	const bitmap = await loadImage(image);
	const canvas = createCanvas(bitmap.width, bitmap.height);
	const ctx = canvas.getContext('2d');
	ctx.drawImage(bitmap, 0, 0);
	const rgba = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
	const rgb = Buffer.alloc(bitmap.width * bitmap.height * 3);
	for (let i = 0; i < bitmap.width * bitmap.height; i++) rgb.set(rgba.subarray(i * 4, i * 4 + 3), i * 3);
	return { width: bitmap.width, height: bitmap.height, rgb };
}

/** The picture drawn on a canvas, encoded by Skia in `mime`. */
function encoded(picture: RgbImage, mime: 'image/gif' | 'image/webp' | 'image/jpeg'): Buffer {
	const canvas = createCanvas(picture.width, picture.height);
	const ctx = canvas.getContext('2d');
	const data = ctx.createImageData(picture.width, picture.height);
	for (let i = 0; i < picture.width * picture.height; i++) {
		data.data.set(picture.rgb.subarray(i * 3, i * 3 + 3), i * 4);
		data.data[i * 4 + 3] = 255;
	}
	ctx.putImageData(data, 0, 0);
	if (mime === 'image/gif') return canvas.toBuffer(mime);
	return canvas.toBuffer(mime, mime === 'image/webp' ? 100 : 95);
}

function meanDifference(a: Buffer, b: Buffer): number {
	expect(a.length).toBe(b.length);
	let total = 0;
	for (let i = 0; i < a.length; i++) total += Math.abs(a[i] - b[i]);
	return total / a.length;
}

function worstDifference(a: Buffer, b: Buffer): number {
	expect(a.length).toBe(b.length);
	let worst = 0;
	for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
	return worst;
}

/** A baseline TIFF (uncompressed RGB strips, Intel byte order), as scanners write by default. */
function tiff(picture: RgbImage): Buffer {
	const pixelsAt = 8;
	const ifdAt = pixelsAt + picture.rgb.length;
	const bitsAt = ifdAt + 2 + 10 * 12 + 4;
	const entries: Array<[number, number, number, number]> = [
		[256, 3, 1, picture.width],
		[257, 3, 1, picture.height],
		[258, 3, 3, bitsAt],
		[259, 3, 1, 1],
		[262, 3, 1, 2],
		[273, 4, 1, pixelsAt],
		[277, 3, 1, 3],
		[278, 3, 1, picture.height],
		[279, 4, 1, picture.rgb.length],
		[284, 3, 1, 1],
	];
	const file = Buffer.alloc(bitsAt + 6);
	file.write('II', 0, 'latin1');
	file.writeUInt16LE(42, 2);
	file.writeUInt32LE(ifdAt, 4);
	picture.rgb.copy(file, pixelsAt);
	file.writeUInt16LE(entries.length, ifdAt);
	entries.forEach(([tag, type, count, value], index) => {
		const at = ifdAt + 2 + index * 12;
		file.writeUInt16LE(tag, at);
		file.writeUInt16LE(type, at + 2);
		file.writeUInt32LE(count, at + 4);
		if (type === 3 && count === 1) file.writeUInt16LE(value, at + 8);
		else file.writeUInt32LE(value, at + 8);
	});
	for (let i = 0; i < 3; i++) file.writeUInt16LE(8, bitsAt + i * 2);
	return file;
}

describe('the emulator reads what Huawei reads', () => {
	let emu: Emulator;
	const handed: RecognizerInput[] = [];
	const picture = testPicture(64, 32);
	const blackAndWhite = testPicture(64, 32, true);

	beforeAll(async () => {
		emu = await startEmulator({
			recognizer: async (input) => {
				handed.push(input);
				return undefined;
			},
		});
	});
	afterAll(() => emu.stop());
	beforeEach(() => {
		handed.length = 0;
	});

	async function pixelsHanded(file: Buffer): Promise<{ width: number; height: number; rgb: Buffer }> {
		const answer = await ocr(emu, 'general-text', { image: b64(file) });
		expect({ status: answer.status, error: answer.json.error_code }).toEqual({ status: 200, error: undefined });
		expect(handed).toHaveLength(1);
		const input = handed.pop()!;
		return rgbOf(input.image);
	}

	it.each([...storedScans(picture), ...storedBlackAndWhiteScans(blackAndWhite)].map((scan) => [scan.name, scan] as const))(
		'a PDF scan stored with %s reaches recognition with the exact pixels its producer wrote',
		async (_name, scan) => {
			const read = await pixelsHanded(scan.pdf);
			expect({ width: read.width, height: read.height }).toEqual({ width: 64, height: 32 });
			expect(read.rgb.equals(scan.expected)).toBe(true);
		},
	);

	it('the predictor cases would be caught: read without its predictor, the inflated data is not the picture', () => {
		const [, predicted] = storedScans(picture);
		const stream = /\/Subtype \/Image[^]*?stream\n([^]*?)\nendstream/.exec(predicted.pdf.toString('latin1'))![1];
		const raw = inflateSync(Buffer.from(stream, 'latin1'));
		expect(raw.length).toBe(picture.rgb.length + picture.height);
		expect(raw.subarray(0, picture.rgb.length).equals(picture.rgb)).toBe(false);
	});

	it('a JPEG scan (DCTDecode) behind an ASCIIHex filter reaches recognition decoded', async () => {
		const jpeg = encoded(picture, 'image/jpeg');
		const read = await pixelsHanded(imagePdf(picture, '/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter [/ASCIIHexDecode /DCTDecode]', asciiHex(jpeg)));
		const reference = await rgbOf(jpeg);
		expect({ width: read.width, height: read.height }).toEqual({ width: 64, height: 32 });
		// JPEG is lossy at this picture's sharp colour edges, and decoders upsample colour differently:
		// what recognition gets is as close to the picture as Skia's own decoding of the file is.
		expect(meanDifference(read.rgb, picture.rgb)).toBeLessThanOrEqual(meanDifference(reference.rgb, picture.rgb) + 2);
		expect(meanDifference(read.rgb, reference.rgb)).toBeLessThan(12);
	});

	it('a page of vector text (no scan) is rendered, as the service reads it', async () => {
		const document = await PDFDocument.create();
		const font = await document.embedFont(StandardFonts.Helvetica);
		document.addPage([144, 72]).drawText('Hello', { x: 10, y: 30, size: 24, font });
		const read = await pixelsHanded(Buffer.from(await document.save()));
		expect({ width: read.width, height: read.height }).toEqual({ width: (144 * VECTOR_PAGE_DPI) / 72, height: (72 * VECTOR_PAGE_DPI) / 72 });
		expect(read.rgb.some((value) => value < 100)).toBe(true);
	});

	it.each([
		['TIFF (baseline, uncompressed)', () => tiff(picture), picture, 0],
		['GIF (a two-colour picture: GIF has a palette)', () => encoded(blackAndWhite, 'image/gif'), blackAndWhite, 0],
		['WebP (quality 100)', () => encoded(picture, 'image/webp'), picture, 12],
	] as const)('%s is decoded and handed to recognition as PNG with its pixels', async (_name, file, source, tolerance) => {
		const read = await pixelsHanded(file());
		expect({ width: read.width, height: read.height }).toEqual({ width: 64, height: 32 });
		expect(worstDifference(read.rgb, source.rgb)).toBeLessThanOrEqual(tolerance);
	});

	it('the recognizer gets PNG for them, with the operation and options', async () => {
		await ocr(emu, 'general-text', { image: b64(tiff(picture)), detect_direction: true });
		expect(handed.map(({ operation, format, options }) => ({ operation, format, direction: options?.detect_direction }))).toEqual([
			{ operation: 'general-text', format: 'png', direction: true },
		]);
	});

	it('a GIF whose header is fine but whose pixels cannot be decoded is AIS.0102, as the service answers a broken file', async () => {
		const answer = await ocr(emu, 'general-text', { image: b64(gifHeader(64, 32)) });
		expect({ status: answer.status, code: answer.json.error_code }).toEqual({ status: 400, code: 'AIS.0102' });
		expect(emu.requests.at(-1)?.errorDetail).toBe('unreadable-image');
	});
});
