/**
 * Whole-document support: PDF page count and single-page extraction, OFD page count, inflate.
 * No runtime dependencies and no zlib (n8n's verification forbids both).
 */

export interface PdfDocument {
	readonly pageCount: number;
}

/** A user-facing problem with a document: what is wrong and what to do. */
export class DocumentProblem extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DocumentProblem';
	}
}

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

/** zlib-wrapped or raw deflate. */
export function inflate(_data: Uint8Array, _options?: { maxOutputLength?: number }): Buffer {
	throw new Error('not implemented yet');
}
