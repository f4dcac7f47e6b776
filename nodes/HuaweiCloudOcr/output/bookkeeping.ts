/**
 * What the node adds to the items of one input item besides the recognised content: what the file
 * cost, which item a duplicate copies, and (from node version 1.1 on) row items kept to the table.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { OUTSIDE_TABLES_KEY } from './simplify';

/** What reading a file cost: the answers Huawei billed (every 2xx), the HTTP calls made (retries included), the pages sent. */
export interface ItemCost {
	billedAnswers: number;
	attempts: number;
	pages: number;
}

export const NO_COST: ItemCost = { billedAnswers: 0, attempts: 0, pages: 0 };

/** One call's outcome as far as the bill is concerned. */
export interface CallCount {
	ok: boolean;
	/** Undefined: the page was never sent (its body failed a check, or an earlier failure stopped the run). */
	attempts?: number;
}

export function costOf(calls: readonly CallCount[]): ItemCost {
	const sent = calls.filter((call) => (call.attempts ?? 0) > 0);
	return {
		billedAnswers: sent.filter((call) => call.ok).length,
		attempts: sent.reduce((sum, call) => sum + (call.attempts ?? 0), 0),
		pages: sent.length,
	};
}

/** The keys a row item keeps from node version 1.1 on, besides the table's own columns. */
const ROW_BOOKKEEPING_DROPPED = ['requestId', 'pageCount'];

export interface Bookkeeping {
	/** Node version 1.1 and later: clean rows and a `cost` on every other item. */
	newOutput: boolean;
	/** One Item per Table Row of a table operation. */
	tableRows: boolean;
	/** The cost of the whole file, or (One Item per Page) of each page. */
	cost: ItemCost | ((page: number) => ItemCost);
	/** Set on every item of a copy (Skip Duplicate Files). */
	duplicateOf?: number;
	/** Include Request ID and Cost in Rows: row items also carry flat `_requestId` and cost columns. */
	rowMetadata?: boolean;
}

/** The flat columns Include Request ID and Cost in Rows adds to every row item. */
function rowMetadataColumns(requestId: unknown, cost: ItemCost): IDataObject {
	return {
		_requestId: typeof requestId === 'string' ? requestId : '',
		_billedAnswers: cost.billedAnswers,
		_attempts: cost.attempts,
		_pages: cost.pages,
	};
}

function isRowItem(json: IDataObject): boolean {
	return '_table' in json && '_row' in json && json[OUTSIDE_TABLES_KEY] !== true;
}

/**
 * Row items keep only the table and `_table`, `_row`, `page` (plus flat `_requestId`, `_billedAnswers`,
 * `_attempts`, `_pages` with Include Request ID and Cost in Rows); every other item gets `cost`. The cost
 * counts on the first item it concerns (per page with One Item per Page) and the items after it say
 * 0, so adding up `cost` over a run's items gives what the run cost.
 */
export function withBookkeeping(items: INodeExecutionData[], keeping: Bookkeeping): INodeExecutionData[] {
	const counted = new Set<number | undefined>();
	return items.map((item) => {
		const json: IDataObject = { ...item.json };
		if (keeping.duplicateOf !== undefined) json.duplicateOf = keeping.duplicateOf;
		if (!keeping.newOutput) return { ...item, json };
		const rowItem = keeping.tableRows && isRowItem(json);
		const requestId = json.requestId;
		if (rowItem) for (const key of ROW_BOOKKEEPING_DROPPED) delete json[key];
		if (rowItem && !keeping.rowMetadata) return { ...item, json };
		const page = typeof keeping.cost === 'function' ? (json.page as number | undefined) : undefined;
		const cost = typeof keeping.cost === 'function' ? keeping.cost(page as number) : keeping.cost;
		const counts = counted.has(page) || keeping.duplicateOf !== undefined ? NO_COST : cost;
		counted.add(page);
		if (rowItem) return { ...item, json: { ...json, ...rowMetadataColumns(requestId, counts) } };
		json.cost = { ...counts } as unknown as IDataObject;
		return { ...item, json };
	});
}
