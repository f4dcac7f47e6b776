/**
 * Smart document recognizer: `result` is an array whose elements each carry some of
 * ocr_result / kv_result / table_result / form_result / layout_result / formula_result
 * (the documented example puts one sub-result per element; the SDK model describes one element per
 * page holding all of them). Either way we merge every element, in order.
 */
import type { IDataObject } from 'n8n-workflow';
import type { DetailOptions } from '../flatten';
import type { TableGrid } from '../grid';
import { buildGrid } from '../grid';
import type { SmartDocumentResult } from '../schemas';

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
	layout: Array<{ type: string; text?: string; location?: unknown }>;
	formulas: Array<{ formula: string; type?: string; location?: unknown }>;
}

function addField(fields: Record<string, string>, key: string, value: string): void {
	let name = key;
	for (let n = 2; name in fields; n++) name = `${key}_${n}`;
	fields[name] = value;
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
	};
	for (const part of result) {
		if (part.ocr_result) {
			merged.pages.push({
				direction: part.ocr_result.direction,
				lines: part.ocr_result.words_block_list.map((block) => block.words),
			});
		}
		for (const kv of part.kv_result?.kv_block_list ?? []) addField(merged.fields, kv.key, kv.value ?? '');
		for (const table of part.table_result?.table_list ?? []) {
			merged.tables.push(buildGrid(table.words_block_list));
			merged.tableLocations.push(table.location);
		}
		for (const form of part.form_result?.form_list ?? []) {
			merged.forms.push(buildGrid(form.words_block_list));
			merged.formLocations.push(form.location);
		}
		for (const block of part.layout_result?.layout_block_list ?? []) {
			merged.layout.push({ type: block.type, text: block.text, location: block.location });
		}
		for (const formula of part.formula_result?.formula_list ?? []) {
			merged.formulas.push({ formula: formula.formula, type: formula.type, location: formula.location });
		}
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
function withoutLocation<T extends { location?: unknown }>(entry: T, options: DetailOptions): IDataObject {
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
	const direction = merged.pages.find((page) => page.direction !== undefined)?.direction;
	if (direction !== undefined) simplified.direction = direction;
	if (merged.pages.length > 1) simplified.pageCount = merged.pages.length;
	return simplified;
}
