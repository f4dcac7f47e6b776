/** Small generated files: the built-in fake https URLs, and a PNG maker tests can use. */
import { deflateSync } from '../nodejs/zlib.cjs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(data: Buffer): number {
	let crc = 0xffffffff;
	for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typed));
	return Buffer.concat([length, typed, crc]);
}

/** A valid 8-bit greyscale PNG; `shade(x, y)` gives 0 (black) … 255 (white), default white with dark bars. */
export function makePng(width: number, height: number, shade?: (x: number, y: number) => number): Buffer {
	const paint = shade ?? ((x: number, y: number) => (y % 20 < 8 && x % 60 < 48 && x > 6 && y > 6 ? 0 : 255));
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 0, 0, 0, 0], 8);
	const raw = Buffer.alloc((width + 1) * height);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = paint(x, y);
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

/** Base of the built-in fake https files (no network is involved). */
export const FIXTURE_BASE_URL = 'https://files.emulator.test';

export function builtInFixtures(): Array<[string, Buffer]> {
	return [
		[`${FIXTURE_BASE_URL}/document.png`, makePng(400, 200)],
		[`${FIXTURE_BASE_URL}/too-small.png`, makePng(10, 10)],
		[`${FIXTURE_BASE_URL}/not-an-image.txt`, Buffer.from('This is plain text, not an image.\n', 'utf8')],
	];
}
