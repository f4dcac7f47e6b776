/**
 * SDK-shaped results built from Huawei's official SDK models (test/emulator/spec/sdk): every
 * field at its SDK type, nested classes expanded, each value unique so a lost value can be found;
 * and their variants with one optional field left out, set to null, or one list emptied.
 */
import { parseSdkType, sdkFields } from '../../emulator/spec/sdkModels';

type Json = unknown;

export interface Variant {
	/** What changed, e.g. `words_region_list[1].words_block_list[0].rows: null`. */
	label: string;
	result: Json;
}

/** List lengths: two entries by default (merging and numbering get exercised); some lists hold one. */
const LIST_LENGTH: Record<string, number> = {
	// One page: a document has one direction.
	SmartDocumentRecognizerResult: 1,
	// Character lists and cell text lines only add volume.
	GeneralTextCharList: 1,
	CharListItem: 1,
	SmartDocumentRecognizerCharList: 1,
	WordsListItem: 1,
};

/** Values that decide the shape, where a unique string would not be realistic. */
const REGION_TYPES = ['text', 'table'];

class Builder {
	private counter = 0;

	private next(): number {
		this.counter += 1;
		return this.counter;
	}

	build(type: string, field: string, index: number, owner: string): Json {
		const parsed = parseSdkType(type);
		switch (parsed.kind) {
			case 'scalar':
				return this.scalar(parsed.name, field, index, owner);
			case 'object':
				return { [`${field}_detail`]: `${field}-detail-${this.next()}` };
			case 'dict':
				return { [`${field}_key`]: this.build(parsed.value, `${field}_key`, 0, owner) };
			case 'list': {
				const length = LIST_LENGTH[parsed.item] ?? 2;
				return Array.from({ length }, (_unused, i) => this.build(parsed.item, field, i, owner));
			}
			case 'class': {
				const object: Record<string, Json> = {};
				for (const child of sdkFields(parsed.name)) object[child.name] = this.build(child.type, child.name, index, parsed.name);
				return object;
			}
		}
	}

	private scalar(name: 'str' | 'int' | 'float' | 'bool', field: string, index: number, owner: string): Json {
		if (name === 'str' && field === 'type' && /WordsRegionList$/.test(owner)) return REGION_TYPES[index % 2];
		// Row and column indexes place a cell: small, so the grid stays small.
		if (name === 'int' && (field === 'rows' || field === 'columns')) return index;
		switch (name) {
			case 'str':
				return `${field}-${this.next()}`;
			case 'int':
				return 1000 + this.next();
			case 'float':
				return Number((this.next() + 0.25).toFixed(2));
			case 'bool':
				return this.next() % 2 === 0;
		}
	}
}

/** A full result of this SDK type: every field present. */
export function sdkShapedResult(type: string): Json {
	return new Builder().build(type, 'result', 0, '');
}

interface Slot {
	/** Path from the result to the object holding the field. */
	path: Array<string | number>;
	field: string;
	optional: boolean;
	isList: boolean;
}

/** Every field of every SDK-described object in `value`, with where it sits. */
function slots(value: Json, type: string, path: Array<string | number> = []): Slot[] {
	const parsed = parseSdkType(type);
	if (parsed.kind === 'list' && Array.isArray(value)) {
		return value.flatMap((item, index) => slots(item, parsed.item, [...path, index]));
	}
	if (parsed.kind === 'dict' && isObject(value)) {
		return Object.entries(value).flatMap(([key, item]) => slots(item, parsed.value, [...path, key]));
	}
	if (parsed.kind !== 'class' || !isObject(value)) return [];
	return sdkFields(parsed.name).flatMap((field) => [
		{ path, field: field.name, optional: field.optional, isList: Array.isArray(value[field.name]) },
		...slots(value[field.name], field.type, [...path, field.name]),
	]);
}

function isObject(value: Json): value is Record<string, Json> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(root: Json, path: Array<string | number>): Record<string, Json> {
	return path.reduce<Json>((node, key) => (node as Record<string, Json>)[key], root) as Record<string, Json>;
}

function pathLabel(path: Array<string | number>, field: string): string {
	return [...path, field].reduce<string>(
		(text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? part : `${text}.${part}`),
		'',
	);
}

/**
 * The full result, then one variant per optional field left out, one per optional field set to null,
 * and one per list (optional or not, the result itself included) emptied.
 */
export function sdkVariants(type: string): Variant[] {
	const full = sdkShapedResult(type);
	const variants: Variant[] = [{ label: 'every field', result: full }];
	if (Array.isArray(full)) variants.push({ label: 'result: empty list', result: [] });
	const change = (slot: Slot, label: string, apply: (holder: Record<string, Json>) => void) => {
		const copy = structuredClone(full);
		apply(at(copy, slot.path));
		variants.push({ label: `${pathLabel(slot.path, slot.field)}: ${label}`, result: copy });
	};
	for (const slot of slots(full, type)) {
		if (slot.optional) {
			change(slot, 'left out', (holder) => delete holder[slot.field]);
			change(slot, 'null', (holder) => (holder[slot.field] = null));
		}
		if (slot.isList) change(slot, 'empty list', (holder) => (holder[slot.field] = []));
	}
	return variants;
}

/** Paths of every object in a result (where fast-check may add unknown fields). */
export function objectPaths(value: Json, path: Array<string | number> = []): Array<Array<string | number>> {
	if (Array.isArray(value)) return value.flatMap((item, index) => objectPaths(item, [...path, index]));
	if (!isObject(value)) return [];
	return [path, ...Object.entries(value).flatMap(([key, item]) => objectPaths(item, [...path, key]))];
}

export { at as objectAt };
