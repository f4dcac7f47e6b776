/**
 * A minimal ZIP writer that stores entries uncompressed (method 0).
 * Nodes may not use zlib, and an .xlsx only needs to be a valid ZIP container, not a small one.
 */

export interface ZipEntry {
	/** Path inside the archive, forward slashes, e.g. `xl/workbook.xml`. */
	name: string;
	data: Buffer;
}

const CRC_TABLE = buildCrcTable();

function buildCrcTable(): Uint32Array {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) {
			c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		}
		table[n] = c >>> 0;
	}
	return table;
}

/** CRC-32 (IEEE 802.3, the checksum ZIP uses). */
export function crc32(data: Uint8Array): number {
	let crc = 0xffffffff;
	for (let i = 0; i < data.length; i++) {
		crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
	}
	return (crc ^ 0xffffffff) >>> 0;
}

/** 1980-01-01 00:00, the earliest DOS date: fixed so that the same content gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Bit 11: file names are UTF-8. */
const UTF8_FLAG = 0x0800;
const VERSION = 20;

function localHeader(name: Buffer, crc: number, size: number): Buffer {
	const header = Buffer.alloc(30);
	header.writeUInt32LE(0x04034b50, 0);
	header.writeUInt16LE(VERSION, 4);
	header.writeUInt16LE(UTF8_FLAG, 6);
	header.writeUInt16LE(0, 8);
	header.writeUInt16LE(DOS_TIME, 10);
	header.writeUInt16LE(DOS_DATE, 12);
	header.writeUInt32LE(crc, 14);
	header.writeUInt32LE(size, 18);
	header.writeUInt32LE(size, 22);
	header.writeUInt16LE(name.length, 26);
	header.writeUInt16LE(0, 28);
	return Buffer.concat([header, name]);
}

function centralHeader(name: Buffer, crc: number, size: number, offset: number): Buffer {
	const header = Buffer.alloc(46);
	header.writeUInt32LE(0x02014b50, 0);
	header.writeUInt16LE(VERSION, 4);
	header.writeUInt16LE(VERSION, 6);
	header.writeUInt16LE(UTF8_FLAG, 8);
	header.writeUInt16LE(0, 10);
	header.writeUInt16LE(DOS_TIME, 12);
	header.writeUInt16LE(DOS_DATE, 14);
	header.writeUInt32LE(crc, 16);
	header.writeUInt32LE(size, 20);
	header.writeUInt32LE(size, 24);
	header.writeUInt16LE(name.length, 28);
	header.writeUInt32LE(offset, 42);
	return Buffer.concat([header, name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
	const record = Buffer.alloc(22);
	record.writeUInt32LE(0x06054b50, 0);
	record.writeUInt16LE(count, 8);
	record.writeUInt16LE(count, 10);
	record.writeUInt32LE(size, 12);
	record.writeUInt32LE(offset, 16);
	return record;
}

/** Builds a ZIP archive with every entry stored. Sizes above 4 GB (ZIP64) are not supported. */
export function buildStoredZip(entries: ZipEntry[]): Buffer {
	const localParts: Buffer[] = [];
	const centralParts: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, 'utf8');
		const crc = crc32(entry.data);
		const local = localHeader(name, crc, entry.data.length);
		localParts.push(local, entry.data);
		centralParts.push(centralHeader(name, crc, entry.data.length, offset));
		offset += local.length + entry.data.length;
	}
	const central = Buffer.concat(centralParts);
	return Buffer.concat([
		...localParts,
		central,
		endOfCentralDirectory(entries.length, central.length, offset),
	]);
}
