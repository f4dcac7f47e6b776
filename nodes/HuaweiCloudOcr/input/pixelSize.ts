import type { FileFormat } from '../catalog/types';
import { asciiAt, i32le, u16be, u16le, u24le, u32be, u32le } from './bytes';

export interface PixelSize {
	width: number;
	height: number;
}

/**
 * Reads the pixel width and height from the file header, without decoding the image.
 * Undefined when the format has no pixel size of its own (PDF, OFD) or the header is truncated or corrupt.
 * Pure and dependency-free: the emulator uses it too.
 */
export function readPixelSize(bytes: Uint8Array, format: FileFormat): PixelSize | undefined {
	const size = READERS[format]?.(bytes);
	return size && size.width > 0 && size.height > 0 ? size : undefined;
}

type SizeReader = (bytes: Uint8Array) => PixelSize | undefined;

const READERS: Partial<Record<FileFormat, SizeReader>> = {
	jpeg: readJpegSize,
	png: readPngSize,
	bmp: readBmpSize,
	gif: (bytes) => pair(u16le(bytes, 6), u16le(bytes, 8)),
	webp: readWebpSize,
	tiff: readTiffSize,
	pcx: readPcxSize,
	ico: readIcoSize,
	psd: (bytes) => pair(u32be(bytes, 18), u32be(bytes, 14)),
};

function pair(width: number | undefined, height: number | undefined): PixelSize | undefined {
	return width === undefined || height === undefined ? undefined : { width, height };
}

/** SOF0–SOF15 carry the frame size; 0xC4 (DHT), 0xC8 (JPG) and 0xCC (DAC) share the range but are not frames. */
function isStartOfFrame(marker: number): boolean {
	return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Markers without a length field: TEM, RST0–RST7, SOI. */
function isStandaloneMarker(marker: number): boolean {
	return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);
}

function readJpegSize(bytes: Uint8Array): PixelSize | undefined {
	let offset = 2;
	while (offset < bytes.length) {
		if (bytes[offset] !== 0xff) return undefined;
		while (offset < bytes.length && bytes[offset] === 0xff) offset++; // fill bytes before a marker
		if (offset >= bytes.length) return undefined;
		const marker = bytes[offset++];
		if (isStandaloneMarker(marker)) continue;
		if (marker === 0xd9 || marker === 0xda) return undefined; // end of image / scan data before any frame
		const length = u16be(bytes, offset);
		if (length === undefined || length < 2) return undefined;
		if (isStartOfFrame(marker)) {
			// length(2) precision(1) height(2) width(2)
			return pair(u16be(bytes, offset + 5), u16be(bytes, offset + 3));
		}
		if (offset + length > bytes.length) return undefined; // a segment the file cannot hold
		offset += length;
	}
	return undefined;
}

function readPngSize(bytes: Uint8Array): PixelSize | undefined {
	if (!asciiAt(bytes, 12, 'IHDR')) return undefined;
	return pair(u32be(bytes, 16), u32be(bytes, 20));
}

function readBmpSize(bytes: Uint8Array): PixelSize | undefined {
	const headerSize = u32le(bytes, 14);
	if (headerSize === 12) return pair(u16le(bytes, 18), u16le(bytes, 20)); // BITMAPCOREHEADER
	const width = i32le(bytes, 18);
	const height = i32le(bytes, 22); // negative height = top-down rows
	if (width === undefined || height === undefined || width <= 0) return undefined;
	return { width, height: Math.abs(height) };
}

function readWebpSize(bytes: Uint8Array): PixelSize | undefined {
	if (asciiAt(bytes, 12, 'VP8 ')) {
		// Frame tag (3 bytes) then the key-frame start code 9D 01 2A, then 14-bit width and height.
		if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return undefined;
		const width = u16le(bytes, 26);
		const height = u16le(bytes, 28);
		return pair(width === undefined ? undefined : width & 0x3fff, height === undefined ? undefined : height & 0x3fff);
	}
	if (asciiAt(bytes, 12, 'VP8L')) {
		if (bytes[20] !== 0x2f) return undefined;
		const bits = u32le(bytes, 21);
		if (bits === undefined) return undefined;
		return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
	}
	if (asciiAt(bytes, 12, 'VP8X')) {
		const width = u24le(bytes, 24);
		const height = u24le(bytes, 27);
		return pair(width === undefined ? undefined : width + 1, height === undefined ? undefined : height + 1);
	}
	return undefined;
}

const TIFF_IMAGE_WIDTH = 256;
const TIFF_IMAGE_LENGTH = 257;
const TIFF_SHORT = 3;
const TIFF_LONG = 4;
const TIFF_ENTRY_BYTES = 12;

function readTiffSize(bytes: Uint8Array): PixelSize | undefined {
	const littleEndian = asciiAt(bytes, 0, 'II');
	const u16 = littleEndian ? u16le : u16be;
	const u32 = littleEndian ? u32le : u32be;
	const ifdOffset = u32(bytes, 4);
	if (ifdOffset === undefined) return undefined;
	const entryCount = u16(bytes, ifdOffset);
	// A directory the file cannot hold is corrupt: its count must not drive the walk.
	if (entryCount === undefined || ifdOffset + 2 + entryCount * TIFF_ENTRY_BYTES > bytes.length) return undefined;
	let width: number | undefined;
	let height: number | undefined;
	for (let entry = 0; entry < entryCount; entry++) {
		const at = ifdOffset + 2 + entry * TIFF_ENTRY_BYTES;
		const tag = u16(bytes, at);
		const type = u16(bytes, at + 2);
		if (tag === undefined || type === undefined) return undefined;
		if (tag !== TIFF_IMAGE_WIDTH && tag !== TIFF_IMAGE_LENGTH) continue;
		// A SHORT value sits in the first two bytes of the 4-byte value field, in the file's byte order.
		const value = type === TIFF_SHORT ? u16(bytes, at + 8) : type === TIFF_LONG ? u32(bytes, at + 8) : undefined;
		if (tag === TIFF_IMAGE_WIDTH) width = value;
		else height = value;
	}
	return pair(width, height);
}

function readPcxSize(bytes: Uint8Array): PixelSize | undefined {
	const [xMin, yMin, xMax, yMax] = [4, 6, 8, 10].map((offset) => u16le(bytes, offset));
	if (xMin === undefined || yMin === undefined || xMax === undefined || yMax === undefined) return undefined;
	return { width: xMax - xMin + 1, height: yMax - yMin + 1 };
}

const ICO_HEADER_BYTES = 6;
const ICO_ENTRY_BYTES = 16;

/**
 * An icon holds several images; we report the largest of them. A directory the file cannot hold is
 * corrupt (its last entries would be image data): no size then.
 */
function readIcoSize(bytes: Uint8Array): PixelSize | undefined {
	const count = u16le(bytes, 4) ?? 0;
	if (ICO_HEADER_BYTES + count * ICO_ENTRY_BYTES > bytes.length) return undefined;
	let largest: PixelSize | undefined;
	for (let entry = 0; entry < count; entry++) {
		const at = ICO_HEADER_BYTES + entry * ICO_ENTRY_BYTES;
		const size = { width: bytes[at] || 256, height: bytes[at + 1] || 256 };
		if (!largest || size.width * size.height > largest.width * largest.height) largest = size;
	}
	return largest;
}
