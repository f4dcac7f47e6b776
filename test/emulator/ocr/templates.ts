/**
 * Deterministic results for operations without a documented sample, built from the catalog's result
 * fields: strings get plausible values, lists and polygons their shapes, `confidence` a map keyed by the
 * string fields. Fields that only appear on request (text_location, portrait_image, …) are left out
 * unless the option that asks for them is true.
 */
import type { OperationSpec } from '../spec/operations';

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

/** One result object from the catalog's field list. */
export function templateObject(spec: OperationSpec, options: Record<string, unknown>): Record<string, unknown> {
	const fields = spec.responseFields.filter((field) => fieldRequested(spec, field.name, options));
	const stringFields = fields.filter((field) => field.type === 'string').map((field) => field.name);
	const result: Record<string, unknown> = {};
	for (const field of fields) {
		if (!(field.name in result)) result[field.name] = valueFor(field.name, field.type, stringFields);
	}
	return result;
}

export function templateResult(spec: OperationSpec, options: Record<string, unknown>): unknown {
	const object = templateObject(spec, options);
	return spec.resultIsArray ? [object] : object;
}
