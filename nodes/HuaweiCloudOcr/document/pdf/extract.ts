import { PdfName, PdfRef, PdfStream, dictOf } from './objects';
import type { PdfDict, PdfValue } from './objects';
import type { PdfFile } from './file';
import type { PageEntry, PageTree } from './pageTree';
import { INHERITABLE } from './pageTree';
import { serialize } from './serialize';

/** US Letter: the default when no page or ancestor has a /MediaBox (a required attribute). */
const DEFAULT_MEDIA_BOX: PdfValue = [0, 0, 612, 792];
const CATALOG = 1;
const PAGES = 2;
const PAGE = 3;
/** Stands for the new /Pages root; compared by identity, so no source reference can be taken for it. */
const NEW_PAGES_ROOT = new PdfRef(PAGES, 0);

/**
 * Writes one page as a new PDF: a catalog, a /Pages root with one kid, the page with its inherited
 * attributes written onto it, and every object it references transitively, renumbered from 4.
 * References to the page tree and to other pages (from /Parent, annotations' /P, destinations,
 * article beads) are written as null, so the copy never drags in the rest of the document.
 * Streams are copied byte for byte with their filters; objects from object streams become
 * ordinary objects; the cross-reference table is a classic one.
 */
export function writeSinglePage(file: PdfFile, tree: PageTree, page: PageEntry, version: string): SplitPage {
	const numbers = new Map<number, number>();
	const queue: PdfRef[] = [];
	const reference = (ref: PdfRef): number | null => {
		if (ref.num === page.ref?.num) return PAGE;
		if (tree.pageNumbers.has(ref.num) || tree.nodes.has(ref.num)) return null;
		let num = numbers.get(ref.num);
		if (num === undefined) {
			num = PAGE + 1 + queue.length;
			numbers.set(ref.num, num);
			queue.push(ref);
		}
		return num;
	};

	const writer = new ObjectWriter(version);
	const catalog = new Map<string, PdfValue>([
		['Type', new PdfName('Catalog')],
		['Pages', NEW_PAGES_ROOT],
	]);
	// Optional content (layers) decides what a viewer shows; without it every layer would show.
	const sourceCatalog = dictOf(file.resolve(file.trailer.get('Root')));
	const optionalContent = sourceCatalog?.get('OCProperties');
	if (optionalContent !== undefined) catalog.set('OCProperties', optionalContent);
	const withNewRoot = (ref: PdfRef) => (ref === NEW_PAGES_ROOT ? PAGES : reference(ref));
	writer.object(CATALOG, serialize(catalog, withNewRoot));
	writer.object(PAGES, `<</Type /Pages /Kids [${PAGE} 0 R] /Count 1>>`);
	writer.object(PAGE, serialize(pageDictionary(page), withNewRoot));
	for (let index = 0; index < queue.length; index++) {
		const value = file.get(queue[index]);
		const num = PAGE + 1 + index;
		if (value instanceof PdfStream) writer.stream(num, value, reference);
		else writer.object(num, serialize(value, reference));
	}
	return writer.finish();
}

/** The page's own entries, its inherited attributes, /Type /Page and /Parent pointing at the new root. */
function pageDictionary(page: PageEntry): PdfDict {
	const dict: PdfDict = new Map();
	for (const [key, value] of page.dict) if (key !== 'Parent') dict.set(key, value);
	for (const key of INHERITABLE) {
		const inherited = page.inherited.get(key);
		if (!dict.has(key) && inherited !== undefined) dict.set(key, inherited);
	}
	if (!dict.has('MediaBox')) dict.set('MediaBox', DEFAULT_MEDIA_BOX);
	dict.set('Type', new PdfName('Page'));
	dict.set('Parent', NEW_PAGES_ROOT);
	return dict;
}

/**
 * A single-page PDF as the chunks it was written in: the streams are views of the original file, so
 * a page is never copied; it is Base64-encoded from the chunks straight into the request body.
 */
export class SplitPage {
	constructor(
		readonly chunks: readonly Buffer[],
		readonly byteLength: number,
	) {}

	/** The page as one buffer (a copy). */
	toBuffer(): Buffer {
		return Buffer.concat(this.chunks, this.byteLength);
	}
}

class ObjectWriter {
	private readonly chunks: Buffer[] = [];
	private length = 0;
	private readonly offsets: number[] = [];

	constructor(version: string) {
		// The binary comment line tells transfer tools the file is binary.
		this.push(Buffer.from(`%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`, 'latin1'));
	}

	object(num: number, body: string): void {
		this.offsets[num] = this.length;
		this.push(Buffer.from(`${num} 0 obj\n${body}\nendobj\n`, 'latin1'));
	}

	stream(num: number, stream: PdfStream, reference: (ref: PdfRef) => number | null): void {
		const dict = new Map(stream.dict);
		dict.set('Length', stream.data.length);
		this.offsets[num] = this.length;
		this.push(Buffer.from(`${num} 0 obj\n${serialize(dict, reference)}\nstream\n`, 'latin1'));
		this.push(stream.data);
		this.push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
	}

	finish(): SplitPage {
		const size = this.offsets.length;
		const start = this.length;
		const rows = ['xref', `0 ${size}`, '0000000000 65535 f\r'];
		for (let num = 1; num < size; num++) rows.push(`${String(this.offsets[num]).padStart(10, '0')} 00000 n\r`);
		rows.push('trailer', `<</Size ${size} /Root ${CATALOG} 0 R>>`, 'startxref', String(start), '%%EOF', '');
		this.push(Buffer.from(rows.join('\n'), 'latin1'));
		return new SplitPage(this.chunks, this.length);
	}

	private push(chunk: Buffer): void {
		this.chunks.push(chunk);
		this.length += chunk.length;
	}
}
