/**
 * Small hand-written files for the reader's hostile-input tests: a PDF writer that takes object
 * bodies as they should appear in the file (so damaged or crafted syntax can be written verbatim),
 * with a classic cross-reference table or an xref stream, and a deflated ZIP (OFD) writer.
 */
import * as zlib from '../../nodejs/zlib.cjs';

import { u16le as u16, u32le as u32 } from '../../fixtures/syntheticFiles';

export type ObjectBody = string | Buffer;

const HEADER = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';

/** `N 0 obj` + body + `endobj` for each object, their offsets, and the text so far. */
function writeObjects(objects: Array<[number, ObjectBody]>): { body: Buffer; offsets: Map<number, number> } {
	const chunks: Buffer[] = [Buffer.from(HEADER, 'latin1')];
	let length = chunks[0].length;
	const offsets = new Map<number, number>();
	for (const [num, content] of objects) {
		offsets.set(num, length);
		const chunk = Buffer.concat([
			Buffer.from(`${num} 0 obj\n`, 'latin1'),
			typeof content === 'string' ? Buffer.from(content, 'latin1') : content,
			Buffer.from('\nendobj\n', 'latin1'),
		]);
		chunks.push(chunk);
		length += chunk.length;
	}
	return { body: Buffer.concat(chunks), offsets };
}

/** A PDF with a classic xref table and a trailer with the given entries (default: `/Root 1 0 R`). */
export function tablePdf(objects: Array<[number, ObjectBody]>, trailer = '/Root 1 0 R'): Buffer {
	const { body, offsets } = writeObjects(objects);
	const size = Math.max(0, ...offsets.keys()) + 1;
	let table = `xref\n0 1\n0000000000 65535 f\r\n`;
	for (const [num, offset] of [...offsets].sort((a, b) => a[0] - b[0])) {
		table += `${num} 1\n${String(offset).padStart(10, '0')} 00000 n\r\n`;
	}
	table += `trailer\n<</Size ${size} ${trailer}>>\nstartxref\n${body.length}\n%%EOF\n`;
	return Buffer.concat([body, Buffer.from(table, 'latin1')]);
}

/**
 * A PDF whose startxref points at an xref stream written verbatim: `xrefDict` is its dictionary
 * (without /Length), `rows` its (unfiltered) data. The objects' real offsets are returned too,
 * so a test can write correct rows.
 */
export function xrefStreamPdf(
	objects: Array<[number, ObjectBody]>,
	xref: (offsets: Map<number, number>) => { num: number; dict: string; rows: Buffer },
): Buffer {
	const { body, offsets } = writeObjects(objects);
	const { num, dict, rows } = xref(offsets);
	const stream = Buffer.concat([
		Buffer.from(`${num} 0 obj\n<<${dict} /Length ${rows.length}>>\nstream\n`, 'latin1'),
		rows,
		Buffer.from(`\nendstream\nendobj\nstartxref\n${body.length}\n%%EOF\n`, 'latin1'),
	]);
	return Buffer.concat([body, stream]);
}

/** A stream object body: dictionary entries (without /Length) and data. */
export function streamBody(dict: string, data: Buffer | string): Buffer {
	const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
	return Buffer.concat([Buffer.from(`<<${dict} /Length ${bytes.length}>>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]);
}

/** The catalog, a page tree with `pages` kids and the pages, objects 1, 2 and 3.. (one content-free page each). */
export function simplePages(pages: number): Array<[number, ObjectBody]> {
	const kids = Array.from({ length: pages }, (_, index) => `${3 + index} 0 R`).join(' ');
	return [
		[1, '<</Type /Catalog /Pages 2 0 R>>'],
		[2, `<</Type /Pages /Kids [${kids}] /Count ${pages} /MediaBox [0 0 200 200]>>`],
		...Array.from({ length: pages }, (_, index): [number, ObjectBody] => [3 + index, '<</Type /Page /Parent 2 0 R>>']),
	];
}

/** A ZIP with deflated entries (as OFD producers write them), and an optional declared entry count. */
export function deflatedZip(entries: Array<{ name: string; data: Buffer }>, opts: { declaredCount?: number } = {}): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const packed = zlib.deflateRawSync(entry.data);
		const name = Buffer.from(entry.name);
		const sizes = [u32(0), u32(packed.length), u32(entry.data.length)];
		const local = Buffer.concat([u32(0x04034b50), u16(20), u16(0), u16(8), u16(0), u16(0), ...sizes, u16(name.length), u16(0), name, packed]);
		centrals.push(
			Buffer.concat([
				u32(0x02014b50), u16(20), u16(20), u16(0), u16(8), u16(0), u16(0), ...sizes,
				u16(name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), name,
			]),
		);
		locals.push(local);
		offset += local.length;
	}
	const central = Buffer.concat(centrals);
	const count = opts.declaredCount ?? entries.length;
	const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(count), u16(count), u32(central.length), u32(offset), u16(0)]);
	return Buffer.concat([...locals, central, end]);
}

export function ofdPackage(ofdXml: string, documentXml: string, documentPath = 'Doc_0/Document.xml'): Buffer {
	return deflatedZip([
		{ name: 'OFD.xml', data: Buffer.from(ofdXml) },
		{ name: documentPath, data: Buffer.from(documentXml) },
	]);
}
