/**
 * Smart document recognizer: `result` is an array whose elements each carry some of
 * ocr_result / kv_result / table_result / form_result / layout_result / formula_result
 * (the documented example puts one sub-result per element; the SDK model describes one element per
 * page holding all of them). Either way we merge every element, in order.
 */
import type { IDataObject } from 'n8n-workflow';
import type { DetailOptions } from '../flatten';
import { withExtraFields } from '../flatten';
import type { TableGrid } from '../grid';
import { buildGrid } from '../grid';
import type { DocumentTable, SmartDocumentPart, SmartDocumentResult } from '../schemas';
import { blockLines } from './text';
import { unplacedWords } from './cells';

export interface SmartDocumentPage {
	direction?: number;
	lines: string[];
}

export interface MergedSmartDocument {
	/** One entry per `ocr_result`. */
	pages: SmartDocumentPage[];
	/** Key-value pairs; a repeated key gets `_2`, `_3`, … */
	fields: Record<string, string>;
	tables: TableGrid[];
	tableLocations: unknown[];
	forms: TableGrid[];
	formLocations: unknown[];
	/** Layout blocks and formulas with all their fields (type, text, ids, …). */
	layout: Array<Record<string, unknown>>;
	formulas: Array<Record<string, unknown>>;
	/** Text of table and form cells Huawei sent without row/column indexes. */
	unplacedCells: string[];
	/** Parts of a page this node has no special place for (e.g. a `*_result` Huawei adds later). */
	other: Record<string, unknown>;
}

const KNOWN_PARTS = ['ocr_result', 'kv_result', 'table_result', 'form_result', 'layout_result', 'formula_result'];

/** A key-value block without a key is kept under `field`. */
const UNNAMED_FIELD = 'field';

function addField(fields: Record<string, unknown>, key: string, value: unknown): void {
	let name = key;
	for (let n = 2; name in fields; n++) name = `${key}_${n}`;
	fields[name] = value;
}

function addTables(
	tables: readonly DocumentTable[] | undefined,
	grids: TableGrid[],
	locations: unknown[],
	merged: MergedSmartDocument,
): void {
	for (const table of tables ?? []) {
		const cells = table.words_block_list ?? [];
		grids.push(buildGrid(cells));
		locations.push(table.location);
		merged.unplacedCells.push(...unplacedWords(cells));
	}
}

function addOtherParts(part: SmartDocumentPart, merged: MergedSmartDocument): void {
	for (const [key, value] of Object.entries(part)) {
		if (!KNOWN_PARTS.includes(key) && value !== undefined) addField(merged.other, key, value);
	}
}

export function mergeSmartDocument(result: SmartDocumentResult): MergedSmartDocument {
	const merged: MergedSmartDocument = {
		pages: [],
		fields: {},
		tables: [],
		tableLocations: [],
		forms: [],
		formLocations: [],
		layout: [],
		formulas: [],
		unplacedCells: [],
		other: {},
	};
	for (const part of result) {
		if (part.ocr_result) {
			merged.pages.push({
				direction: part.ocr_result.direction,
				lines: blockLines(part.ocr_result.words_block_list),
			});
		}
		for (const kv of part.kv_result?.kv_block_list ?? []) {
			addField(merged.fields, kv.key ?? UNNAMED_FIELD, kv.value ?? '');
		}
		addTables(part.table_result?.table_list, merged.tables, merged.tableLocations, merged);
		addTables(part.form_result?.form_list, merged.forms, merged.formLocations, merged);
		merged.layout.push(...(part.layout_result?.layout_block_list ?? []));
		merged.formulas.push(...(part.formula_result?.formula_list ?? []));
		addOtherParts(part, merged);
	}
	return merged;
}

function gridsJson(grids: readonly TableGrid[], locations: readonly unknown[], options: DetailOptions): IDataObject[] {
	return grids.map((grid, index) => {
		const json: IDataObject = { rows: grid.rows };
		if (options.includeLocations && locations[index] !== undefined) {
			json.location = locations[index] as IDataObject['location'];
		}
		return json;
	});
}

/** Drops `location` unless asked for, and keys whose value is undefined. */
function withoutLocation(entry: Record<string, unknown>, options: DetailOptions): IDataObject {
	const json: IDataObject = {};
	for (const [key, value] of Object.entries(entry)) {
		if (value === undefined) continue;
		if (key === 'location' && !options.includeLocations) continue;
		json[key] = value as IDataObject[string];
	}
	return json;
}

export function smartDocumentText(merged: MergedSmartDocument): string {
	return merged.pages.map((page) => page.lines.join('\n')).join('\n\n');
}

export function simplifySmartDocument(result: SmartDocumentResult, options: DetailOptions): IDataObject {
	const merged = mergeSmartDocument(result);
	const simplified: IDataObject = {
		text: smartDocumentText(merged),
		fields: merged.fields,
		tables: gridsJson(merged.tables, merged.tableLocations, options),
		tableCount: merged.tables.length,
		forms: gridsJson(merged.forms, merged.formLocations, options),
		layout: merged.layout.map((block) => withoutLocation(block, options)),
		formulas: merged.formulas.map((formula) => withoutLocation(formula, options)),
	};
	if (merged.unplacedCells.length > 0) simplified.unplacedCells = merged.unplacedCells;
	const direction = merged.pages.find((page) => page.direction !== undefined)?.direction;
	if (direction !== undefined) simplified.direction = direction;
	if (merged.pages.length > 1) simplified.pageCount = merged.pages.length;
	return withExtraFields(simplified, merged.other, options);
}
