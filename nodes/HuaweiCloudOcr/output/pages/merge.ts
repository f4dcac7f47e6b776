/**
 * Merging the simplified items of a document's pages into one item: text joined with page breaks,
 * lists (lines, tables, line items, entries) concatenated with each entry's `page`, counts added up,
 * and every other field taken from the first page that has it, with a `pages` map of where each came from.
 */
import type { IDataObject } from 'n8n-workflow';

import { isPlainObject } from '../flatten';

/** Between the text of two pages: a form feed on its own line, the plain-text page break (split on "\f"). */
export const PAGE_BREAK = '\n\f\n';

/** Text fields joined page by page rather than taken from one page. */
const JOINED_TEXT = new Set(['text', 'markdown']);
/** Fields that describe each page's answer rather than the document: never taken as key fields. */
const PER_PAGE = new Set(['requestId', 'direction', 'pageCount']);
/** Keyed maps (Smart Document's key-value pairs) merged key by key. */
const FIELD_MAPS = new Set(['fields']);

export interface PageItem {
	page: number;
	json: IDataObject;
}

function isEmpty(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return true;
	if (Array.isArray(value)) return value.length === 0;
	return isPlainObject(value) && Object.keys(value).length === 0;
}

function withPage(entry: unknown, page: number): unknown {
	return isPlainObject(entry) && !('page' in entry) ? { ...entry, page } : entry;
}

export function mergePageItems(pages: readonly PageItem[]): IDataObject {
	const merged: IDataObject = {};
	const origin: IDataObject = {};
	const texts = new Map<string, string[]>();

	const takeFirst = (target: IDataObject, key: string, value: unknown, page: number) => {
		if (key in target || isEmpty(value)) return;
		target[key] = value as IDataObject[string];
		origin[key] = page;
	};

	for (const { page, json } of pages) {
		for (const [key, value] of Object.entries(json)) {
			if (JOINED_TEXT.has(key) && typeof value === 'string') {
				texts.set(key, [...(texts.get(key) ?? []), value]);
				merged[key] ??= ''; // keeps the key's place (text first); joined below
			} else if (PER_PAGE.has(key)) {
				continue;
			} else if (Array.isArray(value)) {
				const list = (merged[key] as unknown[] | undefined) ?? [];
				merged[key] = [...list, ...value.map((entry) => withPage(entry, page))] as IDataObject[];
			} else if (/count$/i.test(key) && typeof value === 'number') {
				merged[key] = ((merged[key] as number | undefined) ?? 0) + value;
			} else if (FIELD_MAPS.has(key) && isPlainObject(value)) {
				const map = (merged[key] as IDataObject | undefined) ?? {};
				for (const [field, fieldValue] of Object.entries(value)) takeFirst(map, field, fieldValue, page);
				merged[key] = map;
			} else {
				takeFirst(merged, key, value, page);
			}
		}
	}
	for (const [key, parts] of texts) merged[key] = parts.join(PAGE_BREAK);
	const direction = pages.find(({ json }) => json.direction !== undefined)?.json.direction;
	if (direction !== undefined) merged.direction = direction;
	if (Object.keys(origin).length > 0) merged.pages = origin;
	return merged;
}
