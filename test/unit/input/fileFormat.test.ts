import { describeBytes, detectFormat } from '../../../nodes/HuaweiCloudOcr/input/fileFormat';
import * as make from '../../fixtures/syntheticFiles';

describe('detectFormat', () => {
	const cases: Array<[string, Buffer, string]> = [
		['JPEG', make.jpeg(10, 10), 'jpeg'],
		['PNG', make.png(3, 2), 'png'],
		['BMP (info header)', make.bmp(4, 3), 'bmp'],
		['BMP (core header)', make.bmp(4, 3, { core: true }), 'bmp'],
		['TIFF little-endian', make.tiff(5, 6, 'II', 'short'), 'tiff'],
		['TIFF big-endian', make.tiff(5, 6, 'MM', 'long'), 'tiff'],
		['GIF', make.gif(7, 8), 'gif'],
		['WEBP VP8', make.webpVp8(9, 10), 'webp'],
		['WEBP VP8L', make.webpVp8l(9, 10), 'webp'],
		['WEBP VP8X', make.webpVp8x(9, 10), 'webp'],
		['PDF', make.pdf(), 'pdf'],
		['OFD', make.ofd(), 'ofd'],
		['OFD with a data-descriptor entry first', make.ofd({ dataDescriptor: true }), 'ofd'],
		['PCX', make.pcx(20, 10), 'pcx'],
		['ICO', make.ico([{ width: 16, height: 16 }]), 'ico'],
		['PSD', make.psd(30, 40), 'psd'],
	];
	it.each(cases)('recognises %s', (_name, bytes, format) => {
		expect(detectFormat(bytes)).toBe(format);
	});

	it('accepts a PDF header after leading junk within the first 1024 bytes', () => {
		expect(detectFormat(Buffer.concat([Buffer.from('\r\n  '), make.pdf()]))).toBe('pdf');
	});

	it('does not take a plain ZIP (e.g. DOCX) for OFD', () => {
		const docx = make.zip([
			{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
			{ name: 'word/document.xml', data: Buffer.from('<w:document/>') },
		]);
		expect(detectFormat(docx)).toBeUndefined();
	});

	it('does not take a ZIP with OFD.xml in a sub-folder for OFD', () => {
		expect(detectFormat(make.zip([{ name: 'x/OFD.xml', data: Buffer.from('<a/>') }]))).toBeUndefined();
	});

	it.each([
		['empty', Buffer.alloc(0)],
		['HTML', Buffer.from('<html><body>Not found</body></html>')],
		['a truncated PNG signature', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
		['"BM" text', Buffer.from('BMW is a car brand, not a bitmap')],
		['a CUR cursor', Buffer.concat([Buffer.from([0, 0, 2, 0, 1, 0]), Buffer.alloc(16)])],
		['a RIFF WAVE file', Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')],
	])('returns undefined for %s', (_name, bytes) => {
		expect(detectFormat(bytes)).toBeUndefined();
	});
});

describe('describeBytes', () => {
	it('shows the first bytes as hex and ASCII and recognises an HTML page', () => {
		expect(describeBytes(Buffer.from('<html lang="en">'))).toBe(
			"starts with 3C 68 74 6D 6C 20 6C 61 ('<html la') — this looks like an HTML page, not an image",
		);
	});

	it('replaces unprintable bytes with dots', () => {
		expect(describeBytes(Buffer.from([0x00, 0x01, 0x41, 0xfe]))).toBe("starts with 00 01 41 FE ('..A.')");
	});

	it.each([
		['<!DOCTYPE html><html>', 'this looks like an HTML page, not an image'],
		['{"error":"forbidden"}', 'this looks like JSON text, not an image'],
		['data:image/png;base64,iVBORw0KGgo=', 'this looks like a data URL (Base64 text), not the file itself'],
		['/9j/4AAQSkZJRgABAQAAAQABAAD', 'this looks like Base64 text of a file rather than the file itself'],
		['<svg xmlns="http://www.w3.org/2000/svg"/>', 'this looks like an SVG drawing, which the service does not read; convert it to PNG'],
		['Hello, this is a text file.', 'this looks like plain text, not an image'],
	])('recognises %s', (text, guess) => {
		expect(describeBytes(Buffer.from(text))).toContain(`— ${guess}`);
	});

	it('recognises a HEIC photo and a plain ZIP', () => {
		const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(8)]);
		expect(describeBytes(heic)).toContain('HEIC/HEIF photo');
		expect(describeBytes(make.zip([{ name: 'a.txt', data: Buffer.from('a') }]))).toContain('ZIP archive');
	});

	it('says an empty file is empty', () => {
		expect(describeBytes(Buffer.alloc(0))).toBe('is empty (0 bytes)');
	});
});
