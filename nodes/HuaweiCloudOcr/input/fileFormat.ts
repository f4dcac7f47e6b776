import type { FileFormat } from '../catalog/types';
import { asciiAt, bytesAt, latin1, u16le, u32le } from './bytes';

/**
 * Detects the file format from its magic bytes (never from a file name or MIME type, which are often wrong).
 * Pure and dependency-free: the emulator uses it too.
 */
export function detectFormat(bytes: Uint8Array): FileFormat | undefined {
	if (bytesAt(bytes, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (bytesAt(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (isBmp(bytes)) return 'bmp';
	if (asciiAt(bytes, 0, 'II') && bytesAt(bytes, 2, [0x2a, 0x00])) return 'tiff';
	if (asciiAt(bytes, 0, 'MM') && bytesAt(bytes, 2, [0x00, 0x2a])) return 'tiff';
	if (asciiAt(bytes, 0, 'GIF87a') || asciiAt(bytes, 0, 'GIF89a')) return 'gif';
	if (asciiAt(bytes, 0, 'RIFF') && asciiAt(bytes, 8, 'WEBP')) return 'webp';
	if (isPdf(bytes)) return 'pdf';
	if (isOfd(bytes)) return 'ofd';
	if (asciiAt(bytes, 0, '8BPS') && bytesAt(bytes, 4, [0x00, 0x01])) return 'psd';
	if (isIco(bytes)) return 'ico';
	if (isPcx(bytes)) return 'pcx';
	return undefined;
}

const BMP_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

function isBmp(bytes: Uint8Array): boolean {
	const headerSize = u32le(bytes, 14);
	return asciiAt(bytes, 0, 'BM') && headerSize !== undefined && BMP_HEADER_SIZES.has(headerSize);
}

/** PDF readers accept the header anywhere in the first 1024 bytes, so we do too. */
function isPdf(bytes: Uint8Array): boolean {
	return latin1(bytes, 0, 1024).includes('%PDF-');
}

function isIco(bytes: Uint8Array): boolean {
	const count = u16le(bytes, 4);
	if (!bytesAt(bytes, 0, [0x00, 0x00, 0x01, 0x00]) || count === undefined) return false;
	// First directory entry: reserved byte 0, colour planes 0 or 1.
	return count > 0 && bytes.length >= 6 + 16 && bytes[9] === 0 && bytes[10] <= 1 && bytes[11] === 0;
}

function isPcx(bytes: Uint8Array): boolean {
	if (bytes.length < 128 || bytes[0] !== 0x0a) return false;
	const versionOk = [0, 2, 3, 4, 5].includes(bytes[1]);
	const encodingOk = bytes[2] === 0 || bytes[2] === 1;
	const bitsOk = [1, 2, 4, 8].includes(bytes[3]);
	return versionOk && encodingOk && bitsOk;
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const MAX_ZIP_ENTRIES_SCANNED = 256;

/**
 * OFD is a ZIP package with an `OFD.xml` entry at its root. A plain ZIP (DOCX, XLSX, …) is not OFD.
 * Walks the local file headers; entries written with a data descriptor (sizes unknown up front)
 * are skipped by searching for the next local header signature.
 */
function isOfd(bytes: Uint8Array): boolean {
	let offset = 0;
	for (let entry = 0; entry < MAX_ZIP_ENTRIES_SCANNED; entry++) {
		if (!bytesAt(bytes, offset, ZIP_LOCAL_HEADER)) return false;
		const flags = u16le(bytes, offset + 6);
		const compressedSize = u32le(bytes, offset + 18);
		const nameLength = u16le(bytes, offset + 26);
		const extraLength = u16le(bytes, offset + 28);
		if (flags === undefined || compressedSize === undefined || nameLength === undefined || extraLength === undefined) {
			return false;
		}
		const name = latin1(bytes, offset + 30, nameLength);
		if (name.toLowerCase() === 'ofd.xml') return true;
		const dataStart = offset + 30 + nameLength + extraLength;
		const hasDataDescriptor = (flags & 0x08) !== 0;
		offset = hasDataDescriptor ? findLocalHeader(bytes, dataStart) : dataStart + compressedSize;
		if (offset < 0) return false;
	}
	return false;
}

function findLocalHeader(bytes: Uint8Array, from: number): number {
	for (let offset = from; offset + 4 <= bytes.length; offset++) {
		if (bytes[offset] === 0x50 && bytesAt(bytes, offset, ZIP_LOCAL_HEADER)) return offset;
	}
	return -1;
}

const PREVIEW_BYTES = 8;

/**
 * Describes the start of an unrecognised file for an error message, e.g.
 * "starts with 3C 68 74 6D 6C 3E 0A 3C ('<html>.<') — this looks like an HTML page, not an image".
 */
export function describeBytes(bytes: Uint8Array): string {
	if (bytes.length === 0) return 'is empty (0 bytes)';
	const preview = bytes.subarray(0, PREVIEW_BYTES);
	const hex = Array.from(preview, (value) => value.toString(16).toUpperCase().padStart(2, '0')).join(' ');
	const ascii = Array.from(preview, (value) => (value >= 0x20 && value < 0x7f ? String.fromCharCode(value) : '.')).join('');
	const guess = guessContent(bytes);
	return `starts with ${hex} ('${ascii}')${guess ? ` — ${guess}` : ''}`;
}

function guessContent(bytes: Uint8Array): string | undefined {
	const head = latin1(bytes, 0, 512).replace(/^\xEF\xBB\xBF/, '').trimStart();
	const lower = head.toLowerCase();
	if (lower.startsWith('<!doctype html') || lower.startsWith('<html')) {
		return 'this looks like an HTML page, not an image';
	}
	if (lower.startsWith('<svg') || (lower.startsWith('<?xml') && lower.includes('<svg'))) {
		return 'this looks like an SVG drawing, which the service does not read; convert it to PNG';
	}
	if (lower.startsWith('<?xml') || lower.startsWith('<')) return 'this looks like XML or HTML text, not an image';
	if (lower.startsWith('data:')) return 'this looks like a data URL (Base64 text), not the file itself';
	if (lower.startsWith('{') || lower.startsWith('[')) return 'this looks like JSON text, not an image';
	if (lower.startsWith('/9j/') || lower.startsWith('ivborw0kggo') || lower.startsWith('jvberi0')) {
		return 'this looks like Base64 text of a file rather than the file itself';
	}
	if (bytesAt(bytes, 0, ZIP_LOCAL_HEADER)) {
		return 'this is a ZIP archive (for example DOCX or XLSX) without OFD.xml, not an image or OFD document';
	}
	if (bytesAt(bytes, 0, [0x1f, 0x8b])) return 'this is a gzip archive, not an image';
	if (asciiAt(bytes, 4, 'ftyp')) {
		const brand = latin1(bytes, 8, 4);
		if (/^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(brand)) {
			return 'this looks like a HEIC/HEIF photo, which the service does not read; convert it to JPEG';
		}
		if (brand === 'avif') return 'this looks like an AVIF image, which the service does not read; convert it to JPEG';
		return 'this looks like an MP4/QuickTime media file, not an image';
	}
	if (asciiAt(bytes, 0, 'RIFF')) return 'this is a RIFF file (for example WAV or AVI), not a WEBP image';
	if (isPrintableText(bytes.subarray(0, 512))) return 'this looks like plain text, not an image';
	return undefined;
}

function isPrintableText(bytes: Uint8Array): boolean {
	return bytes.every((value) => value === 0x09 || value === 0x0a || value === 0x0d || (value >= 0x20 && value !== 0x7f));
}
