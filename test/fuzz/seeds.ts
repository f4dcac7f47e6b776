/**
 * The seed corpus: the kinds of files the node reads before any call, made by the same generators the
 * tests use (pdf-lib, the hand-written PDF writers of the PDF corpus, the synthetic image encoders,
 * the example images) plus OFD packages, plain ZIPs and deflate streams. Built without system
 * programs and without dates or random bytes, so a case seed replays the same bytes on any machine
 * with the same Node (zlib) and pdf-lib versions.
 */
import { readFileSync } from '../nodejs/fs.cjs';
import { join } from '../nodejs/path.cjs';
import * as zlib from '../nodejs/zlib.cjs';

import { PDFDocument } from 'pdf-lib';

import * as files from '../fixtures/syntheticFiles';
import { hybridReferencePdf, incrementalUpdatePdf, nestedTreePdf, pdfLibDocument } from '../unit/document/pdfCorpus';
import { Rng } from './prng';

export type SeedKind = 'pdf' | 'ofd' | 'zip' | 'deflate' | 'image';

export interface OfdEntry {
	name: string;
	text: string;
}

export interface Seed {
	kind: SeedKind;
	name: string;
	bytes: Buffer;
	/** OFD packages keep their entries, so mutations can change the XML and pack it again. */
	entries?: OfdEntry[];
	/** deflate seeds: the wrapper the reader is asked for. */
	deflateFormat?: 'zlib' | 'raw';
}

const EXAMPLES = join(module.path, '..', '..', 'examples', 'images');

export async function buildSeeds(): Promise<Seed[]> {
	return [...(await pdfSeeds()), ...ofdSeeds(), ...zipSeeds(), ...deflateSeeds(), ...imageSeeds()];
}

async function scanPdf(pageCount: number): Promise<Buffer> {
	const document = await PDFDocument.create({ updateMetadata: false });
	for (let page = 1; page <= pageCount; page++) {
		const image = await document.embedPng(files.png(30 + page, 20));
		document.addPage([image.width, image.height]).drawImage(image, { x: 0, y: 0, width: image.width, height: image.height });
	}
	return Buffer.from(await document.save({ useObjectStreams: true }));
}

/**
 * A PDF 1.5 file as qpdf writes one (qpdf itself is not used: no system programs): the page tree in a
 * compressed object stream, the index in an xref stream with the PNG Up predictor.
 */
export function predictorPdf(): Buffer {
	const inStream = [
		'<</Type /Catalog /Pages 2 0 R>>',
		'<</Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 200 150]>>',
		'<</Type /Page /Parent 2 0 R /Contents 6 0 R>>',
		'<</Type /Page /Parent 2 0 R /Contents 6 0 R /Rotate 90>>',
	];
	let header = '';
	let body = '';
	inStream.forEach((object, index) => {
		header += `${index + 1} ${body.length} `;
		body += `${object}\n`;
	});
	const objectStream = zlib.deflateSync(Buffer.from(header + body, 'latin1'));
	const content = zlib.deflateSync(Buffer.from('q 0 0 1 rg 10 10 50 50 re f Q'));
	let text = '%PDF-1.5\n%\xe2\xe3\xcf\xd3\n';
	const offsets: number[] = [];
	offsets[5] = text.length;
	text += `5 0 obj\n<</Type /ObjStm /N 4 /First ${header.length} /Filter /FlateDecode /Length ${objectStream.length}>>\nstream\n${objectStream.toString('latin1')}\nendstream\nendobj\n`;
	offsets[6] = text.length;
	text += `6 0 obj\n<</Filter /FlateDecode /Length ${content.length}>>\nstream\n${content.toString('latin1')}\nendstream\nendobj\n`;
	const xrefAt = text.length;
	// Rows of /W [1 2 1] for objects 0..7, PNG Up predictor (filter byte 2 before each row).
	const rows: number[][] = [
		[0, 0, 0, 255],
		[2, 0, 5, 0],
		[2, 0, 5, 1],
		[2, 0, 5, 2],
		[2, 0, 5, 3],
		[1, offsets[5] >> 8, offsets[5] & 255, 0],
		[1, offsets[6] >> 8, offsets[6] & 255, 0],
		[1, xrefAt >> 8, xrefAt & 255, 0],
	];
	const predicted: number[] = [];
	rows.forEach((row, index) => {
		const above = index === 0 ? [0, 0, 0, 0] : rows[index - 1];
		predicted.push(2, ...row.map((value, column) => (value - above[column] + 256) & 255));
	});
	const xrefData = zlib.deflateSync(Buffer.from(predicted));
	text += `7 0 obj\n<</Type /XRef /Size 8 /W [1 2 1] /Root 1 0 R /Filter /FlateDecode /DecodeParms <</Predictor 12 /Columns 4>> /Length ${xrefData.length}>>\nstream\n${xrefData.toString('latin1')}\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`;
	return Buffer.from(text, 'latin1');
}

async function pdfSeeds(): Promise<Seed[]> {
	const pdf = (name: string, bytes: Buffer): Seed => ({ kind: 'pdf', name, bytes });
	return [
		pdf('pdf-lib classic xref', await pdfLibDocument(3, false, { updateMetadata: false })),
		pdf('pdf-lib object streams', await pdfLibDocument(3, true, { updateMetadata: false })),
		pdf('pdf-lib scanned pages', await scanPdf(2)),
		pdf('nested page tree', nestedTreePdf().bytes),
		pdf('incremental update', incrementalUpdatePdf().bytes),
		pdf('hybrid reference', hybridReferencePdf().bytes),
		pdf('xref stream with predictor', predictorPdf()),
		pdf('examples/images/scanned-statement.pdf', readFileSync(join(EXAMPLES, 'scanned-statement.pdf'))),
	];
}

/** An OFD document with `pageCount` pages, as GB/T 33190 lays it out. */
export function ofdEntries(pageCount: number, prefix = 'ofd:'): OfdEntry[] {
	const pages = Array.from({ length: pageCount }, (_, index) => `<${prefix}Page ID="${index + 10}" BaseLoc="Pages/Page_${index}/Content.xml"/>`).join('');
	return [
		{
			name: 'OFD.xml',
			text: `<?xml version="1.0" encoding="UTF-8"?><${prefix}OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.1"><${prefix}DocBody><${prefix}DocInfo><${prefix}DocID>a1</${prefix}DocID></${prefix}DocInfo><${prefix}DocRoot>Doc_0/Document.xml</${prefix}DocRoot></${prefix}DocBody></${prefix}OFD>`,
		},
		{
			name: 'Doc_0/Document.xml',
			text: `<?xml version="1.0" encoding="UTF-8"?><${prefix}Document xmlns:ofd="http://www.ofdspec.org/2016"><${prefix}CommonData><${prefix}MaxUnitID>99</${prefix}MaxUnitID></${prefix}CommonData><${prefix}Pages>${pages}</${prefix}Pages></${prefix}Document>`,
		},
		...Array.from({ length: pageCount }, (_, index) => ({
			name: `Doc_0/Pages/Page_${index}/Content.xml`,
			text: `<${prefix}Page xmlns:ofd="http://www.ofdspec.org/2016"><${prefix}Content><${prefix}Layer ID="${index + 50}"/></${prefix}Content></${prefix}Page>`,
		})),
	];
}

export interface ZipWriteEntry {
	name: string;
	data: Buffer;
	deflate?: boolean;
}

/** A ZIP archive with stored or deflated entries and a central directory. */
export function writeZip(entries: ZipWriteEntry[]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, 'utf8');
		const stored = entry.deflate ? zlib.deflateRawSync(entry.data) : entry.data;
		const method = entry.deflate ? 8 : 0;
		const crc = files.crc32(entry.data);
		const common = Buffer.alloc(26);
		common.writeUInt16LE(20, 0);
		common.writeUInt16LE(0, 2);
		common.writeUInt16LE(method, 4);
		common.writeUInt32LE(0, 6);
		common.writeUInt32LE(crc, 10);
		common.writeUInt32LE(stored.length, 14);
		common.writeUInt32LE(entry.data.length, 18);
		common.writeUInt16LE(name.length, 22);
		common.writeUInt16LE(0, 24);
		locals.push(files.u32le(0x04034b50), common, name, stored);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		common.copy(central, 6);
		central.writeUInt32LE(offset, 42);
		centrals.push(central, name);
		offset += 4 + common.length + name.length + stored.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

export function packOfd(entries: OfdEntry[], deflate: boolean): Buffer {
	return writeZip(entries.map((entry) => ({ name: entry.name, data: Buffer.from(entry.text, 'utf8'), deflate })));
}

function ofdSeeds(): Seed[] {
	const seed = (name: string, entries: OfdEntry[], deflate: boolean): Seed => ({ kind: 'ofd', name, bytes: packOfd(entries, deflate), entries });
	return [
		seed('OFD 3 pages, deflated', ofdEntries(3), true),
		seed('OFD 2 pages, stored', ofdEntries(2), false),
		seed('OFD 1 page, no prefix', ofdEntries(1, ''), true),
		{ kind: 'ofd', name: 'OFD detection fixture', bytes: files.ofd(), entries: undefined },
	];
}

function zipSeeds(): Seed[] {
	const text = Buffer.from('<Types><Default Extension="xml"/></Types>'.repeat(20));
	return [
		{ kind: 'zip', name: 'zip stored and deflated', bytes: writeZip([{ name: 'a.xml', data: text }, { name: 'b.xml', data: text, deflate: true }]) },
		{ kind: 'zip', name: 'zip with data descriptor', bytes: files.zip([{ name: 'x.txt', data: Buffer.from('hello'), dataDescriptor: true }, { name: 'y.txt', data: Buffer.from('world') }]) },
	];
}

/** Bytes that compress somewhat (dynamic Huffman blocks with back references). */
function mixedBytes(length: number): Buffer {
	const rng = new Rng(17);
	const words = ['q ', 'Q ', '0 0 1 rg ', 're f ', 'BT ', 'ET ', '/F1 12 Tf ', '(Hello) Tj '];
	let text = '';
	while (text.length < length) text += rng.chance(0.2) ? String(rng.below(1000)) + ' ' : rng.pick(words);
	return Buffer.from(text.slice(0, length), 'latin1');
}

function deflateSeeds(): Seed[] {
	const mixed = mixedBytes(20_000);
	const seed = (name: string, bytes: Buffer, deflateFormat: 'zlib' | 'raw'): Seed => ({ kind: 'deflate', name, bytes, deflateFormat });
	return [
		seed('zlib dynamic Huffman', zlib.deflateSync(mixed), 'zlib'),
		seed('raw dynamic Huffman', zlib.deflateRawSync(mixed), 'raw'),
		seed('zlib fixed Huffman', zlib.deflateSync(mixed.subarray(0, 2000), { strategy: zlib.constants.Z_FIXED }), 'zlib'),
		seed('zlib stored blocks', zlib.deflateSync(mixed.subarray(0, 3000), { level: 0 }), 'zlib'),
		seed('zlib 1 MB of zeros', zlib.deflateSync(Buffer.alloc(1024 * 1024)), 'zlib'),
	];
}

function imageSeeds(): Seed[] {
	const image = (name: string, bytes: Buffer): Seed => ({ kind: 'image', name, bytes });
	const examples = ['handwritten-note.png', 'table.png', 'web-banner.png'].map((file) => image(`examples/images/${file}`, readFileSync(join(EXAMPLES, file))));
	return [
		image('png 40x30', files.png(40, 30)),
		image('png header only', files.png(9000, 7000, { headerOnly: true })),
		image('jpeg baseline', files.jpeg(640, 480, { appSegments: 3, dhtBeforeFrame: true })),
		image('jpeg progressive with fill bytes', files.jpeg(800, 600, { sof: 0xc2, fillBytes: 2 })),
		image('jpeg padded', files.paddedJpeg(1200, 900, 4000)),
		image('gif', files.gif(320, 200)),
		image('bmp', files.bmp(16, 8)),
		image('bmp core header', files.bmp(16, 8, { core: true })),
		image('tiff II short', files.tiff(300, 200, 'II', 'short')),
		image('tiff MM long', files.tiff(300, 200, 'MM', 'long')),
		image('webp VP8', files.webpVp8(320, 240)),
		image('webp VP8L', files.webpVp8l(320, 240)),
		image('webp VP8X', files.webpVp8x(320, 240)),
		image('pcx', files.pcx(64, 32)),
		image('ico', files.ico([{ width: 16, height: 16 }, { width: 256, height: 256 }])),
		image('psd', files.psd(100, 50)),
		...examples,
	];
}
