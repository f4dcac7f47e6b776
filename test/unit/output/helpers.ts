import { readFileSync } from '../../nodejs/fs.cjs';
import { join } from '../../nodejs/path.cjs';
import type { IBinaryData, IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import type { OcrOperation, ResultFamily } from '../../../nodes/HuaweiCloudOcr/catalog/types';

/** The `response_200.result` of a documented sample copied into fixtures/. */
export function sampleResult(name: string): unknown {
	const sample = JSON.parse(readFileSync(join(module.path, 'fixtures', `${name}.json`), 'utf8')) as {
		response_200: { result: unknown };
	};
	return sample.response_200.result;
}

/** A minimal catalog entry for output tests. */
export function operation(
	id: string,
	name: string,
	family: ResultFamily,
	result: Partial<OcrOperation['result']> = {},
): OcrOperation {
	return {
		id,
		value: id.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()),
		resource: 'textAndTables',
		name,
		action: `Recognize ${name}`,
		description: `${name}.`,
		fileField: 'image',
		formats: ['jpeg'],
		pixels: { minSide: 15, maxSide: 8192 },
		maxBase64Length: 10_000_000,
		sites: ['cn'],
		regions: { cn: ['cn-north-4'], intl: [] },
		regionsVerified: true,
		options: [],
		result: { family, isArray: false, ...result },
	};
}

export const GENERAL_TEXT = operation('general-text', 'General Text', 'text');
export const WEB_IMAGE = operation('web-image', 'Web Image', 'text');
export const GENERAL_TABLE = operation('general-table', 'General Table', 'table', {
	hasTables: true,
	excelField: 'return_excel',
});
export const SMART_DOCUMENT = operation('smart-document-recognizer', 'Smart Document Recognizer', 'smartDocument', {
	isArray: true,
	hasTables: true,
	excelField: 'return_excel',
});
export const ID_CARD = operation('id-card', 'ID Card', 'fields');
export const PASSPORT = operation('passport', 'Passport', 'fields');
export const VAT_INVOICE = operation('vat-invoice', 'VAT Invoice', 'fields');
export const LICENSE_PLATE = operation('license-plate', 'License Plate', 'list', { isArray: true });
export const AUTO_CLASSIFICATION = operation('auto-classification', 'Auto Classification', 'classification', {
	isArray: true,
});
export const INVOICE_VERIFICATION = operation('invoice-verification', 'Invoice Verification', 'verification');

export interface PreparedBinary {
	data: Buffer;
	fileName?: string;
	mimeType?: string;
}

/** A fake execute context: parameters by name, and prepareBinaryData that records what it got. */
export function fakeContext(parameters: IDataObject): {
	ctx: IExecuteFunctions;
	prepared: PreparedBinary[];
} {
	const prepared: PreparedBinary[] = [];
	const node: INode = {
		id: 'node-1',
		name: 'Huawei Cloud OCR',
		type: 'n8n-nodes-huaweicloud-ocr.huaweiCloudOcr',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const ctx = {
		getNode: () => node,
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		helpers: {
			prepareBinaryData: async (data: Buffer, fileName?: string, mimeType?: string): Promise<IBinaryData> => {
				prepared.push({ data, fileName, mimeType });
				return { data: data.toString('base64'), fileName, mimeType: mimeType ?? '' };
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, prepared };
}
