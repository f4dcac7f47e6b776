/**
 * The page plan of one item: which pages are read, and the request fields of each page, built only
 * when that page's call starts (a split page lives only while its call runs).
 */
import type { IDataObject } from 'n8n-workflow';

import { Base64Field } from '../../HuaweiCloud/base64Field';
import type { OcrOperation } from '../catalog/types';
import { DocumentProblem, extractPage, ofdPageCount, openPdf } from '../document';
import type { ResolvedInput } from '../input';
import { formatName } from '../input/describe';
import { checkByteLength } from '../input/preflight';
import { InputProblem } from '../input/problem';
import { pageSelectorOf } from './capability';
import { PAGE_MODES } from './properties';
import { highestNamedPage, isClosed, pageCountOf, pagesOf } from './range';
import type { PageSettings } from './settings';

export interface PagePlan {
	/** Whether the item is read as a document of pages (page-aware output), or as one file, as before. */
	paged: boolean;
	/** Pages of the document, when known (not for a URL the service downloads). */
	pageCount?: number;
	/** 1-based pages to read, ascending. */
	pages: number[];
	/** The request body of one page: its file fields and the recognition options. */
	bodyFor(page: number): IDataObject;
}

export interface PlanInput {
	op: OcrOperation;
	/** Undefined for operations that take no file. */
	input: ResolvedInput | undefined;
	settings: PageSettings;
	/** PDF Page Number from Recognition Options, the page read in First Page mode. */
	selectedPage: number | undefined;
	/** The request fields of the recognition options (with the page parameter, if the user set it). */
	recognition: IDataObject;
}

/** Throws InputProblem for a plan that cannot be carried out or is over the cost guard. */
export function planPages({ op, input, settings, selectedPage, recognition }: PlanInput): PagePlan {
	if (!input) return single(recognition);
	const selector = pageSelectorOf(op);
	// Where the node picks the page, the user's PDF Page Number is not sent as such.
	const options = { ...recognition };
	if (selector) delete options[selector.field];
	if (input.kind === 'url') {
		const wholeUrl = { url: input.url };
		if (settings.mode === PAGE_MODES.first) return single({ ...wholeUrl, ...recognition });
		return numbered(op, settings, undefined, { ...wholeUrl, ...options }, urlPages(op, settings));
	}
	const wholeFile = () => ({ [op.fileField]: input.base64 });
	// First Page of an OFD needs no page count: the file goes whole with its page number, as before.
	if (input.format === 'ofd' && selector && settings.mode !== PAGE_MODES.first) {
		const pageCount = readDocument(() => ofdPageCount(input.bytes));
		const pages = pagesToRead(op, settings, pageCount, selectedPage);
		return numbered(op, settings, pageCount, { ...wholeFile(), ...options }, pages);
	}
	if (input.format !== 'pdf') return single({ ...wholeFile(), ...recognition });

	const pdf = readDocument(() => openPdf(input.bytes));
	const pages = pagesToRead(op, settings, pdf.pageCount, selectedPage);
	return {
		paged: settings.mode !== PAGE_MODES.first,
		pageCount: pdf.pageCount,
		pages,
		bodyFor: (page) => {
			const split = readDocument(() => extractPage(pdf, page - 1));
			const tooLarge = checkByteLength(op, split.byteLength);
			if (tooLarge) {
				throw new InputProblem(`Page ${page} of the PDF is too large: ${lowerFirst(tooLarge.message)}`, tooLarge.description);
			}
			return { [op.fileField]: Base64Field.ofChunks(split.chunks), ...options };
		},
	};
}

function single(body: IDataObject): PagePlan {
	return { paged: false, pages: [1], bodyFor: () => body };
}

/** The whole file (or URL) with the page number in the operation's page parameter (page 1 is the service default). */
function numbered(
	op: OcrOperation,
	settings: PageSettings,
	pageCount: number | undefined,
	body: IDataObject,
	pages: number[],
): PagePlan {
	const selector = pageSelectorOf(op);
	return {
		paged: settings.mode !== PAGE_MODES.first,
		pageCount,
		pages,
		bodyFor: (page) => (selector && page > 1 ? { ...body, [selector.field]: page } : body),
	};
}

/** Runs the document reader; whatever it cannot read becomes an InputProblem for the item. */
function readDocument<T>(read: () => T): T {
	const outcome = attempt(read);
	if (outcome instanceof InputProblem) throw outcome;
	return outcome;
}

function attempt<T>(read: () => T): T | InputProblem {
	try {
		return read();
	} catch (error) {
		const { found, fix } = error as { found?: string; fix?: string };
		const readerProblem = error instanceof DocumentProblem;
		return new InputProblem(
			readerProblem ? (found ?? error.message) : `The document could not be read: ${(error as Error).message}`,
			(readerProblem ? fix : undefined) ?? 'Open the file in a PDF viewer, save or print it as a new PDF, and try again.',
		);
	}
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}

function pagesToRead(op: OcrOperation, settings: PageSettings, pageCount: number, selectedPage: number | undefined): number[] {
	const document = `The ${pageCount === 1 ? 'document has 1 page' : `document has ${pageCount} pages`}`;
	if (settings.mode === PAGE_MODES.first) {
		const page = selectedPage ?? 1;
		if (page > pageCount) {
			throw new InputProblem(
				`${document}; PDF Page Number is ${page}`,
				`Set PDF Page Number under Recognition Options to a page from 1 to ${pageCount}.`,
			);
		}
		return [page];
	}
	if (settings.mode === PAGE_MODES.range) {
		const spans = settings.spans ?? [];
		const highest = highestNamedPage(spans);
		if (highest > pageCount) {
			throw new InputProblem(
				`${document}; Page Range asks for page ${highest}`,
				`Enter pages from 1 to ${pageCount}, or end a range with "-" to read up to the last page (e.g. 3-).`,
			);
		}
	}
	// The guard counts the pages before any list of them is built (a range may be long).
	const spans = settings.mode === PAGE_MODES.all ? [{ first: 1 }] : (settings.spans ?? []);
	guardCost(op, settings, pageCountOf(spans, pageCount), document);
	return pagesOf(spans, pageCount);
}

function guardCost(op: OcrOperation, settings: PageSettings, pageCalls: number, document: string): void {
	if (pageCalls <= settings.maxPages) return;
	const reading = settings.mode === PAGE_MODES.all ? 'All Pages' : 'this Page Range';
	throw new InputProblem(
		`${document}; reading ${reading} takes ${pageCalls} paid ${op.name} calls, more than Max Pages per Document (${settings.maxPages})`,
		`Raise Max Pages per Document under Options to ${pageCalls} or more, or read fewer pages with Page Range (e.g. 1-${settings.maxPages}).`,
	);
}

/** A URL the service downloads itself: the node cannot count its pages, so only listed pages of an operation with a page parameter. */
function urlPages(op: OcrOperation, settings: PageSettings): number[] {
	const download = 'turn on Download and Send as Base64 under Options, so the node reads the file and counts its pages';
	if (!pageSelectorOf(op)) {
		throw new InputProblem(
			`${op.name} reads only the first page of a ${formatName('pdf')} that the service downloads from a URL`,
			`To read other pages, ${download}.`,
		);
	}
	const spans = settings.mode === PAGE_MODES.range ? (settings.spans ?? []) : [];
	if (settings.mode === PAGE_MODES.all || !isClosed(spans)) {
		throw new InputProblem(
			`${settings.mode === PAGE_MODES.all ? 'All Pages' : 'A Page Range that runs to the last page'} needs the page count of a file that the service downloads from a URL itself`,
			`List the pages with Page Range (e.g. 1-5), or ${download}.`,
		);
	}
	const highest = highestNamedPage(spans);
	guardCost(op, settings, pageCountOf(spans, highest), 'The URL is read page by page');
	return pagesOf(spans, highest);
}
