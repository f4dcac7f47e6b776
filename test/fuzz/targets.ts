/**
 * Every byte reader the node runs on a file before any call, fed one fuzz case: format detection
 * and its description, the pixel-size readers and the completeness checks (whatever the bytes
 * claim to be), and by the seed's kind the PDF reader and splitter, the OFD page count, the ZIP
 * directory and entries, and inflate.
 *
 * The contract: each reader returns, or throws the reader's own DocumentProblem (document/). The
 * image readers return undefined for what they cannot read and never throw.
 */
import type { FileFormat } from '../../nodes/HuaweiCloudOcr/catalog/types';
import { DocumentProblem, extractPage, inflate, ofdPageCount, openPdf } from '../../nodes/HuaweiCloudOcr/document';
import { ReadBudget } from '../../nodes/HuaweiCloudOcr/document/budget';
import { readCentralDirectory, readEntry } from '../../nodes/HuaweiCloudOcr/document/zip';
import { isTruncatedImage } from '../../nodes/HuaweiCloudOcr/input/completeness';
import { describeBytes, detectFormat } from '../../nodes/HuaweiCloudOcr/input/fileFormat';
import { readPixelSize } from '../../nodes/HuaweiCloudOcr/input/pixelSize';
import type { Seed } from './seeds';

const PIXEL_FORMATS: FileFormat[] = ['jpeg', 'png', 'bmp', 'gif', 'webp', 'tiff', 'pcx', 'ico', 'psd'];
/** The largest output the inflate target allows (callers always pass a limit). */
const INFLATE_LIMIT = 16 * 1024 * 1024;
const MAX_ZIP_ENTRIES_READ = 16;

/** What a reader did with the case: a result, its own problem, or anything else (a failure). */
export interface ReaderCall {
	reader: string;
	outcome: 'result' | 'problem' | 'failure';
	/** For a failure: the exception's type and message. */
	error?: string;
}

class Calls {
	readonly list: ReaderCall[] = [];

	/** Runs `read`; a DocumentProblem counts as the reader's own answer only where `problemAllowed`. */
	run<T>(reader: string, read: () => T, problemAllowed: boolean): T | undefined {
		try {
			const value = read();
			this.list.push({ reader, outcome: 'result' });
			return value;
		} catch (error) {
			if (problemAllowed && error instanceof DocumentProblem) {
				this.list.push({ reader, outcome: 'problem' });
			} else {
				this.list.push({ reader, outcome: 'failure', error: describeError(error) });
			}
			return undefined;
		}
	}
}

export function describeError(error: unknown): string {
	if (error instanceof Error) {
		const frame = error.stack?.split('\n').find((line) => line.includes('/nodes/'))?.trim() ?? '';
		return `${error.constructor.name}: ${error.message.slice(0, 300)}${frame ? ` (${frame})` : ''}`;
	}
	return `non-Error thrown: ${String(error).slice(0, 300)}`;
}

function imageReaders(calls: Calls, bytes: Buffer): void {
	calls.run('detectFormat', () => detectFormat(bytes), false);
	calls.run('describeBytes', () => describeBytes(bytes), false);
	for (const format of PIXEL_FORMATS) calls.run(`readPixelSize(${format})`, () => readPixelSize(bytes, format), false);
	calls.run('isTruncatedImage(png)', () => isTruncatedImage(bytes, 'png'), false);
	calls.run('isTruncatedImage(jpeg)', () => isTruncatedImage(bytes, 'jpeg'), false);
}

/** Opens the PDF and splits its first, middle and last page, as the node does page by page. */
function pdfReaders(calls: Calls, bytes: Buffer): void {
	const document = calls.run('openPdf', () => openPdf(bytes), true);
	if (!document) return;
	const count = document.pageCount;
	for (const index of new Set([0, Math.floor(count / 2), count - 1])) {
		calls.run(`extractPage(${index})`, () => extractPage(document, index), true);
	}
}

function zipReaders(calls: Calls, bytes: Buffer): void {
	const entries = calls.run('readCentralDirectory', () => readCentralDirectory(bytes), true);
	// One budget for the whole archive, as the OFD reader spends it.
	const budget = new ReadBudget(bytes.length, { what: 'ZIP file', fix: 'Send the original file.' });
	for (const entry of entries?.slice(0, MAX_ZIP_ENTRIES_READ) ?? []) {
		calls.run('readEntry', () => readEntry(bytes, entry, budget), true);
	}
}

export function runReaders(seed: Seed, bytes: Buffer): ReaderCall[] {
	const calls = new Calls();
	imageReaders(calls, bytes);
	if (seed.kind === 'pdf') pdfReaders(calls, bytes);
	if (seed.kind === 'ofd') calls.run('ofdPageCount', () => ofdPageCount(bytes), true);
	if (seed.kind === 'zip') zipReaders(calls, bytes);
	if (seed.kind === 'deflate') {
		calls.run('inflate', () => inflate(bytes, { maxOutputLength: INFLATE_LIMIT }), true);
		calls.run(`inflate(${seed.deflateFormat})`, () => inflate(bytes, { format: seed.deflateFormat, maxOutputLength: INFLATE_LIMIT }), true);
	}
	return calls.list;
}
