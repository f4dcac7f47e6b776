/** Plain text of any result, for the TXT attachment. */
import type { IDataObject } from 'n8n-workflow';
import type { OcrOperation } from '../catalog/types';
import { NO_DETAILS, isPlainObject } from './flatten';
import { gridToTsv } from './grid';
import type { ValidatedResult } from './schemas';
import { validateResult } from './schemas';
import { simplifyDocument } from './simplify';
import { mergeSmartDocument } from './simplify/smartDocument';
import { tableLayout } from './simplify/table';
import { blockLines } from './simplify/text';

function valueText(value: unknown): string {
	if (Array.isArray(value)) return value.map(valueText).join(', ');
	if (isPlainObject(value)) return JSON.stringify(value);
	return value === null || value === undefined ? '' : String(value);
}

/** `key: value` lines; arrays of objects as `key[1].field: value`. */
function fieldLines(fields: IDataObject, prefix = ''): string[] {
	return Object.entries(fields).flatMap(([key, value]) => {
		const name = `${prefix}${key}`;
		if (Array.isArray(value) && value.length > 0 && value.every(isPlainObject)) {
			return value.flatMap((entry, index) => fieldLines(entry as IDataObject, `${name}[${index + 1}].`));
		}
		if (isPlainObject(value)) return fieldLines(value as IDataObject, `${name}.`);
		return [`${name}: ${valueText(value)}`];
	});
}

function smartDocumentPlainText(validated: Extract<ValidatedResult, { family: 'smartDocument' }>): string {
	const merged = mergeSmartDocument(validated.result);
	const sections: string[] = merged.pages.map((page, index) =>
		merged.pages.length > 1 ? `--- Page ${index + 1} ---\n${page.lines.join('\n')}` : page.lines.join('\n'),
	);
	const fieldText = Object.entries(merged.fields).map(([key, value]) => `${key}: ${value}`);
	if (fieldText.length > 0) sections.push(fieldText.join('\n'));
	merged.tables.forEach((grid, index) => sections.push(`--- Table ${index + 1} ---\n${gridToTsv(grid)}`));
	merged.forms.forEach((grid, index) => sections.push(`--- Form ${index + 1} ---\n${gridToTsv(grid)}`));
	if (merged.unplacedCells.length > 0) sections.push(merged.unplacedCells.join('\n'));
	merged.formulas.forEach((formula) => {
		if (typeof formula.formula === 'string') sections.push(formula.formula);
	});
	return sections.filter((section) => section !== '').join('\n\n');
}

/**
 * Text lines in reading order; tables as tab-separated rows; smart documents page by page followed
 * by their key-value pairs and tables; card-like results as `field: value` lines.
 */
export function plainTextOf(validated: ValidatedResult): string {
	switch (validated.family) {
		case 'text':
			return blockLines(validated.result.words_block_list).join('\n');
		case 'table': {
			const layout = tableLayout(validated.result);
			return layout.regions
				.map((region) =>
					region.kind === 'text' ? region.lines.join('\n') : gridToTsv(layout.tables[region.index]),
				)
				.join('\n\n');
		}
		case 'smartDocument':
			return smartDocumentPlainText(validated);
		default:
			return fieldLines(simplifyDocument(validated, NO_DETAILS)).join('\n');
	}
}

/** Plain text of an operation's raw `result` (validated first). */
export function toPlainText(op: OcrOperation, result: unknown): string {
	return plainTextOf(validateResult(op, result, undefined));
}
