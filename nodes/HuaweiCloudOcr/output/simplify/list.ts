/** List family (licence plates, household register pages, bank receipts): found entries as flat objects. */
import type { IDataObject } from 'n8n-workflow';
import type { DetailOptions } from '../flatten';
import { flattenFields, isPlainObject } from '../flatten';
import type { ListResult } from '../schemas';

interface ListParts {
	entries: Array<Record<string, unknown>>;
	/** Other fields of an object result (counts left out: `count` says it). */
	rest: Record<string, unknown>;
}

/** The entries: the array itself, or the first `*_list` array of objects inside an object result. */
export function listParts(result: ListResult): ListParts {
	if (Array.isArray(result)) return { entries: result, rest: {} };
	const listKey = Object.keys(result).find(
		(key) => key.endsWith('_list') && Array.isArray(result[key]) && (result[key] as unknown[]).every(isPlainObject),
	);
	if (listKey === undefined) return { entries: [result], rest: {} };
	const rest = Object.fromEntries(
		Object.entries(result).filter(([key]) => key !== listKey && !key.endsWith('_count')),
	);
	return { entries: result[listKey] as Array<Record<string, unknown>>, rest };
}

/** One entry as a flat object; a `content` object (household register) is lifted to the top. */
export function flattenEntry(entry: Record<string, unknown>, options: DetailOptions): IDataObject {
	const { content, ...outer } = entry;
	const flat = flattenFields(outer, options);
	if (isPlainObject(content)) {
		for (const [key, value] of Object.entries(flattenFields(content, options))) {
			flat[key in flat ? `content_${key}` : key] = value;
		}
	}
	return flat;
}

export function simplifyList(result: ListResult, options: DetailOptions): IDataObject {
	const { entries, rest } = listParts(result);
	return {
		items: entries.map((entry) => flattenEntry(entry, options)),
		count: entries.length,
		...flattenFields(rest, options),
	};
}

/** One item per entry, with its 1-based `_index`. */
export function listEntryItems(result: ListResult, options: DetailOptions): IDataObject[] {
	return listParts(result).entries.map((entry, index) => ({
		_index: index + 1,
		...flattenEntry(entry, options),
	}));
}
