import { base64Length } from '../../HuaweiCloud/base64Field';
import type { FileFormat, OcrOperation } from '../catalog/types';
import {
	formatList,
	formatName,
	formatWithArticle,
	groupedNumber,
	isDocumentFormat,
	megabytes,
} from './describe';
import { isTruncatedImage } from './completeness';
import { describeBytes, detectFormat } from './fileFormat';
import { readPixelSize } from './pixelSize';
import { InputProblem } from './problem';

/** What pre-flight learned about an accepted file. */
export interface AcceptedFile {
	format: FileFormat;
	width?: number;
	height?: number;
}

/** The size check of a file of `byteLength` bytes, on the length of its (padded) Base64. */
export function checkByteLength(op: OcrOperation, byteLength: number): InputProblem | undefined {
	return checkBase64Length(op, base64Length(byteLength), byteLength);
}

/**
 * Every check on a file before it is sent: recognisable format, a format the operation accepts,
 * Base64 size, pixel sides and total pixels, and the page number.
 */
export function checkFile(
	op: OcrOperation,
	bytes: Uint8Array,
	pageNumber?: number,
	/** A PDF is split into pages and each page is checked on its own (see ResolveContext.splitsPdf). */
	splitsPdf = false,
): AcceptedFile | InputProblem {
	const format = detectFormat(bytes);
	if (format === undefined) return unrecognisedFile(op, bytes);
	if (!op.formats.includes(format)) return formatNotAccepted(op, format);
	if (isTruncatedImage(bytes, format)) return truncatedImage(format, bytes.length);

	const sizeProblem =
		splitsPdf && format === 'pdf' ? undefined : checkByteLength(op, bytes.length);
	if (sizeProblem) return sizeProblem;

	const size = readPixelSize(bytes, format);
	if (size) {
		const pixelProblem = checkPixels(op, size.width, size.height);
		if (pixelProblem) return pixelProblem;
	}

	const pageProblem = checkPageNumber(op, pageNumber, format);
	if (pageProblem) return pageProblem;

	return { format, width: size?.width, height: size?.height };
}

export function unrecognisedFile(op: OcrOperation, bytes: Uint8Array): InputProblem {
	const found =
		bytes.length === 0
			? 'The file is empty (0 bytes)'
			: `The file is not an image or document format the service reads: it ${describeBytes(bytes)}`;
	return new InputProblem(
		found,
		`${op.name} accepts ${formatList(op.formats)}. Check that the previous node passes the file itself: ` +
			'a download that returned an error or login page, or text in place of the file, causes this.',
	);
}

const IMAGE_END: Partial<Record<FileFormat, string>> = {
	png: 'its end chunk (IEND)',
	jpeg: 'its end marker (EOI, FF D9)',
};

export function truncatedImage(format: FileFormat, byteLength: number): InputProblem {
	return new InputProblem(
		`The ${formatName(format)} image is incomplete: its ${groupedNumber(byteLength)} bytes end before ${IMAGE_END[format] ?? 'its end'}, so it was cut off during download or upload`,
		'Send the complete image again, for example by downloading it again, then try again.',
	);
}

export function formatNotAccepted(op: OcrOperation, format: FileFormat): InputProblem {
	const accepted = formatList(op.formats);
	if (isDocumentFormat(format)) {
		const name = formatName(format);
		return new InputProblem(
			`The file is ${formatWithArticle(format)}; ${op.name} accepts ${accepted}, not ${name}`,
			`Convert the ${name} pages to images first (one image per item), then try again, ` +
				`or choose an operation that reads ${name} files.`,
		);
	}
	return new InputProblem(
		`The file is ${formatWithArticle(format)}; ${op.name} accepts ${accepted}`,
		'Convert it to JPEG or PNG, for example with the Edit Image node, then try again.',
	);
}

/** `byteLength` is the size of the file the Base64 text encodes. */
export function checkBase64Length(
	op: OcrOperation,
	base64Length: number,
	byteLength: number,
): InputProblem | undefined {
	if (base64Length <= op.maxBase64Length) return undefined;
	const largestFile = Math.floor((op.maxBase64Length / 4) * 3);
	return new InputProblem(
		`The file is ${megabytes(byteLength)}, which is ${megabytes(base64Length)} as Base64; ` +
			`${op.name} accepts at most ${megabytes(op.maxBase64Length)} of Base64 (a file of about ${megabytes(largestFile)})`,
		'Make the file smaller, for example by resizing it or saving it as JPEG with the Edit Image node, then try again.',
	);
}

export function checkPixels(op: OcrOperation, width: number, height: number): InputProblem | undefined {
	const { minSide, maxSide, maxTotalPixels } = op.pixels;
	const found = `The image is ${width} × ${height} px`;
	if (Math.max(width, height) > maxSide) {
		return new InputProblem(
			`${found}; ${op.name} accepts sides from ${minSide} to ${maxSide} px`,
			`Resize it so that its longest side is at most ${maxSide} px, for example with the Edit Image node, then try again.`,
		);
	}
	if (Math.min(width, height) < minSide) {
		return new InputProblem(
			`${found}; ${op.name} accepts sides from ${minSide} to ${maxSide} px`,
			`Use a larger or higher-resolution image whose shortest side is at least ${minSide} px, then try again.`,
		);
	}
	if (maxTotalPixels !== undefined && width * height > maxTotalPixels) {
		return new InputProblem(
			`${found} (${groupedNumber(width * height)} pixels); ${op.name} accepts at most ${groupedNumber(maxTotalPixels)} pixels in total`,
			'Resize it, for example with the Edit Image node, then try again.',
		);
	}
	return undefined;
}

export function acceptsPageNumber(op: OcrOperation): boolean {
	return op.options.some((option) => option.pageSelector === true);
}

/**
 * A page number is allowed only where the operation has a page selector, and only for a PDF/OFD file.
 * Page 1 is what every page selector defaults to, so it is allowed for a single image too
 * (a workflow can then feed images and PDFs through the same node). `format` is undefined for
 * a URL the service downloads itself: then only the operation is checked.
 */
export function checkPageNumber(
	op: OcrOperation,
	pageNumber: number | undefined,
	format: FileFormat | undefined,
): InputProblem | undefined {
	if (pageNumber === undefined) return undefined;
	if (!Number.isInteger(pageNumber) || pageNumber < 1) {
		return new InputProblem(
			`The page number is ${pageNumber}; pages are counted from 1`,
			'Enter a whole number of 1 or more (1 is the first page).',
		);
	}
	if (!acceptsPageNumber(op)) {
		return new InputProblem(
			`${op.name} does not take a page number; only operations that read PDF files do`,
			'Remove the page number, or choose an operation that reads PDF files, such as Smart Document Recognizer.',
		);
	}
	if (format !== undefined && !isDocumentFormat(format) && pageNumber > 1) {
		return new InputProblem(
			`The file is ${formatWithArticle(format)}, which has no page ${pageNumber}; a page number applies only to PDF or OFD files`,
			'Remove the page number (or set it to 1), or send the PDF file itself.',
		);
	}
	return undefined;
}
