/** Table family (general table, financial statement): text regions and rebuilt table grids. */
import type { IDataObject } from 'n8n-workflow';
import type { DetailOptions } from '../flatten';
import { omitKeys, withExtraFields } from '../flatten';
import type { TableGrid } from '../grid';
import { buildGrid, gridToRecords } from '../grid';
import { neutralizeRows } from '../formulas';
import type { TableResult } from '../schemas';
import { isTableRegion, unplacedWords, wordsOf } from './cells';

export interface TableLayout {
	/** Text-region lines, in Huawei's order. */
	textLines: string[];
	tables: TableGrid[];
	/** Huawei's region order, for the plain-text rendering: a text line or a table index. */
	regions: Array<{ kind: 'text'; lines: string[] } | { kind: 'table'; index: number }>;
	/** `table_location` per table, when Huawei returned it. */
	tableLocations: unknown[];
}

export function tableLayout(result: TableResult): TableLayout {
	const layout: TableLayout = { textLines: [], tables: [], regions: [], tableLocations: [] };
	for (const region of result.words_region_list ?? []) {
		const cells = region.words_block_list ?? [];
		const isTable = isTableRegion(region);
		// Cells Huawei sent without row/column indexes can't go into the grid; their text is kept as text lines.
		const lines = isTable ? unplacedWords(cells) : wordsOf(cells);
		if (isTable) {
			layout.regions.push({ kind: 'table', index: layout.tables.length });
			layout.tables.push(buildGrid(cells));
			layout.tableLocations.push(region.table_location);
		}
		if (lines.length > 0) {
			layout.textLines.push(...lines);
			layout.regions.push({ kind: 'text', lines });
		}
	}
	return layout;
}

export function tablesJson(tables: readonly TableGrid[], locations: readonly unknown[], options: DetailOptions): IDataObject[] {
	return tables.map((table, index) => {
		const json: IDataObject = { rows: table.rows };
		if (options.includeConfidence && table.confidence) json.confidence = table.confidence;
		if (options.includeLocations && locations[index] !== undefined) {
			json.location = locations[index] as IDataObject['location'];
		}
		return json;
	});
}

/** Result fields with their own place on the simplified item (Huawei's Excel goes to Attach Excel File). */
const RESULT_KEYS = ['words_region_list', 'words_region_count', 'excel'];

export function simplifyTable(result: TableResult, options: DetailOptions): IDataObject {
	const layout = tableLayout(result);
	const simplified: IDataObject = {
		text: layout.textLines.join('\n'),
		tables: tablesJson(layout.tables, layout.tableLocations, options),
		tableCount: layout.tables.length,
	};
	return withExtraFields(simplified, omitKeys(result, RESULT_KEYS), options);
}

/** Our own keys on row items; table headers with these names get a `_2` suffix. */
export const ROW_ITEM_KEYS = ['_table', '_row', '_outsideTables', 'requestId'] as const;

/**
 * One item per data row of every table, keyed by that table's header row. `_table` and `_row` are 1-based.
 * With `neutralizeFormulas`, header keys and cells that a spreadsheet would run as formulas get a leading quote.
 */
export function tableRowItems(
	tables: readonly TableGrid[],
	options: { neutralizeFormulas?: boolean; includeConfidence?: boolean },
): IDataObject[] {
	const cleaned = options.neutralizeFormulas !== false ? tables.map((table) => ({ ...table, rows: neutralizeRows(table.rows) })) : tables;
	return cleaned.flatMap((table, tableIndex) =>
		gridToRecords(table, ROW_ITEM_KEYS).map((record) => ({
			_table: tableIndex + 1,
			_row: record.rowNumber,
			...record.values,
			...(options.includeConfidence ? record.confidence : undefined),
		})),
	);
}
