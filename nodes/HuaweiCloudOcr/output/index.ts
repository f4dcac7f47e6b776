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
export { buildGrid, headerKeys, gridToRecords, gridToTsv, TableTooLargeError } from './grid';
export type { TableGrid, CellRange, TableCell } from './grid';
export { flattenFields } from './flatten';
export type { DetailOptions } from './flatten';

export interface OcrResponse {
	result: unknown;
	requestId?: string;
	/** Name of the recognised file, when known: attached files are named after it. */
	sourceFileName?: string;
}

export const MISSING_RESULT_CODE = 'RESPONSE.NO_RESULT';

/** A 2xx answer without `result`: nothing to return, so an item error that names the request ID. */
export function missingResult(ctx: IExecuteFunctions, itemIndex: number, op: OcrOperation, requestId: string | undefined): NodeApiError {
	const message = `Huawei Cloud answered ${op.name} without a result (request ID ${requestId ?? 'unknown'})`;
	const hint =
		'Run the item again; if it keeps happening, give the request ID to Huawei Cloud support, who can see what the service answered.';
	const details: IDataObject = { code: MISSING_RESULT_CODE, message, requestId, hint, httpStatus: 200 };
	const failure = new NodeApiError(ctx.getNode(), details as JsonObject, {
		itemIndex,
		message,
		description: hint,
		httpCode: '200',
	});
	failure.context.huaweiError = details;
	return failure;
}

/**
 * A billed answer the node could not simplify, as an output item: the raw `result`, its `requestId`
 * and a `warnings` entry saying what could not be read and what to do.
 */
export function unreadableResultItem(op: OcrOperation, response: OcrResponse, error: unknown): INodeExecutionData {
	const reason =
		error instanceof UnreadableResultError
			? error.message
			: `Huawei Cloud returned a ${op.name} result this node could not simplify (request ID ${response.requestId ?? 'unknown'}): ${(error as Error).message}`;
	const warning = `${reason}. The raw result is returned instead; please report the request ID to the node maintainers.`;
	return { json: { result: response.result as IDataObject, requestId: response.requestId, warnings: [warning] } };
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
	if (settings.attachExcel) attached.push([settings.excelBinaryField, excelFile(result, baseName, settings)]);
	return attached;
}

async function simplifiedItems(
	ctx: IExecuteFunctions,
	op: OcrOperation,
	response: OcrResponse,
	settings: OutputSettings,
): Promise<INodeExecutionData[]> {
	const result = validateResult(op, response.result, response.requestId);
	const items: INodeExecutionData[] = jsonItems(settings, response, result).map((json) => ({ json }));
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

/**
 * Turns one OCR response into output items (without pairedItem; the node adds it).
 * Raw mode returns `{ result, requestId }` untouched. Simplified mode checks the result against its
 * family's contract first. Huawei billed the answer, so one that can't be simplified still comes out:
 * raw, with its request ID and a `warnings` entry saying what could not be read. An answer without a
 * `result` fails the item with its request ID. Attached files go on the first item only.
 */
export async function shapeOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	op: OcrOperation,
	response: OcrResponse,
	settings: OutputSettings = readOutputSettings(ctx, itemIndex, op),
): Promise<INodeExecutionData[]> {
	if (response.result === undefined || response.result === null) {
		throw missingResult(ctx, itemIndex, op, response.requestId);
	}
	const needsResult = settings.simplify || settings.attachText || settings.attachExcel;
	if (!needsResult) return jsonItems(settings, response, undefined).map((json) => ({ json }));
	try {
		return await simplifiedItems(ctx, op, response, settings);
	} catch (error) {
		return [unreadableResultItem(op, response, error)];
	}
}
