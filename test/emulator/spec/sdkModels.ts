/**
 * Huawei's official OCR SDK models (spec/sdk: huaweicloud-sdk-ocr 3.1.211, Python SDK, generated from
 * Huawei's API definitions; copied unchanged from the reference): the `result` type of each operation
 * and, for every model class, each field's wire name, SDK type and whether the SDK always sets it.
 * Every other field is optional: Huawei may leave it out of an answer. The walker below visits a
 * result along these types.
 */
import { readFileSync } from '../../nodejs/fs.cjs';
import { join } from '../../nodejs/path.cjs';

export interface SdkModel {
	/** SDK attribute → SDK type: `str`, `int`, `float`, `bool`, `object`, `list[X]`, `dict(str, X)` or a class name. */
	types: Record<string, string>;
	/** SDK attribute → JSON field name on the wire. */
	map: Record<string, string>;
	/** Attributes always present; all others are optional. */
	required: string[];
}

const DIR = join(module.path, 'sdk');

export const SDK_MODELS: Record<string, SdkModel> = JSON.parse(readFileSync(join(DIR, 'models.json'), 'utf8'));
const SDK_OPERATIONS: Array<[string, string, string]> = JSON.parse(readFileSync(join(DIR, 'operations.json'), 'utf8'));

/** The SDK type of an operation's `result`, e.g. `GeneralTextResult` or `list[LicensePlateResult]`; undefined when the SDK lacks the operation. */
export function sdkResultType(operationId: string): string | undefined {
	const entry = SDK_OPERATIONS.find(([path]) => path.endsWith(`/ocr/${operationId}`));
	return entry ? SDK_MODELS[entry[2]]?.types.result : undefined;
}

export type SdkType =
	| { kind: 'scalar'; name: 'str' | 'int' | 'float' | 'bool' }
	| { kind: 'object' }
	| { kind: 'list'; item: string }
	| { kind: 'dict'; value: string }
	| { kind: 'class'; name: string; model: SdkModel };

export function parseSdkType(type: string): SdkType {
	const list = /^list\[(.+)\]$/.exec(type);
	if (list) return { kind: 'list', item: list[1] };
	const dict = /^dict\(str, (.+)\)$/.exec(type);
	if (dict) return { kind: 'dict', value: dict[1] };
	if (type === 'str' || type === 'int' || type === 'float' || type === 'bool') return { kind: 'scalar', name: type };
	const model = SDK_MODELS[type];
	if (model) return { kind: 'class', name: type, model };
	return { kind: 'object' };
}

/** One field of a model class, by its wire name. */
export interface SdkField {
	className: string;
	/** Wire name. */
	name: string;
	type: string;
	optional: boolean;
}

/** The fields of a class, by wire name. */
export function sdkFields(className: string): SdkField[] {
	const model = SDK_MODELS[className];
	return Object.entries(model.types).map(([attribute, type]) => ({
		className,
		name: model.map[attribute] ?? attribute,
		type,
		optional: !model.required.includes(attribute),
	}));
}

/**
 * Visits every object of `value` that the SDK describes with a class, depth first (children before
 * the object itself, so a visitor may delete fields without upsetting the walk).
 */
export function walkSdkObjects(
	value: unknown,
	type: string,
	visit: (object: Record<string, unknown>, className: string) => void,
): void {
	const parsed = parseSdkType(type);
	if (parsed.kind === 'list' && Array.isArray(value)) {
		for (const item of value) walkSdkObjects(item, parsed.item, visit);
	} else if (parsed.kind === 'dict' && isObject(value)) {
		for (const item of Object.values(value)) walkSdkObjects(item, parsed.value, visit);
	} else if (parsed.kind === 'class' && isObject(value)) {
		for (const field of sdkFields(parsed.name)) {
			if (field.name in value) walkSdkObjects(value[field.name], field.type, visit);
		}
		visit(value, parsed.name);
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
