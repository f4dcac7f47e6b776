import { operationByValue } from '../../../nodes/HuaweiCloudOcr/catalog';
import type { OcrOperation } from '../../../nodes/HuaweiCloudOcr/catalog/types';
import { checkFile, checkPageNumber } from '../../../nodes/HuaweiCloudOcr/input/preflight';
import { InputProblem } from '../../../nodes/HuaweiCloudOcr/input/problem';
import * as make from '../../fixtures/syntheticFiles';

/** A catalog-shaped operation with exactly the limits a test needs. */
function operation(overrides: Partial<OcrOperation> = {}): OcrOperation {
	return {
		...operationByValue('passport'),
		name: 'Passport',
		formats: ['jpeg', 'png', 'bmp', 'tiff'],
		pixels: { minSide: 15, maxSide: 8192 },
		maxBase64Length: 10_000_000,
		options: [],
		...overrides,
	};
}

const withPageSelector = (overrides: Partial<OcrOperation> = {}) =>
	operation({
		name: 'Smart Document Recognizer',
		formats: ['jpeg', 'png', 'bmp', 'tiff', 'pdf'],
		options: [
			{
				name: 'pdfPageNumber',
				field: 'pdf_page_number',
				displayName: 'PDF Page Number',
				description: 'Page to recognize.',
				type: 'number',
				default: 1,
				pageSelector: true,
			},
		],
		...overrides,
	});

function problemOf(result: unknown): InputProblem {
	expect(result).toBeInstanceOf(InputProblem);
	return result as InputProblem;
}

describe('checkFile', () => {
	it('accepts a file within every limit and reports its format and size', () => {
		expect(checkFile(operation(), make.png(800, 600))).toEqual({ format: 'png', width: 800, height: 600 });
	});

	it.each([
		['GIF', make.gif(100, 100), 'The file is a GIF image; Passport accepts JPEG, PNG, BMP or TIFF'],
		['WEBP', make.webpVp8l(100, 100), 'The file is a WEBP image; Passport accepts JPEG, PNG, BMP or TIFF'],
		['PCX', make.pcx(100, 100), 'The file is a PCX image; Passport accepts JPEG, PNG, BMP or TIFF'],
		['ICO', make.ico([{ width: 32, height: 32 }]), 'The file is an ICO icon; Passport accepts JPEG, PNG, BMP or TIFF'],
		['PSD', make.psd(100, 100), 'The file is a PSD (Photoshop) image; Passport accepts JPEG, PNG, BMP or TIFF'],
	])('rejects a %s image the operation does not read', (_name, bytes, message) => {
		const problem = problemOf(checkFile(operation(), bytes));
		expect(problem.message).toBe(message);
		expect(problem.description).toBe('Convert it to JPEG or PNG, for example with the Edit Image node, then try again.');
	});

	it('tells to convert PDF pages to images when the operation reads no PDF', () => {
		const problem = problemOf(checkFile(operation(), make.pdf()));
		expect(problem.message).toBe('The file is a PDF document; Passport accepts JPEG, PNG, BMP or TIFF, not PDF');
		expect(problem.description).toBe(
			'Convert the PDF pages to images first (one image per item), then try again, or choose an operation that reads PDF files.',
		);
	});

	it('rejects OFD for an operation that reads PDF but not OFD', () => {
		const problem = problemOf(checkFile(withPageSelector(), make.ofd()));
		expect(problem.message).toBe(
			'The file is an OFD document; Smart Document Recognizer accepts JPEG, PNG, BMP, TIFF or PDF, not OFD',
		);
	});

	it('rejects an unrecognisable file with its first bytes described', () => {
		const problem = problemOf(checkFile(operation(), Buffer.from('<!DOCTYPE html><html><body>Login</body></html>')));
		expect(problem.message).toBe(
			"The file is not an image or document format the service reads: it starts with 3C 21 44 4F 43 54 59 50 ('<!DOCTYP') — this looks like an HTML page, not an image",
		);
		expect(problem.description).toBe(
			'Passport accepts JPEG, PNG, BMP or TIFF. Check that the previous node passes the file itself: a download that returned an error or login page, or text in place of the file, causes this.',
		);
	});

	it('rejects an empty file', () => {
		expect(problemOf(checkFile(operation(), Buffer.alloc(0))).message).toBe('The file is empty (0 bytes)');
	});

	it('rejects an image whose longest side is too long', () => {
		const problem = problemOf(checkFile(operation(), make.png(9000, 1200, { headerOnly: true })));
		expect(problem.message).toBe('The image is 9000 × 1200 px; Passport accepts sides from 15 to 8192 px');
		expect(problem.description).toBe(
			'Resize it so that its longest side is at most 8192 px, for example with the Edit Image node, then try again.',
		);
	});

	it('rejects an image whose shortest side is too short', () => {
		const problem = problemOf(checkFile(operation({ pixels: { minSide: 100, maxSide: 8192 } }), make.bmp(640, 99)));
		expect(problem.message).toBe('The image is 640 × 99 px; Passport accepts sides from 100 to 8192 px');
		expect(problem.description).toBe(
			'Use a larger or higher-resolution image whose shortest side is at least 100 px, then try again.',
		);
	});

	it('accepts sides exactly at the limits', () => {
		expect(checkFile(operation(), make.tiff(15, 8192, 'MM', 'long'))).toEqual({ format: 'tiff', width: 15, height: 8192 });
	});

	it('rejects more pixels than the operation allows in total', () => {
		const op = operation({ name: 'Web Image', pixels: { minSide: 15, maxSide: 30000, maxTotalPixels: 160_000_000 } });
		const tooMany = problemOf(checkFile(op, make.tiff(16001, 10000, 'II', 'long')));
		expect(tooMany.message).toBe(
			'The image is 16001 × 10000 px (160,010,000 pixels); Web Image accepts at most 160,000,000 pixels in total',
		);
		expect(tooMany.description).toBe('Resize it, for example with the Edit Image node, then try again.');
		expect(checkFile(op, make.tiff(16000, 10000, 'II', 'long'))).toEqual({ format: 'tiff', width: 16000, height: 10000 });
	});

	it('rejects a file whose Base64 would exceed the limit', () => {
		// 7,500,003 bytes → 10,000,004 Base64 characters, just over 10,000,000.
		const big = Buffer.concat([make.png(100, 100), Buffer.alloc(7_500_003 - make.png(100, 100).length)]);
		const problem = problemOf(checkFile(operation(), big));
		expect(problem.message).toBe(
			'The file is 7.5 MB, which is 10 MB as Base64; Passport accepts at most 10 MB of Base64 (a file of about 7.5 MB)',
		);
		expect(problem.description).toBe(
			'Make the file smaller, for example by resizing it or saving it as JPEG with the Edit Image node, then try again.',
		);
		const justFits = Buffer.concat([make.png(100, 100), Buffer.alloc(7_500_000 - make.png(100, 100).length)]);
		expect(checkFile(operation(), justFits)).toEqual({ format: 'png', width: 100, height: 100 });
	});

	it('checks PDF files without a pixel size', () => {
		expect(checkFile(withPageSelector(), make.pdf(), 3)).toEqual({ format: 'pdf', width: undefined, height: undefined });
	});

	it('rejects a page number on an operation without page selection', () => {
		const problem = problemOf(checkFile(operation(), make.png(100, 100), 2));
		expect(problem.message).toBe('Passport does not take a page number; only operations that read PDF files do');
	});

	it('rejects page 2 of an image but allows page 1', () => {
		const problem = problemOf(checkFile(withPageSelector(), make.jpeg(100, 100), 2));
		expect(problem.message).toBe(
			'The file is a JPEG image, which has no page 2; a page number applies only to PDF or OFD files',
		);
		expect(problem.description).toBe('Remove the page number (or set it to 1), or send the PDF file itself.');
		expect(checkFile(withPageSelector(), make.jpeg(100, 100), 1)).toEqual({ format: 'jpeg', width: 100, height: 100 });
	});
});

describe('checkPageNumber', () => {
	it('ignores an unset page number', () => {
		expect(checkPageNumber(operation(), undefined, 'png')).toBeUndefined();
	});

	it.each([0, -1, 1.5])('rejects page %p', (page) => {
		expect(checkPageNumber(withPageSelector(), page, 'pdf')?.message).toBe(
			`The page number is ${page}; pages are counted from 1`,
		);
	});

	it('checks only the operation when the format is unknown (a URL the service downloads)', () => {
		expect(checkPageNumber(withPageSelector(), 4, undefined)).toBeUndefined();
		expect(checkPageNumber(operation(), 4, undefined)?.message).toBe(
			'Passport does not take a page number; only operations that read PDF files do',
		);
	});
});

describe('checkFile: a cut-off image is refused before the call', () => {
	it('a PNG without its IEND chunk', () => {
		const complete = make.png(40, 30);
		const problem = problemOf(checkFile(operation(), complete.subarray(0, complete.length - 12)));
		expect(problem.message).toMatch(/^The PNG image is incomplete: its \d+ bytes end before its end chunk \(IEND\), so it was cut off during download or upload$/);
		expect(problem.description).toMatch(/Send the complete image again/);
	});

	it('a JPEG without its EOI marker', () => {
		const complete = make.jpeg(40, 30);
		const problem = problemOf(checkFile(operation(), complete.subarray(0, complete.length - 2)));
		expect(problem.message).toMatch(/^The JPEG image is incomplete: .*end marker \(EOI, FF D9\)/);
	});

	it('complete images with zero padding after the end are accepted', () => {
		expect(checkFile(operation(), Buffer.concat([make.jpeg(40, 30), Buffer.alloc(64)]))).toEqual({ format: 'jpeg', width: 40, height: 30 });
		expect(checkFile(operation(), make.png(40, 30))).toEqual({ format: 'png', width: 40, height: 30 });
	});
});
