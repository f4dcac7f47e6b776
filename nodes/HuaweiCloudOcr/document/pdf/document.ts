import { attempt } from '../attempt';
import { MAX_SPLIT_PDF_BYTES } from '../budget';
import { DocumentProblem } from '../problem';
import { PdfFile } from './file';
import { PdfSyntaxError, isWhitespace } from './lexer';
import { type SplitPage, writeSinglePage } from './extract';
import { dictOf, nameOf } from './objects';
import { readPageTree } from './pageTree';
import type { PageTree } from './pageTree';

export interface PdfDocument {
	readonly pageCount: number;
}

/** What openPdf hands out: the file's index and page tree, nothing copied. */
class OpenPdf implements PdfDocument {
	constructor(
		readonly file: PdfFile,
		readonly tree: PageTree,
		readonly version: string,
	) {}

	get pageCount(): number {
		return this.tree.pages.length;
	}
}

/** %%EOF may be followed by a little data; a file cut off in transfer lacks it. */
const EOF_SEARCH_BYTES = 1024;
const HEADER_SEARCH_BYTES = 1024;

const SEND_AGAIN = 'Send the complete original file again; if it opens in a PDF viewer, re-save it with "Print to PDF" and try again.';

/**
 * Reads the document's structure: the cross-reference index (rebuilt by scanning when broken),
 * the encryption marker and the page tree. Nothing is decoded or copied beyond the objects on
 * the way to the pages.
 *
 * A file over MAX_SPLIT_PDF_BYTES is refused before anything is read; reading the rest is bounded
 * by the file's ReadBudget (../budget.ts).
 *
 * Encrypted PDFs are refused: Huawei's OCR cannot read them either (the strings and streams are
 * encrypted even when no password is needed to open the file), so sending one would only pay for
 * an error. The message says how to remove the encryption.
 */
export function openPdf(bytes: Buffer): PdfDocument {
	return asDocumentProblem(() => readDocument(bytes));
}

/** A syntax error the reader could not recover from (after rebuilding the index) is the user's damaged file. */
function asDocumentProblem<T>(read: () => T): T {
	const outcome = attempt(read);
	if (outcome.ok) return outcome.value;
	throw outcome.error instanceof PdfSyntaxError ? damaged(outcome.error) : outcome.error;
}

function readDocument(bytes: Buffer): PdfDocument {
	if (bytes.length > MAX_SPLIT_PDF_BYTES) {
		throw new DocumentProblem(
			`The PDF file is ${bytes.length} bytes, more than the ${MAX_SPLIT_PDF_BYTES} bytes (${MAX_SPLIT_PDF_BYTES / 1e6} MB) the node reads page by page`,
			'Split it into smaller PDFs first (for example with a PDF tool), each under that size.',
		);
	}
	const header = bytes.toString('latin1', 0, HEADER_SEARCH_BYTES).match(/%PDF-(\d\.\d)/);
	if (!header) {
		throw new DocumentProblem('The file is not a PDF (it has no %PDF- header)', 'Send a PDF file.');
	}
	const end = endWithoutPadding(bytes);
	if (!bytes.toString('latin1', Math.max(0, end - EOF_SEARCH_BYTES), end).includes('%%EOF')) {
		throw new DocumentProblem(
			`The PDF file is incomplete: it does not end with %%EOF (${bytes.length} bytes), so it was probably cut off during download or upload`,
			SEND_AGAIN,
		);
	}
	const file = new PdfFile(bytes);
	if (file.trailer.has('Encrypt')) {
		throw new DocumentProblem(
			'The PDF file is encrypted (password-protected or with usage restrictions), which the OCR service cannot read',
			'Remove the password and encryption, for example by printing it to a new PDF or with "qpdf --decrypt", then try again.',
		);
	}
	const tree = readTreeRebuildingOnce(file);
	if (tree.pages.length === 0) {
		throw new DocumentProblem('The PDF file has no pages (its page tree is empty or damaged)', SEND_AGAIN);
	}
	return new OpenPdf(file, tree, pdfVersion(file, header[1]));
}

/** Where the file ends once trailing NUL and whitespace padding (added by some storage and mail systems) is left out. */
function endWithoutPadding(bytes: Buffer): number {
	let end = bytes.length;
	while (end > 0 && (bytes[end - 1] === 0x00 || isWhitespace(bytes[end - 1]))) end--;
	return end;
}

function damaged(error: PdfSyntaxError): DocumentProblem {
	return new DocumentProblem(`The PDF file is damaged and cannot be read (${error.message})`, SEND_AGAIN);
}

/** An index that points at the wrong bytes can still yield a page tree that is empty; rebuild and look again. */
function readTreeRebuildingOnce(file: PdfFile): PageTree {
	const tree = readPageTree(file);
	if (tree.pages.length > 0 || !file.rebuild()) return tree;
	return readPageTree(file);
}

/** The catalog's /Version overrides the header when it is later (ISO 32000 §7.7.2). */
function pdfVersion(file: PdfFile, header: string): string {
	const named = nameOf(dictOf(file.resolve(file.trailer.get('Root')))?.get('Version')) ?? '';
	return /^\d\.\d$/.test(named) && named > header ? named : header;
}

/** A new single-page PDF holding page `pageIndex` (0-based) and everything it uses. */
export function extractPage(doc: PdfDocument, pageIndex: number): SplitPage {
	if (!(doc instanceof OpenPdf)) throw new TypeError('extractPage needs a document from openPdf');
	const page = doc.tree.pages[pageIndex];
	if (!Number.isInteger(pageIndex) || !page) {
		throw new RangeError(`page index ${pageIndex} is outside 0..${doc.pageCount - 1}`);
	}
	return asDocumentProblem(() => writeSinglePage(doc.file, doc.tree, page, doc.version));
}
