/** Simplified output per result family, as one item or split into one item per row / entry / document. */
import type { IDataObject } from 'n8n-workflow';
import type { DetailOptions } from '../flatten';
import type { TableGrid } from '../grid';
import type { ValidatedResult } from '../schemas';
import { classificationDocumentItems, simplifyClassification } from './classification';
import { simplifyFields, simplifyVerification } from './fields';
import { listEntryItems, simplifyList } from './list';
import { mergeSmartDocument, simplifySmartDocument } from './smartDocument';
import { simplifyTable, tableLayout, tableRowItems } from './table';
import { simplifyText } from './text';

export interface SimplifyOptions extends DetailOptions {
	/**
	 * One item per table row (tables), per entry (lists) or per detected document (classification)
	 * instead of one item per response.
	 */
	split: boolean;
	/** Quote-prefix cells of row items that a spreadsheet would run as formulas (default true). */
	neutralizeFormulas?: boolean;
}

/** The single simplified item of a response. */
export function simplifyDocument(validated: ValidatedResult, options: DetailOptions): IDataObject {
	switch (validated.family) {
		case 'text':
			return simplifyText(validated.result, options);
		case 'table':
			return simplifyTable(validated.result, options);
		case 'smartDocument':
			return simplifySmartDocument(validated.result, options);
		case 'fields':
			return simplifyFields(validated.result, options);
		case 'list':
			return simplifyList(validated.result, options);
		case 'classification':
			return simplifyClassification(validated.result, options);
		case 'verification':
			return simplifyVerification(validated.result, options);
	}
}

/** The split items, or undefined when the family has no split form. */
function splitItems(validated: ValidatedResult, options: SimplifyOptions): IDataObject[] | undefined {
	switch (validated.family) {
		case 'table':
			return withOutsideTables(tableRowItems(tableLayout(validated.result).tables, options), validated, options);
		case 'smartDocument':
			return withOutsideTables(tableRowItems(mergeSmartDocument(validated.result).tables, options), validated, options);
		case 'list':
			return listEntryItems(validated.result, options);
		case 'classification':
			return classificationDocumentItems(validated.result, options);
		default:
			return undefined;
	}
}

/** Marks the item that carries what a table-row split found outside the tables. */
export const OUTSIDE_TABLES_KEY = '_outsideTables';

/**
 * Row items, then one last item with everything else the document item would hold (text outside
 * the tables; for smart documents also key-value pairs, forms, layout and formulas), so nothing
 * recognised disappears when rows are split out. Left out when there is nothing else.
 */
function withOutsideTables(rows: IDataObject[], validated: ValidatedResult, options: DetailOptions): IDataObject[] {
	if (rows.length === 0) return rows;
	const kept = Object.fromEntries(
		Object.entries(simplifyDocument(validated, options)).filter(
			([key, value]) => key !== 'tables' && key !== 'tableCount' && !isEmptyValue(value),
		),
	);
	const carriesContent = Object.keys(kept).some((key) => key !== 'direction' && key !== 'pageCount');
	return carriesContent ? [...rows, { [OUTSIDE_TABLES_KEY]: true, ...kept }] : rows;
}

function isEmptyValue(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return true;
	if (Array.isArray(value)) return value.length === 0;
	return typeof value === 'object' && Object.keys(value).length === 0;
}

/**
 * The simplified items of one response. A split that finds nothing (no table rows, no plates)
 * falls back to the single item, so every input item still yields at least one output item.
 */
export function simplifyResult(validated: ValidatedResult, options: SimplifyOptions): IDataObject[] {
	if (options.split) {
		const items = splitItems(validated, options);
		if (items !== undefined && items.length > 0) return items;
	}
	return [simplifyDocument(validated, options)];
}

export interface NamedTable {
	name: string;
	grid: TableGrid;
}

/** Every table (and smart-document form) of a result, named for spreadsheet sheets. */
export function resultTables(validated: ValidatedResult): NamedTable[] {
	switch (validated.family) {
		case 'table':
			return tableLayout(validated.result).tables.map((grid, i) => ({ name: `Table ${i + 1}`, grid }));
		case 'smartDocument': {
			const merged = mergeSmartDocument(validated.result);
			return [
				...merged.tables.map((grid, i) => ({ name: `Table ${i + 1}`, grid })),
				...merged.forms.map((grid, i) => ({ name: `Form ${i + 1}`, grid })),
			];
		}
		default:
			return [];
	}
}

/** Huawei's own Base64 .xlsx of the whole result (general table / financial statement with return_excel). */
export function huaweiExcel(validated: ValidatedResult): string | undefined {
	if (validated.family !== 'table') return undefined;
	const excel = validated.result.excel;
	return typeof excel === 'string' && excel.trim() !== '' ? excel : undefined;
}
