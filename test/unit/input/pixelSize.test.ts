import type { FileFormat } from '../../../nodes/HuaweiCloudOcr/catalog/types';
import { detectFormat } from '../../../nodes/HuaweiCloudOcr/input/fileFormat';
import { readPixelSize } from '../../../nodes/HuaweiCloudOcr/input/pixelSize';
import * as make from '../../fixtures/syntheticFiles';

function sizeOf(bytes: Buffer): { width: number; height: number } | undefined {
	const format = detectFormat(bytes) as FileFormat;
	return readPixelSize(bytes, format);
}

describe('readPixelSize', () => {
	it.each([
		['SOF0 baseline', { sof: 0xc0 }],
		['SOF1 extended', { sof: 0xc1 }],
		['SOF2 progressive', { sof: 0xc2 }],
		['SOF3 lossless', { sof: 0xc3 }],
		['SOF9 arithmetic', { sof: 0xc9 }],
		['SOF15', { sof: 0xcf }],
		['APP0, APP1, APP2 segments before the frame (APP1 holds bytes that look like SOF)', { appSegments: 3 }],
		['fill bytes before every marker', { fillBytes: 3, appSegments: 2 }],
		['a DHT segment before the frame', { dhtBeforeFrame: true, sof: 0xc2 }],
	])('reads JPEG with %s', (_name, opts) => {
		expect(sizeOf(make.jpeg(1234, 567, opts))).toEqual({ width: 1234, height: 567 });
	});

	it('finds no JPEG size when the scan starts before any frame', () => {
		const noFrame = Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 0x3f, 0, 0xff, 0xd9]);
		expect(readPixelSize(noFrame, 'jpeg')).toBeUndefined();
	});

	it('skips standalone markers (RST, TEM) between segments', () => {
		const withRst = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xd0, 0xff, 0x01]), make.jpeg(64, 48).subarray(2)]);
		expect(readPixelSize(withRst, 'jpeg')).toEqual({ width: 64, height: 48 });
	});

	it('returns undefined for a truncated JPEG instead of reading past the end', () => {
		const full = make.jpeg(300, 200);
		expect(readPixelSize(full.subarray(0, 30), 'jpeg')).toBeUndefined();
	});

	it('reads PNG IHDR', () => {
		expect(sizeOf(make.png(321, 123))).toEqual({ width: 321, height: 123 });
	});

	it.each([
		['BITMAPINFOHEADER', {}],
		['BITMAPCOREHEADER', { core: true }],
		['a negative (top-down) height', { topDown: true }],
	])('reads BMP with %s', (_name, opts) => {
		expect(sizeOf(make.bmp(33, 21, opts))).toEqual({ width: 33, height: 21 });
	});

	it('reads the GIF logical screen', () => {
		expect(sizeOf(make.gif(640, 480))).toEqual({ width: 640, height: 480 });
	});

	it.each([
		['VP8 (scale bits masked off)', make.webpVp8(1000, 700)],
		['VP8L', make.webpVp8l(1000, 700)],
		['VP8X', make.webpVp8x(1000, 700)],
	])('reads WEBP %s', (_name, bytes) => {
		expect(sizeOf(bytes)).toEqual({ width: 1000, height: 700 });
	});

	it.each([
		['II', 'short'],
		['II', 'long'],
		['MM', 'short'],
		['MM', 'long'],
	] as const)('reads TIFF %s with %s dimensions', (order, type) => {
		expect(sizeOf(make.tiff(2480, 3508, order, type))).toEqual({ width: 2480, height: 3508 });
	});

	it('reads PCX from its window, PSD from its header and the largest ICO image', () => {
		expect(sizeOf(make.pcx(50, 40, { x: 10, y: 5 }))).toEqual({ width: 50, height: 40 });
		expect(sizeOf(make.psd(800, 600))).toEqual({ width: 800, height: 600 });
		expect(sizeOf(make.ico([{ width: 16, height: 16 }, { width: 256, height: 256 }, { width: 32, height: 32 }]))).toEqual({
			width: 256,
			height: 256,
		});
	});

	it('has no pixel size for PDF and OFD', () => {
		expect(readPixelSize(make.pdf(), 'pdf')).toBeUndefined();
		expect(readPixelSize(make.ofd(), 'ofd')).toBeUndefined();
	});
});
