/** Reading the Pages parameters of one item. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OcrOperation } from '../catalog/types';
import { readsDocumentPages } from './capability';
import type { PageMode, PagesAs } from './properties';
import { MAX_PAGES, PAGE_MODES, PAGES_AS } from './properties';
import type { PageSpan } from './range';
import { parsePageRange } from './range';

export interface PageSettings {
	mode: PageMode;
	/** The Page Range, parsed (mode `range` only). */
	spans?: PageSpan[];
	maxPages: number;
	pagesAs: PagesAs;
}

export const FIRST_PAGE_ONLY: PageSettings = {
	mode: PAGE_MODES.first,
	maxPages: MAX_PAGES.default,
	pagesAs: PAGES_AS.document,
};

const MODES: readonly string[] = Object.values(PAGE_MODES);

export function readPageSettings(ctx: IExecuteFunctions, itemIndex: number, op: OcrOperation): PageSettings {
	if (!readsDocumentPages(op)) return FIRST_PAGE_ONLY;
	const fail = (message: string, description: string) =>
		new NodeOperationError(ctx.getNode(), `${message} [item ${itemIndex}]`, { itemIndex, description });

	const mode = String(ctx.getNodeParameter('pages', itemIndex, PAGE_MODES.first));
	if (!MODES.includes(mode)) {
		throw fail(
			`Pages '${mode}' is not one of First Page, All Pages or Page Range`,
			"Choose one of the listed values; in an expression use 'first', 'all' or 'range'.",
		);
	}
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const maxPages = Number(options.maxPages ?? MAX_PAGES.default);
	if (!Number.isInteger(maxPages) || maxPages < MAX_PAGES.min || maxPages > MAX_PAGES.max) {
		throw fail(
			`Max Pages per Document is ${JSON.stringify(options.maxPages)}`,
			`Set Max Pages per Document to a whole number from ${MAX_PAGES.min} to ${MAX_PAGES.max}.`,
		);
	}
	const pagesAs = mode === PAGE_MODES.first ? PAGES_AS.document : readPagesAs(ctx, itemIndex);
	if (mode !== PAGE_MODES.range) return { mode: mode as PageMode, maxPages, pagesAs };

	const text = String(ctx.getNodeParameter('pageRange', itemIndex, '') ?? '');
	const parsed = parsePageRange(text);
	if (!parsed.ok) {
		throw fail(
			`Page Range ${parsed.problem}`,
			'Enter pages counted from 1, separated by commas, e.g. 1-3,5,8- ("8-" runs to the last page).',
		);
	}
	return { mode: PAGE_MODES.range, spans: parsed.spans, maxPages, pagesAs };
}

function readPagesAs(ctx: IExecuteFunctions, itemIndex: number): PagesAs {
	const value = String(ctx.getNodeParameter('pagesAs', itemIndex, PAGES_AS.document));
	return value === PAGES_AS.page ? PAGES_AS.page : PAGES_AS.document;
}
