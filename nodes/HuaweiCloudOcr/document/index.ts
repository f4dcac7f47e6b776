/**
 * Whole-document support: PDF page count and single-page extraction, OFD page count, inflate.
 * No runtime dependencies and no zlib (n8n's verification forbids both).
 *
 * DocumentProblem (note for callers): `found` is what is wrong, `fix` what to do, `message` both.
 * inflate takes an extra optional `format: 'zlib' | 'raw'` (default: recognise the zlib header).
 */

export interface PdfDocument {
	readonly pageCount: number;
}

export { DocumentProblem } from './problem';
export { inflate } from './inflate';
export type { InflateOptions } from './inflate';

export function openPdf(_bytes: Buffer): PdfDocument {
	throw new Error('not implemented yet');
}

/** 0-based page index; returns a single-page PDF. */
export function extractPage(_doc: PdfDocument, _pageIndex: number): Buffer {
	throw new Error('not implemented yet');
}

export function ofdPageCount(_bytes: Buffer): number {
	throw new Error('not implemented yet');
}
