/**
 * Flattening card, licence and invoice results into one level of named fields, ready for a
 * spreadsheet row. Keys stay Huawei's snake_case; nested objects are joined with `_`
 * (`front.name` → `front_name`).
 */
import type { IDataObject } from 'n8n-workflow';

export interface DetailOptions {
	/** Keep per-field `confidence` objects (as `confidence_<field>`). Single numeric scores are always kept. */
	includeConfidence: boolean;
	/** Keep `location`, `*_location` and `text_location` values (as returned: point lists / objects). */
	includeLocations: boolean;
	/** Keep Base64 image fields (`portrait_image`, `adjusted_image`, `seal_image`, …). */
	includeImages: boolean;
}

export const NO_DETAILS: DetailOptions = {
	includeConfidence: false,
	includeLocations: false,
	includeImages: false,
};

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLocationKey(key: string): boolean {
	return key === 'location' || key.endsWith('_location');
}

function isImageField(key: string, value: unknown): boolean {
	return key.endsWith('_image') && typeof value === 'string';
}

const WORDS_OBJECT_KEYS = new Set(['words', 'location', 'confidence']);

/** `{ words, location?, confidence? }`: one recognised value with its position (insurance policy). */
function isWordsObject(value: unknown): value is { words: string; location?: unknown; confidence?: unknown } {
	return (
		isPlainObject(value) &&
		typeof value.words === 'string' &&
		Object.keys(value).every((key) => WORDS_OBJECT_KEYS.has(key))
	);
}

/** `[{ key, value }, …]`: a key-value list (bank receipts), turned into named fields. */
function isKeyValueList(value: unknown[]): value is Array<{ key: string; value?: unknown }> {
	return (
		value.length > 0 &&
		value.every((entry) => isPlainObject(entry) && typeof entry.key === 'string' && 'value' in entry)
	);
}

function setUnique(target: IDataObject, name: string, value: unknown): void {
	let key = name;
	for (let n = 2; key in target; n++) key = `${name}_${n}`;
	target[key] = value as IDataObject[string];
}

function joinName(prefix: string, key: string): string {
	return prefix === '' ? key : `${prefix}_${key}`;
}

function flattenInto(
	target: IDataObject,
	prefix: string,
	source: Record<string, unknown>,
	options: DetailOptions,
): void {
	for (const [key, value] of Object.entries(source)) {
		const name = joinName(prefix, key);
		if (value === undefined) continue;
		if (isLocationKey(key)) {
			if (options.includeLocations) setUnique(target, name, value);
			continue;
		}
		if (isImageField(key, value)) {
			if (options.includeImages) setUnique(target, name, value);
			continue;
		}
		if (key === 'char_list') continue;
		if (key === 'confidence' && isPlainObject(value)) {
			if (options.includeConfidence) flattenInto(target, name, value, options);
			continue;
		}
		if (isWordsObject(value)) {
			setUnique(target, name, value.words);
			if (options.includeLocations && value.location !== undefined) {
				setUnique(target, `${name}_location`, value.location);
			}
			if (options.includeConfidence && typeof value.confidence === 'number') {
				setUnique(target, `${name}_confidence`, value.confidence);
			}
			continue;
		}
		if (isPlainObject(value)) {
			flattenInto(target, name, value, options);
			continue;
		}
		if (Array.isArray(value)) {
			if (isKeyValueList(value)) {
				for (const entry of value) setUnique(target, joinName(prefix, entry.key), entry.value ?? '');
			} else if (value.length > 0 && value.every(isPlainObject)) {
				setUnique(
					target,
					name,
					value.map((entry) => flattenFields(entry, options)),
				);
			} else {
				setUnique(target, name, value);
			}
			continue;
		}
		setUnique(target, name, value);
	}
}

/**
 * One flat object of named fields: nested objects become prefixed keys, arrays of objects become
 * arrays of flat objects, arrays of strings stay arrays. Confidence maps, locations and Base64
 * images are left out unless asked for.
 */
export function flattenFields(
	source: Record<string, unknown>,
	options: DetailOptions = NO_DETAILS,
): IDataObject {
	const target: IDataObject = {};
	flattenInto(target, '', source, options);
	return target;
}

/**
 * Adds the flattened `extra` fields (Huawei fields a simplifier has no special place for, including
 * ones Huawei adds later) to a simplified item, without overwriting the item's own keys.
 */
export function withExtraFields(
	simplified: IDataObject,
	extra: Record<string, unknown>,
	options: DetailOptions = NO_DETAILS,
): IDataObject {
	const merged: IDataObject = { ...simplified };
	for (const [key, value] of Object.entries(flattenFields(extra, options))) setUnique(merged, key, value);
	return merged;
}

/** `source` without the listed keys. */
export function omitKeys(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
	return Object.fromEntries(Object.entries(source).filter(([key]) => !keys.includes(key)));
}
