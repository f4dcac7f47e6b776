/**
 * Files crafted the way an attacker would (issue 17): each one must end quickly as a result or as the
 * reader's own DocumentProblem, never another exception, a hang or an out-of-memory crash. And odd
 * but valid page trees must give the pages qpdf gives.
 */
import * as zlib from '../../nodejs/zlib.cjs';

import { extractPage, inflate, ofdPageCount, openPdf } from '../../../nodes/HuaweiCloudOcr/document';
import { PdfFile } from '../../../nodes/HuaweiCloudOcr/document/pdf/file';
import { applyPredictor } from '../../../nodes/HuaweiCloudOcr/document/pdf/filters';
import { PdfSyntaxError } from '../../../nodes/HuaweiCloudOcr/document/pdf/lexer';
import type { PdfValue } from '../../../nodes/HuaweiCloudOcr/document/pdf/objects';
import { decodedBytesAllowed, MAX_SPLIT_PDF_BYTES } from '../../../nodes/HuaweiCloudOcr/document/budget';
import { problemOf } from './documentProblem';
import { deflatedZip, ofdPackage, simplePages, streamBody, tablePdf, xrefStreamPdf } from './hostileFiles';
import type { ObjectBody } from './hostileFiles';

/** Xref stream rows of /W [1 4 1] for objects 0..size-1: offsets for ordinary objects, `compressed` for objects in a stream. */
function xrefRows(size: number, offsets: Map<number, number>, compressed: Map<number, [number, number]> = new Map()): Buffer {
	const rows = Buffer.alloc(size * 6);
	for (let num = 0; num < size; num++) {
		const at = num * 6;
		const inStream = compressed.get(num);
		const offset = offsets.get(num);
		if (inStream) {
			rows[at] = 2;
			rows.writeUInt32BE(inStream[0], at + 1);
			rows[at + 5] = inStream[1];
		} else if (offset !== undefined) {
			rows[at] = 1;
			rows.writeUInt32BE(offset, at + 1);
		}
	}
	return rows;
}

/** Catalog 1, page tree 2, page 3 inside object stream 4 (its header and dictionary given), xref stream 5. */
function pageInObjectStream(objectStreamDict: string, header = '3 0 '): Buffer {
	const page = '<</Type /Page /Parent 2 0 R /MediaBox [0 0 100 100]>>';
	const objects: Array<[number, ObjectBody]> = [
		[1, '<</Type /Catalog /Pages 2 0 R>>'],
		[2, '<</Type /Pages /Kids [3 0 R] /Count 1>>'],
		[4, streamBody(objectStreamDict, `${header}${page}`)],
	];
	return xrefStreamPdf(objects, (offsets) => ({
		num: 5,
		dict: '/Type /XRef /Size 6 /W [1 4 1] /Root 1 0 R',
		rows: xrefRows(6, offsets, new Map([[3, [4, 0]]])),
	}));
}

describe('declared counts are checked against the bytes that can hold them', () => {
	it('an object stream declaring /N 100000000 objects is refused with what is wrong and what to do (it used to exhaust the heap)', () => {
		const bytes = pageInObjectStream('/Type /ObjStm /N 100000000 /First 4');
		const problem = problemOf(() => openPdf(bytes));
		expect(problem.message).toBe(
			'The PDF declares 100000000 objects in an object stream of 57 bytes; the file is damaged or crafted. ' +
				'Re-save it with a PDF tool (for example "Print to PDF") or send the pages as images instead.',
		);
	});

	it('an object stream with the right /N is read', () => {
		expect(openPdf(pageInObjectStream('/Type /ObjStm /N 1 /First 4')).pageCount).toBe(1);
	});

	it('an object stream whose header ends before /N pairs is refused', () => {
		const bytes = pageInObjectStream('/Type /ObjStm /N 2 /First 4');
		expect(problemOf(() => openPdf(bytes)).found).toBe('The PDF declares 2 objects in an object stream of 57 bytes; the file is damaged or crafted');
	});

	it.each([
		['/W [0 0 0] /Size 10000000', '/W [0 0 0] /Size 10000000'],
		['/W [0 0 0] /Index [0 1000000000]', '/W [0 0 0] /Size 3 /Index [0 1000000000]'],
		['/W [1 2 1] /Index [0 1000000000] over 4 bytes', '/W [1 2 1] /Size 3 /Index [0 1000000000]'],
		['/W [1 2 1] /Size 10000000 over 4 bytes', '/W [1 2 1] /Size 10000000'],
		['/W [-1 2 1]', '/W [-1 2 1] /Size 3'],
		['/W [1 2 1] /Index [-5 2]', '/W [1 2 1] /Size 3 /Index [-5 2]'],
	])('an xref stream with %s is not believed: the index is rebuilt by scanning and the pages are read', (_, entries) => {
		const bytes = xrefStreamPdf(simplePages(1), () => ({ num: 9, dict: `/Type /XRef ${entries} /Root 1 0 R`, rows: Buffer.from([1, 0, 9, 0]) }));
		const file = new PdfFile(bytes);
		expect(file.rebuilt).toBe(true);
		expect(openPdf(bytes).pageCount).toBe(1);
	});

	it('an xref table subsection declaring a billion entries is not believed either', () => {
		const good = tablePdf(simplePages(2)).toString('latin1');
		const bytes = Buffer.from(good.replace('xref\n0 1\n', 'xref\n0 1000000000\n'), 'latin1');
		expect(new PdfFile(bytes).rebuilt).toBe(true);
		expect(openPdf(bytes).pageCount).toBe(2);
	});
});

describe('predictors with impossible parameters', () => {
	it.each([
		['/Columns -1', -1, 1, 8],
		['/Columns 0', 0, 1, 8],
		['/Columns 2.5', 2.5, 1, 8],
		['/Colors 0', 4, 0, 8],
		['/BitsPerComponent 3', 4, 1, 3],
	])('%s is the reader\'s own syntax problem, not a RangeError', (_, columns, colors, bits) => {
		const parms = new Map<string, PdfValue>([
			['Predictor', 12],
			['Columns', columns],
			['Colors', colors],
			['BitsPerComponent', bits],
		]);
		expect(() => applyPredictor(Buffer.alloc(20), parms)).toThrow(PdfSyntaxError);
	});

	it('an xref stream with /Columns -1 is rebuilt by scanning, so the file is still read', () => {
		const rows = zlib.deflateSync(Buffer.from([2, 1, 0, 9, 0]));
		const bytes = xrefStreamPdf(simplePages(2), () => ({
			num: 9,
			dict: '/Type /XRef /Size 5 /W [1 2 1] /Root 1 0 R /Filter /FlateDecode /DecodeParms <</Predictor 12 /Columns -1>>',
			rows,
		}));
		expect(openPdf(bytes).pageCount).toBe(2);
	});
});

describe('what the reader cannot recover from is its own problem', () => {
	it('a document whose page tree is empty and whose rebuild finds no catalog is damaged (a PdfSyntaxError escaped before)', () => {
		const padding = `/Padding (${'x'.repeat(600)})`;
		const objects: Array<[number, ObjectBody]> = [[1, '<</Pages 7 0 R>>']];
		const bytes = xrefStreamPdf(objects, (offsets) => ({ num: 2, dict: `${padding} /Type /XRef /Size 3 /W [1 4 1] /Root 1 0 R`, rows: xrefRows(3, offsets) }));
		const problem = problemOf(() => openPdf(bytes));
		expect(problem.found).toBe('The PDF file is damaged and cannot be read (no document catalog found)');
	});
});

describe('damaged compressed data', () => {
	it('an xref stream whose deflate data is cut short is replaced by scanning, so the file is still read', () => {
		const rows = zlib.deflateSync(Buffer.alloc(400, 1)).subarray(0, 6);
		const bytes = xrefStreamPdf(simplePages(3), () => ({ num: 9, dict: '/Type /XRef /Size 10 /W [1 2 1] /Root 1 0 R /Filter /FlateDecode', rows }));
		expect(openPdf(bytes).pageCount).toBe(3);
	});

	it('a page tree node in a damaged object stream: the file is refused, saying the compressed data is damaged', () => {
		const objects: Array<[number, ObjectBody]> = [
			[1, '<</Type /Catalog /Pages 2 0 R>>'],
			[4, streamBody('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', zlib.deflateSync(Buffer.from('2 0 <</Type /Pages /Kids []>>')).subarray(0, 8))],
		];
		const bytes = xrefStreamPdf(objects, (offsets) => ({ num: 5, dict: '/Type /XRef /Size 6 /W [1 4 1] /Root 1 0 R', rows: xrefRows(6, offsets, new Map([[2, [4, 0]]])) }));
		expect(problemOf(() => openPdf(bytes)).found).toMatch(/^Compressed data in the file is damaged/);
	});
});

describe('a decoded-bytes budget per document, tied to the file size', () => {
	it('states the budget: 1 MiB plus 8 times the file size, at most 256 MiB', () => {
		expect(decodedBytesAllowed(0)).toBe(1024 * 1024);
		expect(decodedBytesAllowed(1000)).toBe(1024 * 1024 + 8000);
		expect(decodedBytesAllowed(100 * 1024 * 1024)).toBe(256 * 1024 * 1024);
	});

	it('object streams that together expand past the budget are refused, each one alone within it', () => {
		const fileSizeGuess = 30_000;
		const each = Math.floor(decodedBytesAllowed(fileSizeGuess) / 3) + 1;
		const objects: Array<[number, ObjectBody]> = [
			[1, '<</Type /Catalog /Pages 2 0 R>>'],
			[2, '<</Type /Pages /Kids [10 0 R 11 0 R 12 0 R 13 0 R] /Count 4>>'],
		];
		const compressed = new Map<number, [number, number]>();
		for (let index = 0; index < 4; index++) {
			const page = `10 0 <</Type /Page /Parent 2 0 R /MediaBox [0 0 100 100]>>`.replace('10', String(10 + index));
			const data = Buffer.concat([Buffer.from(page, 'latin1'), Buffer.alloc(each, 0x20)]);
			const header = `${10 + index} 0 `;
			objects.push([20 + index, streamBody(`/Type /ObjStm /N 1 /First ${header.length} /Filter /FlateDecode`, zlib.deflateSync(data, { level: 9 }))]);
			compressed.set(10 + index, [20 + index, 0]);
		}
		const bytes = xrefStreamPdf(objects, (offsets) => ({ num: 30, dict: '/Type /XRef /Size 31 /W [1 4 1] /Root 1 0 R', rows: xrefRows(31, offsets, compressed) }));
		expect(bytes.length).toBeLessThan(fileSizeGuess);
		const problem = problemOf(() => openPdf(bytes));
		expect(problem.found).toBe(
			`The PDF's compressed parts expand to more than ${decodedBytesAllowed(bytes.length)} bytes, the most a ${bytes.length}-byte file is allowed; it is damaged or crafted (a decompression bomb)`,
		);
		expect(problem.fix).toBe('Re-save it with a PDF tool (for example "Print to PDF") or send the pages as images instead.');
	});

	it('a split PDF larger than the input cap is refused before anything is read', () => {
		const bytes = Buffer.alloc(MAX_SPLIT_PDF_BYTES + 1);
		bytes.write('%PDF-1.7\n', 'latin1');
		const problem = problemOf(() => openPdf(bytes));
		expect(problem.message).toBe(
			`The PDF file is ${MAX_SPLIT_PDF_BYTES + 1} bytes, more than the ${MAX_SPLIT_PDF_BYTES} bytes (200 MB) the node reads page by page. ` +
				'Split it into smaller PDFs first (for example with a PDF tool), each under that size.',
		);
	});
});

describe('a work budget: reading costs at most a fixed multiple of the file size', () => {
	it('thousands of objects that each start an unterminated string (each read to the end of the file) are refused', () => {
		const count = 4000;
		const objects: Array<[number, ObjectBody]> = [
			[1, '<</Type /Catalog /Pages 2 0 R>>'],
			[2, `<</Type /Pages /Kids [${Array.from({ length: count }, (_, index) => `${10 + index} 0 R`).join(' ')}]>>`],
		];
		for (let index = 0; index < count; index++) objects.push([10 + index, `(${'x'.repeat(100)}`]);
		const problem = problemOf(() => openPdf(tablePdf(objects)));
		expect(problem.found).toMatch(/^The PDF takes more reading than a \d+-byte file can need \(its structure makes the reader go over the same bytes again and again\); it is damaged or crafted$/);
	});

	it('a chain of streams whose /Length is the next stream ends as a result, not a stack overflow', () => {
		const count = 20_000;
		const objects: Array<[number, ObjectBody]> = [
			[1, '<</Type /Catalog /Pages 2 0 R>>'],
			[2, '<</Type /Pages /Kids [3 0 R 10 0 R] /Count 2>>'],
			[3, '<</Type /Page /Parent 2 0 R /MediaBox [0 0 100 100]>>'],
		];
		for (let index = 0; index < count; index++) objects.push([10 + index, `<</Type /Page /Length ${11 + index} 0 R>>\nstream\nab\nendstream`]);
		const outcome = openPdf(tablePdf(objects));
		expect(outcome.pageCount).toBe(2);
	});

	it('a deeply nested array is the reader\'s own problem', () => {
		const objects: Array<[number, ObjectBody]> = [[1, `<</Type /Catalog /Pages ${'['.repeat(100_000)}>>`]];
		expect(problemOf(() => openPdf(tablePdf(objects))).found).toMatch(/^The PDF file (is damaged|has no pages)/);
	});
});

describe('page trees as real producers write them (qpdf is the reference)', () => {
	it('a page referenced twice in /Kids is two pages, so later pages do not shift', () => {
		const objects: Array<[number, ObjectBody]> = [
			[1, '<</Type /Catalog /Pages 2 0 R>>'],
			[2, '<</Type /Pages /Kids [3 0 R 4 0 R 3 0 R 5 0 R] /Count 4 /MediaBox [0 0 200 200]>>'],
			[3, '<</Type /Page /Parent 2 0 R /Rotate 90>>'],
			[4, '<</Type /Page /Parent 2 0 R /Rotate 180>>'],
			[5, '<</Type /Page /Parent 2 0 R /Rotate 270>>'],
		];
		const pdf = openPdf(tablePdf(objects));
		expect(pdf.pageCount).toBe(4);
		const rotations = [0, 1, 2, 3].map((page) => /\/Rotate (\d+)/.exec(extractPage(pdf, page).toBuffer().toString('latin1'))?.[1]);
		expect(rotations).toEqual(['90', '180', '90', '270']);
	});

	it('a /Pages node referenced twice is still read once, and a cycle through /Kids stops', () => {
		const objects: Array<[number, ObjectBody]> = [
			[1, '<</Type /Catalog /Pages 2 0 R>>'],
			[2, '<</Type /Pages /Kids [6 0 R 6 0 R 2 0 R] /Count 2 /MediaBox [0 0 200 200]>>'],
			[6, '<</Type /Pages /Kids [3 0 R 4 0 R 2 0 R 6 0 R] /Count 2>>'],
			[3, '<</Type /Page /Parent 6 0 R>>'],
			[4, '<</Type /Page /Parent 6 0 R>>'],
		];
		expect(openPdf(tablePdf(objects)).pageCount).toBe(2);
	});

	it('page dictionaries written inline in /Kids are pages, and split like any other', () => {
		const objects: Array<[number, ObjectBody]> = [
			[1, '<</Type /Catalog /Pages 2 0 R>>'],
			[2, '<</Type /Pages /Kids [<</Type /Page /MediaBox [0 0 123 45]>> 3 0 R] /Count 2 /MediaBox [0 0 200 200]>>'],
			[3, '<</Type /Page /Parent 2 0 R>>'],
		];
		const pdf = openPdf(tablePdf(objects));
		expect(pdf.pageCount).toBe(2);
		const first = extractPage(pdf, 0).toBuffer();
		expect(first.toString('latin1')).toContain('/MediaBox [0 0 123 45]');
		expect(openPdf(first).pageCount).toBe(1);
		expect(openPdf(extractPage(pdf, 1).toBuffer()).pageCount).toBe(1);
	});

	it('one stray token in the catalog (/X 1 0 R 0 R) does not lose the document', () => {
		const objects = simplePages(3);
		objects[0] = [1, '<</Type /Catalog /X 1 0 R 0 R /Pages 2 0 R>>'];
		expect(openPdf(tablePdf(objects)).pageCount).toBe(3);
	});

	it('stray tokens in arrays and dictionaries are dropped, not fatal', () => {
		const objects = simplePages(2);
		objects[1] = [2, '<</Type /Pages 7 /Kids [3 0 R junk 4 0 R R] /Count 2 /MediaBox [0 0 200 200]>>'];
		expect(openPdf(tablePdf(objects)).pageCount).toBe(2);
	});
});

describe('OFD: the package XML is scanned, not matched with backtracking regular expressions', () => {
	const DOCUMENT = '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/><ofd:Page ID="2" BaseLoc="Pages/Page_1/Content.xml"/></ofd:Pages></ofd:Document>';
	const ofdXml = (docRoot: string) => `<?xml version="1.0"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>${docRoot}</ofd:DocRoot></ofd:DocBody></ofd:OFD>`;

	it('a DocRoot with whitespace around the path is read', () => {
		expect(ofdPageCount(ofdPackage(ofdXml(`\n   Doc_0/Document.xml \n  `), DOCUMENT))).toBe(2);
	});

	it('a DocRoot followed by thousands of spaces and no closing tag (cubic backtracking before) has no document', () => {
		const bytes = ofdPackage(`<ofd:OFD><ofd:DocRoot>${' '.repeat(5000)}x${' '.repeat(5000)}`, DOCUMENT);
		expect(bytes.length).toBeLessThan(1000);
		expect(problemOf(() => ofdPageCount(bytes)).found).toBe('The OFD file cannot be read: its OFD.xml names no document (no DocRoot)');
	});

	it('64,000 unclosed <ofd:Pages> (22 s before: quadratic backtracking) have no pages', () => {
		const bytes = ofdPackage(ofdXml('Doc_0/Document.xml'), `<ofd:Document>${'<ofd:Pages>'.repeat(64_000)}<ofd:Page ID="1"/>`);
		expect(problemOf(() => ofdPageCount(bytes)).found).toBe('The OFD document has no pages');
	});

	it('no regular expression runs on the package XML (only on the short DocRoot path, if at all)', () => {
		const exec = jest.spyOn(RegExp.prototype, 'exec');
		try {
			const padding = ' '.repeat(3000);
			expect(ofdPageCount(ofdPackage(ofdXml(`${padding}Doc_0/Document.xml${padding}`), DOCUMENT))).toBe(2);
			const longest = Math.max(0, ...exec.mock.calls.map(([input]) => String(input).length));
			expect(longest).toBeLessThan(100);
		} finally {
			exec.mockRestore();
		}
	});

	it('a ZIP directory declaring more entries than the file holds is refused at once', () => {
		const bytes = deflatedZip([{ name: 'OFD.xml', data: Buffer.from(ofdXml('Doc_0/Document.xml')) }], { declaredCount: 65535 });
		expect(problemOf(() => ofdPageCount(bytes)).found).toBe('The OFD file is damaged: its ZIP directory declares 65535 entries, more than the file holds');
	});

	it('a Document.xml that inflates past the decoded-bytes budget is refused as a bomb', () => {
		const bomb = Buffer.concat([Buffer.from('<ofd:Document><ofd:Pages><ofd:Page ID="1"/></ofd:Pages>'), Buffer.alloc(20 * 1024 * 1024, 0x20)]);
		const bytes = ofdPackage(ofdXml('Doc_0/Document.xml'), bomb.toString('latin1'));
		const problem = problemOf(() => ofdPageCount(bytes));
		expect(problem.found).toBe(
			`The OFD file's compressed parts expand to more than ${decodedBytesAllowed(bytes.length)} bytes, the most a ${bytes.length}-byte file is allowed; it is damaged or crafted (a decompression bomb)`,
		);
		expect(problem.fix).toBe('Send the original OFD document as exported by its application.');
	});

	it('elements are matched by local name: Pages is not PagesX, Page is not PageArea', () => {
		const document = '<Document><PagesX><Page/></PagesX><Pages><PageArea/><Page ID="1"/><Page\nID="2"></Page><p:Page/></Pages></Document>';
		expect(ofdPageCount(ofdPackage(ofdXml('Doc_0/Document.xml'), document))).toBe(3);
	});
});

describe('inflate: work linear in its input', () => {
	/** Bits in deflate's order: values LSB first, Huffman codes MSB first. */
	class BitWriter {
		private readonly bytes: number[] = [];
		private bit = 0;

		value(value: number, count: number): void {
			for (let index = 0; index < count; index++) this.push((value >> index) & 1);
		}

		code(code: number, length: number): void {
			for (let index = length - 1; index >= 0; index--) this.push((code >> index) & 1);
		}

		finish(): Buffer {
			return Buffer.from(this.bytes);
		}

		private push(bit: number): void {
			if (this.bit === 0) this.bytes.push(0);
			this.bytes[this.bytes.length - 1] |= bit << this.bit;
			this.bit = (this.bit + 1) % 8;
		}
	}

	/**
	 * Empty dynamic blocks, each with a complete literal code up to 15 bits long (a 32768-entry
	 * table to build) and nothing else: about 22 bytes each.
	 */
	function tableBomb(blocks: number): Buffer {
		const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
		// Code-length code: symbols 0-14 four bits (codes 0-14), 15 and 18 five bits (30, 31).
		const codeLength = (symbol: number): [number, number] => (symbol < 15 ? [symbol, 4] : symbol === 15 ? [30, 5] : [31, 5]);
		const bits = new BitWriter();
		for (let block = 0; block < blocks; block++) {
			bits.value(block === blocks - 1 ? 1 : 0, 1);
			bits.value(2, 2);
			bits.value(0, 5); // 257 literal/length codes
			bits.value(0, 5); // 1 distance code
			bits.value(15, 4); // 19 code-length codes
			for (const symbol of order) bits.value(symbol === 16 || symbol === 17 ? 0 : symbol < 15 ? 4 : 5, 3);
			// Literals 0-13 lengths 2-15, literal 14 length 15, 241 zeros, end-of-block length 1, distance length 1.
			for (const length of [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 15]) bits.code(...codeLength(length));
			bits.code(...codeLength(18));
			bits.value(138 - 11, 7);
			bits.code(...codeLength(18));
			bits.value(103 - 11, 7);
			bits.code(...codeLength(1));
			bits.code(...codeLength(1));
			bits.code(0, 1); // end of block
		}
		return bits.finish();
	}

	it('the crafted stream is valid deflate (zlib reads it as empty)', () => {
		expect(zlib.inflateRawSync(tableBomb(3)).length).toBe(0);
		expect(inflate(tableBomb(3), { format: 'raw' }).length).toBe(0);
	});

	it('thousands of tiny blocks that each build a 32768-entry table are refused as damaged', () => {
		const bytes = tableBomb(4000);
		expect(bytes.length).toBeLessThan(100_000);
		expect(problemOf(() => inflate(bytes, { format: 'raw' })).found).toBe(
			'Compressed data in the file is damaged (it switches Huffman tables far more often than any encoder does)',
		);
	});
});
