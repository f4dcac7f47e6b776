import type { ReadBudget } from './budget';
import { inflate } from './inflate';
import { DocumentProblem } from './problem';

/**
 * Reads single entries of a ZIP archive through its central directory (stored or deflated).
 * Declared counts, sizes and offsets are checked against the archive's bytes before they drive a
 * loop; inflated entries are spent from the file's decoded-bytes budget (./budget.ts).
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_EXTRA = 0x0001;
/** A 32-bit size or offset at this value is in the Zip64 records instead. */
const MAX_32 = 0xffffffff;
/** The end record is 22 bytes plus a comment of up to 65535. */
const END_SEARCH_BYTES = 22 + 0xffff;
/** A central directory entry is 46 bytes before its name, extra field and comment. */
const CENTRAL_ENTRY_BYTES = 46;

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
	const { count, start } = directoryOf(bytes, findEndRecord(bytes));
	if (start > bytes.length || count * CENTRAL_ENTRY_BYTES > bytes.length - start) {
		throw damagedArchive(`its ZIP directory declares ${count} entries, more than the file holds`);
	}
	let at = start;
	const entries: ZipEntryInfo[] = [];
	for (let index = 0; index < count; index++) {
		if (at + CENTRAL_ENTRY_BYTES > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_ENTRY) {
			throw damagedArchive('its ZIP directory is broken');
		}
		const nameLength = bytes.readUInt16LE(at + 28);
		const extraStart = at + 46 + nameLength;
		const extra = bytes.subarray(extraStart, extraStart + bytes.readUInt16LE(at + 30));
		const wide = zip64Values(extra, [bytes.readUInt32LE(at + 24), bytes.readUInt32LE(at + 20), bytes.readUInt32LE(at + 42)]);
		entries.push({
			method: bytes.readUInt16LE(at + 10),
			compressedSize: wide[1],
			localHeaderOffset: wide[2],
			name: bytes.toString('utf8', at + 46, extraStart),
		});
		at = extraStart + extra.length + bytes.readUInt16LE(at + 32);
	}
	return entries;
}

/**
 * Where the directory starts and how many entries it has. Zip64 archives (written by some OFD
 * producers even for small files) keep both in the Zip64 end record, found through its locator.
 */
function directoryOf(bytes: Buffer, end: number): { count: number; start: number } {
	const count = bytes.readUInt16LE(end + 10);
	const start = bytes.readUInt32LE(end + 16);
	if (count !== 0xffff && start !== MAX_32) return { count, start };
	const locator = end - 20;
	if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_END_LOCATOR) return { count, start };
	const record = safeNumber(bytes.readBigUInt64LE(locator + 8));
	if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_END_OF_CENTRAL_DIRECTORY) {
		throw damagedArchive('its Zip64 directory record is missing');
	}
	return { count: safeNumber(bytes.readBigUInt64LE(record + 32)), start: safeNumber(bytes.readBigUInt64LE(record + 48)) };
}

/**
 * A central entry's uncompressed size, compressed size and local header offset: a field saturated at
 * 0xFFFFFFFF is in the Zip64 extra field (ID 1), whose 8-byte values come in that order, only for
 * the saturated fields.
 */
function zip64Values(extra: Buffer, values: [number, number, number]): [number, number, number] {
	if (!values.includes(MAX_32)) return values;
	for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
		if (extra.readUInt16LE(at) !== ZIP64_EXTRA) continue;
		const end = Math.min(extra.length, at + 4 + extra.readUInt16LE(at + 2));
		let field = at + 4;
		const wide = values.map((value) => {
			if (value !== MAX_32 || field + 8 > end) return value;
			const read = safeNumber(extra.readBigUInt64LE(field));
			field += 8;
			return read;
		});
		return wide as [number, number, number];
	}
	return values;
}

function safeNumber(value: bigint): number {
	if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damagedArchive('its Zip64 directory has impossible sizes');
	return Number(value);
}

function findEndRecord(bytes: Buffer): number {
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_SEARCH_BYTES); at--) {
		if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
	}
	throw damagedArchive('its ZIP directory is missing (the end of the file is cut off)');
}

export function readEntry(bytes: Buffer, entry: ZipEntryInfo, budget: ReadBudget): Buffer {
	const at = entry.localHeaderOffset;
	if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) throw damagedArchive(`the entry ${entry.name} is missing`);
	const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
	const data = bytes.subarray(start, start + entry.compressedSize);
	if (start + entry.compressedSize > bytes.length) throw damagedArchive(`the entry ${entry.name} is cut off`);
	if (entry.method === 0) return data;
	if (entry.method === 8) {
		const inflated = inflate(data, {
			format: 'raw',
			maxOutputLength: budget.decodedRemaining,
			outputLimitProblem: () => budget.overDecoded(),
			meter: budget,
		});
		budget.spendDecoded(inflated.length);
		return inflated;
	}
	throw new DocumentProblem(
		`The OFD file stores ${entry.name} with ZIP compression method ${entry.method}, which OFD readers do not use`,
		'Save the document again with an OFD editor (standard Deflate compression) and try again.',
	);
}
