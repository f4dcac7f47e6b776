/**
 * Tiny encoders that build real (minimal) files of every format the node sniffs, so format and
 * pixel-size detection are tested against bytes laid out as the specifications say.
 */
import { deflateSync } from 'zlib';

function u16le(value: number): Buffer {
	const b = Buffer.alloc(2);
	b.writeUInt16LE(value);
	return b;
}
function u16be(value: number): Buffer {
	const b = Buffer.alloc(2);
	b.writeUInt16BE(value);
	return b;
}
function u32le(value: number): Buffer {
	const b = Buffer.alloc(4);
	b.writeUInt32LE(value >>> 0);
	return b;
}
function u32be(value: number): Buffer {
	const b = Buffer.alloc(4);
	b.writeUInt32BE(value >>> 0);
	return b;
}
function i32le(value: number): Buffer {
	const b = Buffer.alloc(4);
	b.writeInt32LE(value);
	return b;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
export function crc32(data: Buffer): number {
	let crc = 0xffffffff;
	for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
	const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	return Buffer.concat([u32be(data.length), typeAndData, u32be(crc32(typeAndData))]);
}

/**
 * A complete, decodable RGB PNG (white pixels). `headerOnly` leaves out the pixel data, for sizes
 * too large to encode quickly (the header is all that format and size detection read).
 */
export function png(width: number, height: number, opts: { headerOnly?: boolean } = {}): Buffer {
	const ihdr = Buffer.concat([u32be(width), u32be(height), Buffer.from([8, 2, 0, 0, 0])]);
	const chunks = [pngChunk('IHDR', ihdr)];
	if (!opts.headerOnly) {
		const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0xff)]);
		chunks.push(pngChunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))));
	}
	chunks.push(pngChunk('IEND', Buffer.alloc(0)));
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
}

/** A 24-bit BMP; `core` writes the old 12-byte BITMAPCOREHEADER, `topDown` a negative height. */
export function bmp(width: number, height: number, opts: { core?: boolean; topDown?: boolean } = {}): Buffer {
	const rowSize = Math.ceil((width * 3) / 4) * 4;
	const pixels = Buffer.alloc(rowSize * height, 0xff);
	const info = opts.core
		? Buffer.concat([u32le(12), u16le(width), u16le(height), u16le(1), u16le(24)])
		: Buffer.concat([
				u32le(40),
				i32le(width),
				i32le(opts.topDown ? -height : height),
				u16le(1),
				u16le(24),
				u32le(0),
				u32le(pixels.length),
				u32le(2835),
				u32le(2835),
				u32le(0),
				u32le(0),
			]);
	const offset = 14 + info.length;
	const fileHeader = Buffer.concat([Buffer.from('BM'), u32le(offset + pixels.length), u32le(0), u32le(offset)]);
	return Buffer.concat([fileHeader, info, pixels]);
}

/** A GIF89a with a 2-colour global palette and one 1×1 image block. */
export function gif(width: number, height: number): Buffer {
	return Buffer.concat([
		Buffer.from('GIF89a'),
		u16le(width),
		u16le(height),
		Buffer.from([0x80, 0, 0]),
		Buffer.from([0, 0, 0, 0xff, 0xff, 0xff]),
		Buffer.from([0x2c]),
		u16le(0),
		u16le(0),
		u16le(1),
		u16le(1),
		Buffer.from([0, 2, 2, 0x4c, 0x01, 0, 0x3b]),
	]);
}

function riffWebp(chunkType: string, payload: Buffer): Buffer {
	const padded = payload.length % 2 ? Buffer.concat([payload, Buffer.from([0])]) : payload;
	const chunk = Buffer.concat([Buffer.from(chunkType, 'ascii'), u32le(payload.length), padded]);
	return Buffer.concat([Buffer.from('RIFF'), u32le(4 + chunk.length), Buffer.from('WEBP'), chunk]);
}

/** Lossy WEBP: VP8 key-frame header with 14-bit width/height (upper 2 bits = scale). */
export function webpVp8(width: number, height: number): Buffer {
	const frameTag = Buffer.from([0x10, 0x02, 0x00]); // key frame, version 0, show frame
	const payload = Buffer.concat([
		frameTag,
		Buffer.from([0x9d, 0x01, 0x2a]),
		u16le(width | (1 << 14)), // horizontal scale bits must be masked off
		u16le(height),
		Buffer.alloc(10),
	]);
	return riffWebp('VP8 ', payload);
}

/** Lossless WEBP: signature 0x2F then 14-bit (width-1), 14-bit (height-1). */
export function webpVp8l(width: number, height: number): Buffer {
	const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14) | (1 << 28);
	return riffWebp('VP8L', Buffer.concat([Buffer.from([0x2f]), u32le(bits), Buffer.alloc(6)]));
}

/** Extended WEBP: VP8X with 24-bit (canvas width-1) and (canvas height-1). */
export function webpVp8x(width: number, height: number): Buffer {
	const u24 = (value: number) => Buffer.from([value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff]);
	const payload = Buffer.concat([Buffer.from([0x10, 0, 0, 0]), u24(width - 1), u24(height - 1)]);
	return riffWebp('VP8X', payload);
}

/** A TIFF with IFD0 holding ImageWidth/ImageLength as SHORT (3) or LONG (4), in either byte order. */
export function tiff(width: number, height: number, order: 'II' | 'MM', type: 'short' | 'long'): Buffer {
	const le = order === 'II';
	const w16 = le ? u16le : u16be;
	const w32 = le ? u32le : u32be;
	const value = (v: number) => (type === 'short' ? Buffer.concat([w16(v), Buffer.alloc(2)]) : w32(v));
	const typeCode = type === 'short' ? 3 : 4;
	const entry = (tag: number, t: number, v: Buffer) => Buffer.concat([w16(tag), w16(t), w32(1), v]);
	const entries = [
		entry(254, 4, w32(0)), // NewSubfileType first, so the reader must skip entries
		entry(256, typeCode, value(width)),
		entry(257, typeCode, value(height)),
		entry(258, 3, Buffer.concat([w16(8), Buffer.alloc(2)])),
	];
	const header = Buffer.concat([Buffer.from(order), w16(42), w32(8)]);
	return Buffer.concat([header, w16(entries.length), ...entries, w32(0)]);
}

export interface JpegOptions {
	/** SOF marker: 0xC0 baseline, 0xC1 extended, 0xC2 progressive, … */
	sof?: number;
	/** Number of APPn segments before the frame (APP0 JFIF, APP1 Exif, then APP2…). */
	appSegments?: number;
	/** Extra 0xFF fill bytes before each marker. */
	fillBytes?: number;
	/** Add a DHT segment (0xC4, inside the SOF range but not a frame) before the frame. */
	dhtBeforeFrame?: boolean;
}

/** Bytes that look like an SOF0 marker for a 1 × 1 image, hidden inside an APP1 payload. */
const FAKE_SOF = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x01, 0x00, 0x01, 0x03]);

/** A JPEG header: SOI, APPn…, DQT, optional DHT, SOFn, SOS, EOI (no real entropy data). */
export function jpeg(width: number, height: number, opts: JpegOptions = {}): Buffer {
	const fill = Buffer.alloc(opts.fillBytes ?? 0, 0xff);
	const segment = (marker: number, payload: Buffer) =>
		Buffer.concat([fill, Buffer.from([0xff, marker]), u16be(payload.length + 2), payload]);
	const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
	for (let index = 0; index < (opts.appSegments ?? 1); index++) {
		const payload =
			index === 0
				? Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')
				: Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), FAKE_SOF, FAKE_SOF]); // a naive byte scan would read 1 × 1
		parts.push(segment(0xe0 + Math.min(index, 15), payload));
	}
	parts.push(segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])));
	// Laid out like a frame for 7 × 5, so reading DHT as a frame would give the wrong size.
	if (opts.dhtBeforeFrame) parts.push(segment(0xc4, Buffer.concat([Buffer.from([8, 0, 5, 0, 7]), Buffer.alloc(12, 0)])));
	parts.push(segment(opts.sof ?? 0xc0, Buffer.concat([Buffer.from([8]), u16be(height), u16be(width), Buffer.from([1, 1, 0x11, 0])])));
	parts.push(segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])));
	parts.push(Buffer.from([0x00, 0xff, 0xd9]));
	return Buffer.concat(parts);
}

/** A 128-byte PCX header (version 5, RLE, 8 bits) plus one byte of data. */
export function pcx(width: number, height: number, origin = { x: 0, y: 0 }): Buffer {
	const header = Buffer.alloc(128);
	header.set([0x0a, 5, 1, 8]);
	header.writeUInt16LE(origin.x, 4);
	header.writeUInt16LE(origin.y, 6);
	header.writeUInt16LE(origin.x + width - 1, 8);
	header.writeUInt16LE(origin.y + height - 1, 10);
	header.writeUInt8(1, 65);
	header.writeUInt16LE(width, 66);
	return Buffer.concat([header, Buffer.from([0])]);
}

/** An ICO directory with one entry per size (256 is written as 0, as the format says). */
export function ico(sizes: Array<{ width: number; height: number }>): Buffer {
	const entries = sizes.map(({ width, height }, index) =>
		Buffer.concat([
			Buffer.from([width % 256, height % 256, 0, 0]),
			u16le(1),
			u16le(32),
			u32le(40),
			u32le(6 + sizes.length * 16 + index * 40),
		]),
	);
	return Buffer.concat([u16le(0), u16le(1), u16le(sizes.length), ...entries, Buffer.alloc(40 * sizes.length)]);
}

/** A Photoshop header: 8BPS, version 1, channels, height, width (big-endian). */
export function psd(width: number, height: number): Buffer {
	return Buffer.concat([Buffer.from('8BPS'), u16be(1), Buffer.alloc(6), u16be(3), u32be(height), u32be(width), u16be(8), u16be(3)]);
}

export function pdf(): Buffer {
	return Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
}

export interface ZipEntry {
	name: string;
	data: Buffer;
	/** Write sizes in a trailing data descriptor (flag bit 3) instead of the local header. */
	dataDescriptor?: boolean;
}

/** A stored (uncompressed) ZIP with local headers and a central directory. */
export function zip(entries: ZipEntry[]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, 'utf8');
		const crc = crc32(entry.data);
		const size = entry.data.length;
		const flags = entry.dataDescriptor ? 0x08 : 0;
		const headerSizes = entry.dataDescriptor ? [0, 0, 0] : [crc, size, size];
		const local = Buffer.concat([
			u32le(0x04034b50),
			u16le(20),
			u16le(flags),
			u16le(0),
			u32le(0),
			...headerSizes.map(u32le),
			u16le(name.length),
			u16le(0),
			name,
			entry.data,
			entry.dataDescriptor ? Buffer.concat([u32le(0x08074b50), u32le(crc), u32le(size), u32le(size)]) : Buffer.alloc(0),
		]);
		centrals.push(
			Buffer.concat([
				u32le(0x02014b50),
				u16le(20),
				u16le(20),
				u16le(flags),
				u16le(0),
				u32le(0),
				u32le(crc),
				u32le(size),
				u32le(size),
				u16le(name.length),
				u16le(0),
				u16le(0),
				u16le(0),
				u16le(0),
				u32le(0),
				u32le(offset),
				name,
			]),
		);
		locals.push(local);
		offset += local.length;
	}
	const central = Buffer.concat(centrals);
	const end = Buffer.concat([
		u32le(0x06054b50),
		u16le(0),
		u16le(0),
		u16le(entries.length),
		u16le(entries.length),
		u32le(central.length),
		u32le(offset),
		u16le(0),
	]);
	return Buffer.concat([...locals, central, end]);
}

/** An OFD package: OFD.xml is not the first entry here, so detection must walk the entries. */
export function ofd(opts: { dataDescriptor?: boolean } = {}): Buffer {
	return zip([
		{ name: 'Doc_0/Document.xml', data: Buffer.from('<ofd:Document/>'), dataDescriptor: opts.dataDescriptor },
		{ name: 'OFD.xml', data: Buffer.from('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"/>') },
	]);
}
