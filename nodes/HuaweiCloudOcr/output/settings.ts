/** Reading the output parameters of one item. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OcrOperation } from '../catalog/types';
import { OUTPUT_MODES } from './properties';
import type { SimplifyOptions } from './simplify';

export interface OutputSettings extends SimplifyOptions {
	simplify: boolean;
	attachText: boolean;
	attachExcel: boolean;
	textBinaryField: string;
	excelBinaryField: string;
	/** Base name for attached files; empty = derived from the input file name. */
	fileName: string;
}

function text(value: unknown, fallback: string): string {
	const trimmed = typeof value === 'string' ? value.trim() : '';
	return trimmed === '' ? fallback : trimmed;
}

export function readOutputSettings(ctx: IExecuteFunctions, itemIndex: number, op: OcrOperation): OutputSettings {
	const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
	const mode = ctx.getNodeParameter('tableOutput', itemIndex, OUTPUT_MODES.document) as string;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		simplify,
		split: simplify && mode !== OUTPUT_MODES.document,
		includeConfidence: options.includeConfidence === true,
		includeLocations: options.includeLocations === true,
		includeImages: options.includeImages === true,
		attachText: options.attachText === true,
		attachExcel: options.attachExcel === true && op.result.hasTables === true,
		textBinaryField: text(options.textBinaryField, 'text'),
		excelBinaryField: text(options.excelBinaryField, 'excel'),
		fileName: text(options.fileName, ''),
	};
}
