/**
 * Multi-page PDFs as the service treats them: the page a request names must exist, and with
 * recognition on, the page is read from the scan embedded in it (a JPEG, or 8-bit Flate pixels).
 * Test code: pdf-lib and zlib are fine here.
 */
import { inflateSync } from 'node:zlib';

import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFPage } from 'pdf-lib';

import { errors } from '../errors';
import { encodeRgbPng } from '../recognition/bitmap';

/** Request fields that name the page, per operation (`pdf_page_number` or `page_num`). */
const PAGE_FIELDS = ['pdf_page_number', 'page_num'];

export interface PdfPage {
	pageCount: number;
	/** The page the request asks for, 1-based. */
	pageNumber: number;
	/** The page's scan, when it carries one we can decode. */
	image?: { bytes: Buffer; format: 'jpeg' | 'png' };
}

export function requestedPage(options: Record<string, unknown>): number {
	for (const field of PAGE_FIELDS) {
		if (typeof options[field] === 'number') return options[field];
	}
	return 1;
}

/** The requested page of the PDF, or Huawei's errors: unreadable file (AIS.0102), no such page (AIS.0101). */
export async function readPdfPage(bytes: Buffer, options: Record<string, unknown>): Promise<PdfPage> {
	let document: PDFDocument;
	let pageCount: number;
	try {
		document = await PDFDocument.load(bytes, { updateMetadata: false });
		pageCount = document.getPageCount();
	} catch {
		throw errors.unsupportedFormat('unreadable-pdf');
	}
	if (pageCount === 0) throw errors.unsupportedFormat('pdf-without-pages');
	const pageNumber = requestedPage(options);
	if (pageNumber > pageCount) throw errors.invalidParameter(`pdf-page-${pageNumber}-beyond-${pageCount}`);
	return { pageCount, pageNumber, image: pageImage(document.getPage(pageNumber - 1)) };
}

function pageImage(page: PDFPage): PdfPage['image'] {
	const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
	if (!xObjects) return undefined;
	for (const key of xObjects.keys()) {
		const stream = xObjects.lookup(key);
		if (!(stream instanceof PDFRawStream)) continue;
		if (stream.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
		const image = decodeImage(stream);
		if (image) return image;
	}
	return undefined;
}

function decodeImage(stream: PDFRawStream): PdfPage['image'] {
	const dict: PDFDict = stream.dict;
	const filter = dict.get(PDFName.of('Filter'));
	const bytes = Buffer.from(stream.contents);
	if (filter === PDFName.of('DCTDecode')) return { bytes, format: 'jpeg' };
	if (filter !== PDFName.of('FlateDecode')) return undefined;
	const number = (name: string) => {
		const value = dict.get(PDFName.of(name));
		return value instanceof PDFNumber ? value.asNumber() : undefined;
	};
	const width = number('Width');
	const height = number('Height');
	const space = dict.get(PDFName.of('ColorSpace'));
	const channels = space === PDFName.of('DeviceRGB') ? 3 : space === PDFName.of('DeviceGray') ? 1 : undefined;
	if (!width || !height || channels === undefined || number('BitsPerComponent') !== 8) return undefined;
	const pixels = inflateSync(bytes);
	if (pixels.length < width * height * channels) return undefined;
	return { bytes: encodeRgbPng({ width, height, channels, pixels }), format: 'png' };
}
