/**
 * What recognition reads of an image file: every format the service accepts is decoded for real
 * (a broken file is Huawei's AIS.0102), then handed to the recognizer as PNG, or as it is where the
 * recognizer reads it directly (PNG, JPEG, BMP). GIF, WebP and ICO are decoded by Skia
 * (@napi-rs/canvas), TIFF by MuPDF's WebAssembly build.
 */
import { callMupdf } from '../../mupdf/client';
import { errors } from '../errors';
import { flattenToPng } from '../recognition/bitmap';

export interface ReadableImage {
	bytes: Buffer;
	format: string;
}

const READ_DIRECTLY = new Set(['png', 'jpeg', 'bmp']);
const SKIA = new Set(['gif', 'webp', 'ico']);
const MUPDF = new Set(['tiff']);

export async function readableImage(bytes: Buffer, format: string): Promise<ReadableImage> {
	if (READ_DIRECTLY.has(format)) return { bytes, format };
	try {
		if (SKIA.has(format)) return { bytes: await flattenToPng(bytes), format: 'png' };
		if (MUPDF.has(format)) {
			const png = await callMupdf<{ bytes: Uint8Array }>('imageToPng', { bytes: new Uint8Array(bytes) });
			return { bytes: Buffer.from(png.bytes), format: 'png' };
		}
	} catch {
		throw errors.unsupportedFormat('unreadable-image');
	}
	// PCX, PSD and OFD: no decoder here; the recognizer passes them on to the sample answer.
	return { bytes, format };
}
