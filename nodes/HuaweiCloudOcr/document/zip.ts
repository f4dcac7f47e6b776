import { inflate } from './inflate';
import { DocumentProblem } from './problem';

/** Reads single entries of a ZIP archive through its central directory (stored or deflated). */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes plus a comment of up to 65535. */
const END_SEARCH_BYTES = 22 + 0xffff;
/** Package XML files are small; a larger expansion is a bomb. */
const MAX_ENTRY_LENGTH = 64 * 1024 * 1024;

export interface ZipEntryInfo {
	name: string;
	method: number;
	compressedSize: number;
	localHeaderOffset: number;
}

const NOT_READABLE = 'The file was probably cut off or is not a real OFD document; send the original OFD file again.';

function damagedArchive(detail: string): DocumentProblem {
	return new DocumentProblem(`The OFD file is damaged: ${detail}`, NOT_READABLE);
}

export function readCentralDirectory(bytes: Buffer): ZipEntryInfo[] {
	const end = findEndRecord(bytes);
	const count = bytes.readUInt16LE(end + 10);
	let at = bytes.readUInt32LE(end + 16);
	const entries: ZipEntryInfo[] = [];
	for (let index = 0; index < count; index++) {
		if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_ENTRY) {
			throw damagedArchive('its ZIP directory is broken');
		}
		const nameLength = bytes.readUInt16LE(at + 28);
		entries.push({
			method: bytes.readUInt16LE(at + 10),
			compressedSize: bytes.readUInt32LE(at + 20),
			localHeaderOffset: bytes.readUInt32LE(at + 42),
			name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
		});
		at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
	}
	return entries;
}

function findEndRecord(bytes: Buffer): number {
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_SEARCH_BYTES); at--) {
		if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
	}
	throw damagedArchive('its ZIP directory is missing (the end of the file is cut off)');
}

export function readEntry(bytes: Buffer, entry: ZipEntryInfo): Buffer {
	const at = entry.localHeaderOffset;
	if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) throw damagedArchive(`the entry ${entry.name} is missing`);
	const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
	const data = bytes.subarray(start, start + entry.compressedSize);
	if (start + entry.compressedSize > bytes.length) throw damagedArchive(`the entry ${entry.name} is cut off`);
	if (entry.method === 0) return data;
	if (entry.method === 8) return inflate(data, { format: 'raw', maxOutputLength: MAX_ENTRY_LENGTH });
	throw new DocumentProblem(
		`The OFD file stores ${entry.name} with ZIP compression method ${entry.method}, which OFD readers do not use`,
		'Save the document again with an OFD editor (standard Deflate compression) and try again.',
	);
}
