/** Reading the output parameters of one item. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { OcrOperation } from '../catalog/types';
import { ParameterValueError, readBoolean } from '../catalog/values';
import { OUTPUT_MODES } from './properties';
import type { SimplifyOptions } from './simplify';

export interface OutputSettings extends SimplifyOptions {
	neutralizeFormulas: boolean;
	simplify: boolean;
	attachText: boolean;
	attachExcel: boolean;
	textBinaryField: string;
	excelBinaryField: string;
	/** Base name for attached files; empty = derived from the input file name. */
	fileName: string;
	/** Include Request ID and Cost in Rows (node version 1.1 row items). */
	rowMetadata: boolean;
}

function text(value: unknown, fallback: string): string {
	const trimmed = typeof value === 'string' ? value.trim() : '';
	return trimmed === '' ? fallback : trimmed;
}

/** Reads the output parameters strictly: a value of the wrong type is an item error, not a silent default. */
export function readOutputSettings(ctx: IExecuteFunctions, itemIndex: number, op: OcrOperation): OutputSettings {
	try {
		return outputSettings(ctx, itemIndex, op);
	} catch (error) {
		if (!(error instanceof ParameterValueError)) throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
		throw new NodeOperationError(ctx.getNode(), `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: error.description,
		});
	}
}

function outputSettings(ctx: IExecuteFunctions, itemIndex: number, op: OcrOperation): OutputSettings {
	const simplify = readBoolean('Simplify', ctx.getNodeParameter('simplify', itemIndex, true), true);
	const mode = ctx.getNodeParameter('tableOutput', itemIndex, OUTPUT_MODES.document) as string;
	const options = (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
	const flag = (label: string, name: string, fallback = false) => readBoolean(label, options[name], fallback);
	return {
		simplify,
		split: simplify && mode !== OUTPUT_MODES.document,
		includeConfidence: flag('Include Confidence', 'includeConfidence') || flag('Include Confidence', 'includeTableConfidence'),
		includeLocations: flag('Include Locations', 'includeLocations'),
		includeImages: flag('Include Images', 'includeImages'),
		neutralizeFormulas: flag('Neutralize Spreadsheet Formulas', 'neutralizeFormulas', true),
		attachText: flag('Attach Text File', 'attachText'),
		attachExcel: flag('Attach Excel File', 'attachExcel') && op.result.hasTables === true,
		textBinaryField: text(options.textBinaryField, 'text'),
		excelBinaryField: text(options.excelBinaryField, 'excel'),
		fileName: text(options.fileName, ''),
		rowMetadata: flag('Include Request ID and Cost in Rows', 'includeRowMetadata'),
	};
}
