/**
 * Deterministic results for operations without a documented sample, built from the catalog's result
 * fields: strings get plausible values, lists and polygons their shapes, `confidence` a map keyed by the
 * string fields. Fields that only appear on request (text_location, portrait_image, …) are left out
 * unless the option that asks for them is true. Fields Huawei's SDK model has and the catalog lacks
 * (newer ones, e.g. VAT invoice total_pages) are added, and objects the catalog leaves shapeless get
 * the SDK's fields.
 */
import type { OperationSpec } from '../spec/operations';
import { parseSdkType, sdkFields, sdkResultType } from '../spec/sdkModels';

export const POLYGON = [
	[12, 16],
	[212, 16],
	[212, 48],
	[12, 48],
];

/** A 1×1 PNG, for result fields that carry an image as Base64. */
export const TINY_PNG_BASE64 =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAG7buVgAAAABJRU5ErkJggg==';

/** Result field → the request option that makes the service return it (when the operation has that option). */
const GATES: Record<string, string> = {
	text_location: 'return_text_location',
	portrait_image: 'return_portrait_image',
	portrait_location: 'return_portrait_location',
	adjusted_image: 'return_adjusted_image',
	idcard_type: 'return_idcard_type',
	issuing_authority: 'return_issuing_authority',
	verification_result: 'return_verification',
	excel: 'return_excel',
	image_size: 'return_image_size',
	rectification_matrix: 'return_rectification_matrix',
	table_location: 'return_table_location',
	translation_info: 'return_translation',
	image_location: 'return_image_location',
	alarm_result: 'alarm',
	alarm_confidence: 'alarm',
	seal_image_list: 'return_seal_image',
	erased_seal_image: 'return_erased_seal_image',
	markdown_result: 'return_markdown_result',
	confidence: 'return_confidence',
};

/** Whether a result field is returned for these options. */
export function fieldRequested(spec: OperationSpec, name: string, options: Record<string, unknown>): boolean {
	const detect = /^(detect_\w+)_result$/.exec(name);
	const gate = detect ? detect[1] : GATES[name];
	if (name === 'score_info') return spec.fields.some((field) => field.name.startsWith('detect_') && options[field.name] === true);
	if (!gate || !spec.fields.some((field) => field.name === gate)) return true;
	return options[gate] === true;
}

export function plausibleString(name: string): string {
	if (/(date|birth|time|valid_from|valid_to|expir)/.test(name)) return '2024-03-15';
	if (/(^|_)pages?$/.test(name)) return '1';
	if (/(amount|total|tax|fare|price|fee|surcharge)/.test(name)) return '128.00';
	if (/(number|_id$|^code$|_code$|code\d?$|^vin$)/.test(name)) return '144031900110';
	if (/(^|_)name($|_)/.test(name)) return 'ZHANG SAN';
	if (/(sex|gender)/.test(name)) return 'M';
	if (/(address|place|location)/.test(name)) return '1 Emulator Road, Test City';
	if (/(nationality|country)/.test(name)) return 'CHN';
	if (/image$/.test(name)) return TINY_PNG_BASE64;
	return `Sample ${name.replace(/_/g, ' ')}`;
}

function valueFor(name: string, type: string, stringFields: string[]): unknown {
	if (name === 'confidence' && type.startsWith('object')) {
		return Object.fromEntries(stringFields.map((field, i) => [field, Number((0.99 - (i % 7) * 0.01).toFixed(4))]));
	}
	if (name === 'text_location') return Object.fromEntries(stringFields.map((field) => [field, POLYGON]));
	switch (type) {
		case 'string':
			return plausibleString(name);
		case 'string[]':
			return [plausibleString(name)];
		case 'boolean':
			return false;
		case 'integer':
			return name.endsWith('_count') ? 0 : 1;
		case 'number':
			return name === 'confidence' ? 0.9876 : name === 'direction' ? 0 : 1;
		case 'integer[][]':
		case 'number[][]':
			return POLYGON;
		case 'object[]':
			// Item shapes are not in the catalog; an empty list is a valid shape we do not have to invent.
			return [];
		default:
			return {};
	}
}

/** The SDK class of the operation's result object (the item class for array results). */
function sdkResultClass(spec: OperationSpec): string | undefined {
	const type = sdkResultType(spec.id);
	if (type === undefined) return undefined;
	const parsed = parseSdkType(type);
	const named = parsed.kind === 'list' ? parseSdkType(parsed.item) : parsed;
	return named.kind === 'class' ? named.name : undefined;
}

/** A value of an SDK type: scalars plausible, classes with their fields, lists of objects empty (as for the catalog). */
function sdkValue(name: string, type: string): unknown {
	const parsed = parseSdkType(type);
	switch (parsed.kind) {
		case 'scalar':
			if (parsed.name === 'str') return plausibleString(name);
			if (parsed.name === 'bool') return false;
			return parsed.name === 'int' ? 1 : 0.9876;
		case 'class':
			return Object.fromEntries(sdkFields(parsed.name).map((field) => [field.name, sdkValue(field.name, field.type)]));
		case 'list':
			return parsed.item === 'str' ? [plausibleString(name)] : [];
		default:
			return {};
	}
}

/** One result object from the catalog's field list, completed from the SDK model. */
export function templateObject(spec: OperationSpec, options: Record<string, unknown>): Record<string, unknown> {
	const fields = spec.responseFields.filter((field) => fieldRequested(spec, field.name, options));
	const stringFields = fields.filter((field) => field.type === 'string').map((field) => field.name);
	const className = sdkResultClass(spec);
	const sdk = new Map((className ? sdkFields(className) : []).map((field) => [field.name, field.type]));
	const result: Record<string, unknown> = {};
	for (const field of fields) {
		if (field.name in result) continue;
		const sdkType = sdk.get(field.name);
		const shapeless = field.type === 'object' && sdkType !== undefined && parseSdkType(sdkType).kind === 'class';
		result[field.name] = shapeless ? sdkValue(field.name, sdkType) : valueFor(field.name, field.type, stringFields);
	}
	for (const [name, type] of sdk) {
		if (name in result || spec.responseFields.some((field) => field.name === name)) continue;
		if (fieldRequested(spec, name, options) && !GATES[name] && parseSdkType(type).kind !== 'object') result[name] = sdkValue(name, type);
	}
	return result;
}
export function templateResult(spec: OperationSpec, options: Record<string, unknown>): unknown {
	const object = templateObject(spec, options);
	return spec.resultIsArray ? [object] : object;
}
