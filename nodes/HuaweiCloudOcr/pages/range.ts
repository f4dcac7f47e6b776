/** Parsing the Page Range parameter: `1-3,5,8-` (1-based, inclusive; `8-` runs to the last page). */

export interface PageSpan {
	first: number;
	/** Undefined for an open end (`8-`): up to the last page. */
	last?: number;
}

export type ParsedRange = { ok: true; spans: PageSpan[] } | { ok: false; problem: string };

const PART = /^(\d+)\s*(?:(-)\s*(\d*))?$/;

/** No document we would read page by page has more; it also keeps a typo like `1-1000000` cheap. */
export const HIGHEST_PAGE = 10_000;

export function parsePageRange(text: string): ParsedRange {
	const parts = text
		.split(/[,;]/)
		.map((part) => part.trim())
		.filter((part) => part !== '');
	if (parts.length === 0) return { ok: false, problem: 'is empty' };
	const spans: PageSpan[] = [];
	for (const part of parts) {
		const match = PART.exec(part);
		if (!match) return { ok: false, problem: `has a part that is not a page or a range: ${JSON.stringify(part)}` };
		const first = Number(match[1]);
		const last = match[2] === undefined ? first : match[3] === '' ? undefined : Number(match[3]);
		if (first < 1) return { ok: false, problem: `counts pages from 1, not 0 (${JSON.stringify(part)})` };
		if (Math.max(first, last ?? 0) > HIGHEST_PAGE) {
			return { ok: false, problem: `names a page above ${HIGHEST_PAGE}: ${JSON.stringify(part)}` };
		}
		if (last !== undefined && last < first) {
			return { ok: false, problem: `has a range that runs backwards: ${JSON.stringify(part)}` };
		}
		spans.push({ first, last });
	}
	return { ok: true, spans };
}

/** Whether every span has an end, so the pages are known without the page count. */
export function isClosed(spans: readonly PageSpan[]): boolean {
	return spans.every((span) => span.last !== undefined);
}

/** The largest page a span names explicitly (0 when there is none). */
export function highestNamedPage(spans: readonly PageSpan[]): number {
	return spans.reduce((max, span) => Math.max(max, span.last ?? span.first), 0);
}

/**
 * The spans as disjoint intervals within 1..pageCount, ascending: a long range of overlapping
 * spans costs its sort, never spans × pages.
 */
function intervalsOf(spans: readonly PageSpan[], pageCount: number): Array<[number, number]> {
	const sorted = spans
		.map((span): [number, number] => [span.first, Math.min(span.last ?? pageCount, pageCount)])
		.filter(([first, last]) => first <= last)
		.sort((a, b) => a[0] - b[0]);
	const merged: Array<[number, number]> = [];
	for (const [first, last] of sorted) {
		const previous = merged[merged.length - 1];
		if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
		else merged.push([first, last]);
	}
	return merged;
}

/** How many pages the spans name in a document of `pageCount` pages, without listing them. */
export function pageCountOf(spans: readonly PageSpan[], pageCount: number): number {
	return intervalsOf(spans, pageCount).reduce((sum, [first, last]) => sum + last - first + 1, 0);
}

/** The 1-based pages of the spans, ascending and without duplicates; open ends stop at `pageCount`. */
export function pagesOf(spans: readonly PageSpan[], pageCount: number): number[] {
	const pages: number[] = [];
	for (const [first, last] of intervalsOf(spans, pageCount)) {
		for (let page = first; page <= last; page++) pages.push(page);
	}
	return pages;
}
