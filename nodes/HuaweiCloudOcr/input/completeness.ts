import type { FileFormat } from '../catalog/types';
import { asciiAt, u16be, u32be } from './bytes';

/**
 * Whether an image ends where its format says it ends: a PNG reaches its IEND chunk, a JPEG its
 * EOI marker. A file cut off in transfer fails this, and the service would only answer with a
 * decode error after a paid call. Both walks follow the structure (chunk lengths, segment lengths,
 * entropy-coded data up to the next marker), so embedded thumbnails, fill bytes and data appended
 * after the end (some phones add a trailer, some tools zero padding) do not matter.
 * Other formats are not checked (undefined).
 */
export function isTruncatedImage(bytes: Uint8Array, format: FileFormat): boolean | undefined {
	if (format === 'png') return !pngReachesEnd(bytes);
	if (format === 'jpeg') return !jpegReachesEnd(bytes);
	return undefined;
}

const PNG_SIGNATURE_LENGTH = 8;

function pngReachesEnd(bytes: Uint8Array): boolean {
	let offset = PNG_SIGNATURE_LENGTH;
	while (offset + 8 <= bytes.length) {
		const length = u32be(bytes, offset) as number;
		// length, type, data, CRC
		const end = offset + 12 + length;
		// A chunk the file cannot hold means the file was cut off: its length must not drive the walk.
		if (end > bytes.length) return false;
		if (asciiAt(bytes, offset + 4, 'IEND')) return true;
		offset = end;
	}
	return false;
}

const MARKER = 0xff;
const END_OF_IMAGE = 0xd9;
const START_OF_SCAN = 0xda;

/** Markers that stand alone, without a length: TEM, RST0–7, SOI. */
function isStandalone(marker: number): boolean {
	return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);
}

function jpegReachesEnd(bytes: Uint8Array): boolean {
	let offset = 2;
	for (;;) {
		// Decoders skip stray bytes before a marker; so do we.
		offset = bytes.indexOf(MARKER, offset);
		if (offset < 0) return false;
		while (bytes[offset + 1] === MARKER) offset++;
		if (offset + 1 >= bytes.length) return false;
		const marker = bytes[offset + 1];
		if (marker === END_OF_IMAGE) return true;
		if (isStandalone(marker) || marker === 0x00) {
			offset += 2;
			continue;
		}
		const length = u16be(bytes, offset + 2);
		if (length === undefined || offset + 2 + length > bytes.length) return false;
		offset += 2 + length;
		if (marker === START_OF_SCAN) {
			offset = endOfEntropyData(bytes, offset);
			if (offset < 0) return false;
		}
	}
}

/** Entropy-coded data runs to the next marker that is not a stuffed byte (FF 00) or a restart marker. */
function endOfEntropyData(bytes: Uint8Array, from: number): number {
	let offset = from;
	for (;;) {
		offset = bytes.indexOf(MARKER, offset);
		if (offset < 0 || offset + 1 >= bytes.length) return -1;
		const next = bytes[offset + 1];
		if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === MARKER) {
			offset += next === MARKER ? 1 : 2;
			continue;
		}
		return offset;
	}
}
