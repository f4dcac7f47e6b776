/** Tiny files for the emulator tests: headers are all the emulator reads for format and size. */
import { makePng } from '../../emulator';

/** A PNG signature + IHDR declaring any size (no pixel data needed to test size limits). */
export function pngHeader(width: number, height: number): Buffer {
	const ihdr = Buffer.alloc(25);
	ihdr.writeUInt32BE(13, 0);
	ihdr.write('IHDR', 4, 'ascii');
	ihdr.writeUInt32BE(width, 8);
	ihdr.writeUInt32BE(height, 12);
	ihdr.set([8, 0, 0, 0, 0], 16);
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]);
}

export function gifHeader(width: number, height: number): Buffer {
	const gif = Buffer.alloc(13);
	gif.write('GIF89a', 0, 'ascii');
	gif.writeUInt16LE(width, 6);
	gif.writeUInt16LE(height, 8);
	return gif;
}

/** A one-page PDF (the emulator opens PDFs to find the requested page). */
export const PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
		'3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
	'latin1',
);

export const b64 = (bytes: Buffer) => bytes.toString('base64');

export const PNG = makePng(400, 200);
