/**
 * Multi-page PDFs as the service treats them: the page a request names must exist, and with
 * recognition on, the page is read as the service reads it: the scan on it at its own pixels,
 * whatever filters, predictors, colour space and bit depth its producer wrote (decoded by MuPDF's
 * WebAssembly build), or, for a page of vector text, the page rendered.
 * Test code: pdf-lib is fine here.
 */
import { PDFDocument } from 'pdf-lib';

import { callMupdf } from '../../mupdf/client';
import { errors } from '../errors';

/** Request fields that name the page, per operation (`pdf_page_number` or `page_num`). */
const PAGE_FIELDS = ['pdf_page_number', 'page_num'];

/** Resolution a page without a scan is rendered at: 12-point text is then 25 pixels high. */
export const VECTOR_PAGE_DPI = 150;

export interface PdfPage {
	pageCount: number;
	/** The page the request asks for, 1-based. */
	pageNumber: number;
	/** What recognition reads of the page; read only when asked (it costs a decode or a rendering). */
	image(): Promise<{ bytes: Buffer; format: 'png'; source: 'scan' | 'rendered' }>;
}

export function requestedPage(options: Record<string, unknown>): number {
	for (const field of PAGE_FIELDS) {
		if (typeof options[field] === 'number') return options[field];
	}
	return 1;
}

/** The requested page of the PDF, or Huawei's errors: unreadable file (AIS.0102), no such page (AIS.0101). */
export async function readPdfPage(bytes: Buffer, options: Record<string, unknown>): Promise<PdfPage> {
	let pageCount: number;
	try {
		const document = await PDFDocument.load(bytes, { updateMetadata: false });
		pageCount = document.getPageCount();
	} catch {
		throw errors.unsupportedFormat('unreadable-pdf');
	}
	if (pageCount === 0) throw errors.unsupportedFormat('pdf-without-pages');
	const pageNumber = requestedPage(options);
	if (pageNumber > pageCount) throw errors.invalidParameter(`pdf-page-${pageNumber}-beyond-${pageCount}`);
	return { pageCount, pageNumber, image: () => pageImage(bytes, pageNumber) };
}

async function pageImage(pdf: Buffer, page: number): Promise<{ bytes: Buffer; format: 'png'; source: 'scan' | 'rendered' }> {
	try {
		const read = await callMupdf<{ bytes: Uint8Array; source: 'scan' | 'rendered' }>('pageScan', { pdf: new Uint8Array(pdf), page, dpi: VECTOR_PAGE_DPI });
		return { bytes: Buffer.from(read.bytes), format: 'png', source: read.source };
	} catch {
		throw errors.unsupportedFormat('unreadable-pdf-page');
	}
}
