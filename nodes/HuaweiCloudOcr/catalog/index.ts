import { regionById, regionLabel } from '../../HuaweiCloud/regions';
import { BUSINESS_DOCUMENT_OPERATIONS } from './operations/businessDocument';
import { CLASSIFICATION_OPERATIONS } from './operations/classification';
import { IDENTITY_DOCUMENT_OPERATIONS } from './operations/identityDocument';
import { INVOICE_AND_RECEIPT_OPERATIONS } from './operations/invoiceAndReceipt';
import { TEXT_AND_TABLE_OPERATIONS } from './operations/textAndTables';
import { VEHICLE_OPERATIONS } from './operations/vehicle';
import type { OcrOperation, ResourceId } from './types';

export type { OcrOperation, OperationOption, ResourceId } from './types';
export { AUTO_CLASSIFICATION_TYPES } from './operations/classification';

/** Every operation the node offers (retired ones are in RETIRED_OPERATIONS), grouped by resource. */
export const OPERATIONS: readonly OcrOperation[] = [
	...TEXT_AND_TABLE_OPERATIONS,
	...IDENTITY_DOCUMENT_OPERATIONS,
	...VEHICLE_OPERATIONS,
	...INVOICE_AND_RECEIPT_OPERATIONS,
	...BUSINESS_DOCUMENT_OPERATIONS,
	...CLASSIFICATION_OPERATIONS,
];

/** Operations still in Huawei's SDKs but taken offline; the node does not offer them. */
export const RETIRED_OPERATIONS: ReadonlyArray<{ id: string; reason: string }> = [
	{ id: 'hk-id-card', reason: 'Taken offline on the international site in August 2024.' },
	{ id: 'macao-id-card', reason: 'Taken offline on the international site in August 2024.' },
	{ id: 'exit-entry-permit', reason: 'Taken offline on the international site in August 2024.' },
	{ id: 'mainland-travel-permit', reason: 'Taken offline on the international site in August 2024.' },
	{ id: 'id-document', reason: 'Terminated on 2025-02-18.' },
	{ id: 'health-code', reason: 'COVID-era API; sales stopped on 2023-04-30.' },
	{ id: 'pcr-test-record', reason: 'COVID-era API; sales stopped on 2023-04-30.' },
	{ id: 'custom-template', reason: 'Taken offline on 2025-12-31.' },
];

export const RESOURCES: Array<{ value: ResourceId; name: string; description: string }> = [
	{
		value: 'textAndTables',
		name: 'Text & Table',
		description: 'Printed and handwritten text, tables, web images and whole documents',
	},
	{
		value: 'identityDocument',
		name: 'Identity Document',
		description: 'Passports, national ID cards and household registers',
	},
	{
		value: 'vehicle',
		name: 'Vehicle & Driving',
		description: 'Driving and vehicle licenses, license plates, VINs and transport certificates',
	},
	{
		value: 'invoiceAndReceipt',
		name: 'Invoice & Receipt',
		description: 'VAT and other invoices, tickets, itineraries, bank receipts and invoice verification',
	},
	{
		value: 'businessDocument',
		name: 'Business Document',
		description: 'Business licenses and cards, bank cards, policies, statements, bills, seals and waybills',
	},
	{
		value: 'classification',
		name: 'Classification',
		description: 'Find out which documents an image shows and read them',
	},
];

const BY_VALUE = new Map(OPERATIONS.map((operation) => [operation.value, operation]));

/** The operation with this n8n value; throws for unknown values (e.g. a retired operation in an old workflow). */
export function operationByValue(value: string): OcrOperation {
	const operation = BY_VALUE.get(value);
	if (!operation) {
		throw new Error(`Unknown Huawei Cloud OCR operation "${value}"`);
	}
	return operation;
}

/** Every region that hosts the operation, Chinese-mainland site first. */
export function hostingRegions(operation: OcrOperation): string[] {
	return [...new Set([...operation.regions.cn, ...operation.regions.intl])];
}

/**
 * Regions whose OCR line-up the reference could not confirm (cn-north-1 and cn-southwest-2 were cut
 * off in the endpoint tables; af-south-1 is confirmed for Web Image only). We never block them.
 */
const REGIONS_WITH_UNKNOWN_LINEUP = new Set(['cn-north-1', 'cn-southwest-2', 'af-south-1']);

function readableRegion(id: string): string {
	const region = regionById(id);
	return region ? regionLabel(region) : id;
}

/**
 * Why the operation can't be called in this region, before any paid call; undefined when it can,
 * or when we don't know for sure (unverified region lists, custom regions, regions with an unknown line-up).
 */
export function regionProblem(operation: OcrOperation, region: string): string | undefined {
	if (!operation.regionsVerified) return undefined;
	if (!regionById(region) || REGIONS_WITH_UNKNOWN_LINEUP.has(region)) return undefined;
	const hosts = hostingRegions(operation);
	if (hosts.includes(region)) return undefined;
	return (
		`${operation.name} is not available in ${readableRegion(region)}. ` +
		`It is offered in: ${hosts.map(readableRegion).join(', ')}. ` +
		'Choose one of these regions in the credential, or set Options → Region.'
	);
}

/** The operation with the formats and pixel limits that apply in this region (see `regionalLimits`). */
export function operationForRegion(operation: OcrOperation, region: string): OcrOperation {
	const regional = operation.regionalLimits?.find((limits) => limits.regions.includes(region));
	if (!regional) return operation;
	return { ...operation, formats: [...regional.formats], pixels: { ...regional.pixels } };
}

/** Operations of one resource, in catalog order (the first one is the resource's default operation). */
export function operationsOf(resource: ResourceId): OcrOperation[] {
	return OPERATIONS.filter((operation) => operation.resource === resource);
}
