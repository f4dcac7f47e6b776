/**
 * A corpus of PDFs from several producers, each with its known page count: pdf-lib (with and
 * without object streams), a hand-written classic-xref writer (nested page trees, inherited
 * attributes, an incremental update), and qpdf's WebAssembly build (linearized, object streams with
 * predictors). Pages differ visibly (bars at page-dependent places), so a wrong page cannot
 * pass a rendering comparison.
 */
import * as zlib from '../../nodejs/zlib.cjs';

import { PDFDocument, StandardFonts, degrees, rgb } from 'pdf-lib';

import { mupdfPageImage } from '../../judges/mupdf';
import { qpdf } from '../../judges/qpdf';

export interface CorpusFile {
	name: string;
	bytes: Buffer;
	pageCount: number;
}

/** `updateMetadata: false` leaves out the dates pdf-lib writes, so the same call gives the same bytes. */
export async function pdfLibDocument(pageCount: number, useObjectStreams: boolean, { updateMetadata = true } = {}): Promise<Buffer> {
	const document = await PDFDocument.create({ updateMetadata });
	const font = await document.embedFont(StandardFonts.Helvetica);
	for (let index = 0; index < pageCount; index++) {
		const page = document.addPage([200 + index * 10, 150]);
		page.drawRectangle({ x: 10 + index * 15, y: 20, width: 12, height: 100, color: rgb(0.1 * index, 0.2, 0.6) });
		page.drawText(`Page ${index + 1}`, { x: 100, y: 60, size: 20, font });
		if (index === 1) page.setRotation(degrees(90));
	}
	return Buffer.from(await document.save({ useObjectStreams }));
}

/** Scans: page 1 a PNG, page 2 a JPEG, both rendered by MuPDF from vector pages (real encoder output). */
export async function scannedDocument(): Promise<Buffer> {
	const source = await pdfLibDocument(2, false);
	const document = await PDFDocument.create();
	// Copies: pdf-lib's JPEG embedder reads a Buffer's whole underlying ArrayBuffer from offset 0 ("SOI not found").
	const fresh = (bytes: Buffer) => new Uint8Array(bytes);
	const images = [
		await document.embedPng(fresh(await mupdfPageImage(source, 1, 'png', 50))),
		await document.embedJpg(fresh(await mupdfPageImage(source, 2, 'jpeg', 50))),
	];
	for (const image of images) {
		document.addPage([image.width, image.height]).drawImage(image, { x: 0, y: 0, width: image.width, height: image.height });
	}
	return Buffer.from(await document.save());
}

/** A content stream drawing a bar whose place tells the page apart; compressed or not. */
function barContent(pageIndex: number, compress: boolean): string {
	const ops = `q 0 0 1 rg ${10 + pageIndex * 20} 10 15 ${60 + pageIndex * 10} re f Q BT /F1 18 Tf 90 40 Td (P${pageIndex + 1}) Tj ET`;
	if (!compress) return `<</Length ${ops.length}>>\nstream\n${ops}\nendstream`;
	const packed = zlib.deflateSync(Buffer.from(ops)).toString('latin1');
	return `<</Length ${packed.length} /Filter /FlateDecode>>\nstream\n${packed}\nendstream`;
}

/** Writes numbered object bodies (latin1 text) with a classic xref table; returns the bytes and the xref offset. */
export function classicPdf(objects: Map<number, string>, root: number, header = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'): Buffer {
	return appendRevision(Buffer.from(header, 'latin1'), objects, `/Root ${root} 0 R`, true);
}

/** Appends objects, an xref section for them and a trailer (with /Prev for an incremental update). */
function appendRevision(base: Buffer, objects: Map<number, string>, trailerEntries: string, first: boolean): Buffer {
	let text = base.toString('latin1');
	const offsets = new Map<number, number>();
	for (const [num, body] of [...objects].sort((a, b) => a[0] - b[0])) {
		offsets.set(num, text.length);
		text += `${num} 0 obj\n${body}\nendobj\n`;
	}
	const xrefAt = text.length;
	const previous = first ? undefined : Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(base.toString('latin1'))?.[1]);
	const size = Math.max(...objects.keys(), ...(first ? [] : [Number(/\/Size (\d+)/.exec(base.toString('latin1'))?.[1]) - 1])) + 1;
	text += 'xref\n';
	if (first) text += `0 1\n0000000000 65535 f\r\n`;
	for (const [num, offset] of [...offsets].sort((a, b) => a[0] - b[0])) {
		text += `${num} 1\n${String(offset).padStart(10, '0')} 00000 n\r\n`;
	}
	text += `trailer\n<</Size ${size} ${trailerEntries}${previous === undefined ? '' : ` /Prev ${previous}`}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
	return Buffer.from(text, 'latin1');
}

const FONT = '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>';

/**
 * Hand-written: a nested page tree (root → two intermediate nodes → pages, one three levels deep)
 * whose pages inherit /Resources and /MediaBox from the root and /Rotate from one node.
 */
export function nestedTreePdf(): CorpusFile {
	const objects = new Map<number, string>([
		[1, '<</Type /Catalog /Pages 2 0 R>>'],
		[2, '<</Type /Pages /Kids [3 0 R 4 0 R] /Count 5 /MediaBox [0 0 220 160] /Resources <</Font <</F1 5 0 R>>>>>>'],
		[3, '<</Type /Pages /Parent 2 0 R /Kids [10 0 R 11 0 R] /Count 2>>'],
		[4, '<</Type /Pages /Parent 2 0 R /Kids [12 0 R 6 0 R] /Count 3 /Rotate 90>>'],
		[5, FONT],
		[6, '<</Type /Pages /Parent 4 0 R /Kids [13 0 R 14 0 R] /Count 2 /MediaBox [0 0 180 180]>>'],
	]);
	const pages: Array<[number, number]> = [
		[10, 3],
		[11, 3],
		[12, 4],
		[13, 6],
		[14, 6],
	];
	pages.forEach(([num, parent], index) => {
		const own = index === 4 ? ' /Rotate 0 /CropBox [10 10 170 170]' : '';
		objects.set(num, `<</Type /Page /Parent ${parent} 0 R /Contents ${20 + index} 0 R${own}>>`);
		objects.set(20 + index, barContent(index, index % 2 === 0));
	});
	return { name: 'hand-written nested page tree (classic xref, inherited attributes)', bytes: classicPdf(objects, 1), pageCount: 5 };
}

/** Hand-written classic file, then a second revision that adds a third page and replaces the page tree root. */
export function incrementalUpdatePdf(): CorpusFile {
	const original = classicPdf(
		new Map([
			[1, '<</Type /Catalog /Pages 2 0 R>>'],
			[2, '<</Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 200 150]>>'],
			[3, `<</Type /Page /Parent 2 0 R /Contents 5 0 R /Resources <</Font <</F1 7 0 R>>>>>>`],
			[4, `<</Type /Page /Parent 2 0 R /Contents 6 0 R /Resources <</Font <</F1 7 0 R>>>>>>`],
			[5, barContent(0, false)],
			[6, barContent(1, true)],
			[7, FONT],
		]),
		1,
	);
	const updated = appendRevision(
		original,
		new Map([
			[2, '<</Type /Pages /Kids [3 0 R 8 0 R 4 0 R] /Count 3 /MediaBox [0 0 200 150]>>'],
			[8, `<</Type /Page /Parent 2 0 R /Contents 9 0 R /Resources <</Font <</F1 7 0 R>>>>>>`],
			[9, barContent(2, true)],
		]),
		'/Root 1 0 R',
		false,
	);
	return { name: 'incremental update (second revision adds a page)', bytes: updated, pageCount: 3 };
}

/**
 * A hybrid-reference file (as Word writes for old readers): the classic table lists the ordinary
 * objects; the page lives in an object stream that only the /XRefStm stream lists.
 */
export function hybridReferencePdf(): CorpusFile {
	const pageObject = '<</Type /Page /Parent 2 0 R /MediaBox [0 0 200 150] /Contents 4 0 R /Resources <</Font <</F1 7 0 R>>>>>>';
	const objectStreamBody = `3 0 ${pageObject}`;
	const first = '3 0 '.length;
	const ordinary = new Map<number, string>([
		[1, '<</Type /Catalog /Pages 2 0 R>>'],
		[2, '<</Type /Pages /Kids [3 0 R] /Count 1>>'],
		[4, barContent(1, true)],
		[5, `<</Type /ObjStm /N 1 /First ${first} /Length ${objectStreamBody.length}>>\nstream\n${objectStreamBody}\nendstream`],
		[7, FONT],
	]);
	let text = '%PDF-1.5\n%\xe2\xe3\xcf\xd3\n';
	const offsets = new Map<number, number>();
	for (const [num, body] of ordinary) {
		offsets.set(num, text.length);
		text += `${num} 0 obj\n${body}\nendobj\n`;
	}
	const rows = Buffer.from([2, 0, 5, 0]); // /W [1 2 1]: object 3 is entry 0 of object stream 5
	const xrefStreamAt = text.length;
	text += `6 0 obj\n<</Type /XRef /Size 8 /W [1 2 1] /Index [3 1] /Length ${rows.length}>>\nstream\n${rows.toString('latin1')}\nendstream\nendobj\n`;
	offsets.set(6, xrefStreamAt);
	const tableAt = text.length;
	text += 'xref\n0 1\n0000000000 65535 f\r\n';
	for (const [num, offset] of [...offsets].sort((a, b) => a[0] - b[0])) text += `${num} 1\n${String(offset).padStart(10, '0')} 00000 n\r\n`;
	text += `trailer\n<</Size 8 /Root 1 0 R /XRefStm ${xrefStreamAt}>>\nstartxref\n${tableAt}\n%%EOF\n`;
	return { name: 'hybrid reference (table plus /XRefStm)', bytes: Buffer.from(text, 'latin1'), pageCount: 1 };
}

export async function corpus(): Promise<CorpusFile[]> {
	const nested = nestedTreePdf();
	const plain = await pdfLibDocument(4, false);
	return [
		{ name: 'pdf-lib, classic xref', bytes: plain, pageCount: 4 },
		{ name: 'pdf-lib, object streams', bytes: await pdfLibDocument(3, true), pageCount: 3 },
		nested,
		incrementalUpdatePdf(),
		{ name: 'qpdf --linearize', bytes: await qpdf(['--linearize'], plain), pageCount: 4 },
		{
			name: 'qpdf object streams (xref stream with PNG predictor)',
			bytes: await qpdf(['--object-streams=generate', '--compress-streams=y'], nested.bytes),
			pageCount: 5,
		},
		{ name: 'qpdf --linearize with object streams', bytes: await qpdf(['--linearize', '--object-streams=generate'], nested.bytes), pageCount: 5 },
		hybridReferencePdf(),
		{ name: 'pdf-lib, scanned pages (PNG and JPEG images)', bytes: await scannedDocument(), pageCount: 2 },
	];
}
