// MuPDF's official WebAssembly build (npm `mupdf`, ESM with top-level await) in a worker thread, so
// jest's CommonJS tests and the emulator can use it without a program from the system (client.ts).
// Messages: { id, op, ...arguments }; replies: { id, result } or { id, error }.
import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const mupdf = await import('mupdf');
const require = createRequire(import.meta.url);

let progressiveEncoder;
async function progressiveJpeg(pixmap) {
	if (!progressiveEncoder) {
		// mozjpeg (Squoosh's WebAssembly build), progressive by default: MuPDF writes baseline JPEGs only.
		const encoder = await import('@jsquash/jpeg/encode.js');
		await encoder.init(new WebAssembly.Module(readFileSync(require.resolve('@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm'))));
		progressiveEncoder = encoder.default;
	}
	const rgb = pixmap.getPixels();
	const data = new Uint8ClampedArray((rgb.length / 3) * 4);
	for (let source = 0, target = 0; source < rgb.length; source += 3, target += 4) {
		data[target] = rgb[source];
		data[target + 1] = rgb[source + 1];
		data[target + 2] = rgb[source + 2];
		data[target + 3] = 255;
	}
	return new Uint8Array(await progressiveEncoder({ data, width: pixmap.getWidth(), height: pixmap.getHeight() }, { quality: 75, progressive: true }));
}

function open(bytes) {
	return mupdf.Document.openDocument(bytes, 'application/pdf');
}

function renderPixmap(document, pageNumber, dpi) {
	const page = document.loadPage(pageNumber - 1);
	return page.toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceRGB, false, true);
}

/** RGB(A) or any colour space (gray, CMYK, indexed, ICC) to 8-bit RGB without alpha, then PNG. */
function rgbPng(pixmap) {
	const colorSpace = pixmap.getColorSpace();
	const rgb = colorSpace && colorSpace.isRGB() && !pixmap.getAlpha() ? pixmap : pixmap.convertToColorSpace(mupdf.ColorSpace.DeviceRGB, false);
	return rgb.asPNG();
}

/** The largest image drawn on the page (a scan), decoded at its own resolution, whatever its filters. */
function largestImage(page) {
	let largest;
	page.toStructuredText('preserve-images').walk({
		onImageBlock(_bbox, _transform, image) {
			if (!largest || image.getWidth() * image.getHeight() > largest.getWidth() * largest.getHeight()) largest = image;
		},
	});
	return largest;
}

const operations = {
	/**
	 * What the OCR service reads of one page (1-based): the scan on it at its own pixels when it
	 * carries one, else the page rendered at `dpi` (vector text), as PNG.
	 */
	pageScan({ pdf, page, dpi }) {
		const loaded = open(pdf).loadPage(page - 1);
		const scan = largestImage(loaded);
		if (scan) return { bytes: rgbPng(scan.toPixmap()), source: 'scan' };
		const pixmap = loaded.toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceRGB, false, true);
		return { bytes: pixmap.asPNG(), source: 'rendered' };
	},
	/** An image file MuPDF reads (TIFF, GIF, PSD, JPEG 2000 …) as PNG; its first frame or page. */
	imageToPng({ bytes }) {
		return { bytes: rgbPng(new mupdf.Image(bytes).toPixmap()) };
	},
	pageCount({ pdf }) {
		const document = open(pdf);
		return { pages: document.countPages(), repaired: document.asPDF()?.wasRepaired() ?? false };
	},
	render({ pdf, page, dpi }) {
		const document = open(pdf);
		const pixmap = renderPixmap(document, page, dpi);
		return { width: pixmap.getWidth(), height: pixmap.getHeight(), pixels: new Uint8Array(pixmap.getPixels()) };
	},
	async encode({ pdf, page, dpi, format }) {
		const document = open(pdf);
		const pixmap = renderPixmap(document, page, dpi);
		if (format === 'png') return { bytes: pixmap.asPNG() };
		if (format === 'jpeg') return { bytes: pixmap.asJPEG(75) };
		return { bytes: await progressiveJpeg(pixmap) };
	},
};

parentPort.on('message', async ({ id, op, ...args }) => {
	try {
		parentPort.postMessage({ id, result: await operations[op](args) });
	} catch (error) {
		parentPort.postMessage({ id, error: String(error?.message ?? error) });
	}
});
