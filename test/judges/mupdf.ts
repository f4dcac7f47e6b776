/**
 * MuPDF as the independent judge of our PDFs: it counts pages, renders them and writes real PNG/JPEG
 * encoder output (see test/mupdf/client.ts for how it runs under jest).
 */
import { callMupdf } from '../mupdf/client';

/** MuPDF's page count, and whether it had to repair the file (a broken cross-reference) to read it. */
export function mupdfPageCount(pdf: Buffer): Promise<{ pages: number; repaired: boolean }> {
	return callMupdf('pageCount', { pdf: new Uint8Array(pdf) });
}

/** The RGB pixels of one page (1-based) at `dpi`: every drawn pixel, for comparing two renderings. */
export async function mupdfRender(pdf: Buffer, page: number, dpi = 24): Promise<{ width: number; height: number; pixels: Buffer }> {
	const { width, height, pixels } = await callMupdf<{ width: number; height: number; pixels: Uint8Array }>('render', { pdf: new Uint8Array(pdf), page, dpi });
	return { width, height, pixels: Buffer.from(pixels) };
}

/**
 * One page (1-based) rendered and written by a real encoder: MuPDF's PNG writer, libjpeg (baseline)
 * or mozjpeg (progressive).
 */
export async function mupdfPageImage(pdf: Buffer, page: number, format: 'png' | 'jpeg' | 'progressive', dpi: number): Promise<Buffer> {
	const { bytes } = await callMupdf<{ bytes: Uint8Array }>('encode', { pdf: new Uint8Array(pdf), page, dpi, format });
	return Buffer.from(bytes);
}
