/** Output shaping: raw or simplified items, split modes, and the TXT / XLSX attachments. */
import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { OcrOperation } from '../catalog/types';
import type { OutputFile } from './files';
import { baseFileName, excelFile, textFile } from './files';
import type { OutputSettings } from './settings';
import { readOutputSettings } from './settings';
import type { ValidatedResult } from './schemas';
import { checkResult, RESULT_SCHEMAS, UnreadableResultError, validateResult } from './schemas';
import { simplifyResult } from './simplify';

export { outputOptionFields, outputProperties, OUTPUT_MODES } from './properties';
export { readOutputSettings } from './settings';
export type { OutputSettings } from './settings';
export { checkResult, validateResult, RESULT_SCHEMAS, UnreadableResultError };
export type { ValidatedResult };
export { simplifyResult, simplifyDocument, resultTables, huaweiExcel } from './simplify';
export { toPlainText, plainTextOf } from './plainText';
export { buildXlsx, XLSX_MIME_TYPE } from './xlsx';
export { buildGrid, headerKeys, gridToRecords, gridToTsv } from './grid';
export type { TableGrid, CellRange, TableCell } from './grid';
export { flattenFields } from './flatten';
export type { DetailOptions } from './flatten';

export interface OcrResponse {
	result: unknown;
	requestId?: string;
	/** Name of the recognised file, when known: attached files are named after it. */
	sourceFileName?: string;
}

export const UNREADABLE_RESULT_CODE = 'RESPONSE.UNEXPECTED_SHAPE';

export function unreadableResult(ctx: IExecuteFunctions, itemIndex: number, error: UnreadableResultError): NodeApiError {
	const hint =
		'Turn off Simplify to get the raw result. If this keeps happening, report the request ID to the node maintainers.';
	const details: IDataObject = { code: UNREADABLE_RESULT_CODE, message: error.message, requestId: error.requestId, hint };
	const failure = new NodeApiError(ctx.getNode(), details as JsonObject, {
		itemIndex,
		message: error.message,
		description: hint,
		httpCode: '200',
	});
	failure.context.huaweiError = details;
	return failure;
}

function validated(
	ctx: IExecuteFunctions,
	itemIndex: number,
	op: OcrOperation,
	response: OcrResponse,
): ValidatedResult {
	const checked = checkResult(op, response.result, response.requestId);
	if (!checked.ok) throw unreadableResult(ctx, itemIndex, checked.error);
	return checked.value;
}

function jsonItems(settings: OutputSettings, response: OcrResponse, result: ValidatedResult | undefined): IDataObject[] {
	if (!settings.simplify || result === undefined) {
		return [{ result: response.result as IDataObject, requestId: response.requestId }];
	}
	return simplifyResult(result, settings).map((json) =>
		response.requestId === undefined ? json : { ...json, requestId: response.requestId },
	);
}

function files(settings: OutputSettings, op: OcrOperation, response: OcrResponse, result: ValidatedResult): Array<[string, OutputFile]> {
	const baseName = baseFileName(settings.fileName, response.sourceFileName, op);
	const attached: Array<[string, OutputFile]> = [];
	if (settings.attachText) attached.push([settings.textBinaryField, textFile(result, baseName)]);
	if (settings.attachExcel) attached.push([settings.excelBinaryField, excelFile(result, baseName)]);
	return attached;
}

/**
 * Turns one OCR response into output items (without pairedItem; the node adds it).
 * Raw mode returns `{ result, requestId }` untouched. Simplified mode validates the result against
 * its family's schema first, so an unexpected response fails with the request ID instead of deep
 * inside a simplifier. Attached files go on the first item only.
 */
export async function shapeOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	op: OcrOperation,
	response: OcrResponse,
): Promise<INodeExecutionData[]> {
	const settings = readOutputSettings(ctx, itemIndex, op);
	const needsResult = settings.simplify || settings.attachText || settings.attachExcel;
	const result = needsResult ? validated(ctx, itemIndex, op, response) : undefined;
	const items: INodeExecutionData[] = jsonItems(settings, response, result).map((json) => ({ json }));
	if (result === undefined) return items;

	const attached = files(settings, op, response, result);
	if (attached.length > 0) {
		const binary: IBinaryKeyData = {};
		for (const [field, file] of attached) {
			binary[field] = await ctx.helpers.prepareBinaryData(file.data, file.fileName, file.mimeType);
		}
		items[0].binary = binary;
	}
	return items;
}
