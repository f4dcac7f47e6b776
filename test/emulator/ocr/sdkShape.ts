/**
 * Whether a result is one Huawei's official SDK could carry: every field is an attribute of the
 * operation's result model (by its wire name) with the model's type, and the model's required
 * attributes are present. Per-test answers are held to it, so no fixture can show the node a
 * shape the real service could not send.
 */
import { readFileSync } from '../../nodejs/fs.cjs';
import { join } from '../../nodejs/path.cjs';

interface Model {
	types: Record<string, string>;
	map: Record<string, string>;
	required: string[];
}

const SDK_DIR = join(module.path, '..', 'spec', 'sdk');
let models: Record<string, Model> | undefined;
let resultTypes: Map<string, string> | undefined;

function loadModels(): Record<string, Model> {
	models ??= JSON.parse(readFileSync(join(SDK_DIR, 'models.json'), 'utf8')) as Record<string, Model>;
	return models;
}

/** Operation id (path segment after /ocr/) → type of the response's `result`. */
function resultTypeOf(operationId: string): string | undefined {
	if (!resultTypes) {
		const operations = JSON.parse(readFileSync(join(SDK_DIR, 'operations.json'), 'utf8')) as Array<[string, string, string]>;
		resultTypes = new Map(
			operations.map(([path, , response]) => [path.split('/ocr/')[1], loadModels()[response]?.types.result]),
		);
	}
	return resultTypes.get(operationId);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function problemsOf(value: unknown, type: string, path: string): string[] {
	if (value === null || value === undefined) return [];
	const list = /^list\[(.+)\]$/.exec(type);
	if (list) {
		if (!Array.isArray(value)) return [`${path} should be a list`];
		return value.flatMap((entry, i) => problemsOf(entry, list[1], `${path}[${i}]`));
	}
	const dict = /^dict\(str, (.+)\)$/.exec(type);
	if (dict) {
		if (!isObject(value)) return [`${path} should be an object`];
		return Object.entries(value).flatMap(([key, entry]) => problemsOf(entry, dict[1], `${path}.${key}`));
	}
	switch (type) {
		case 'str':
			return typeof value === 'string' ? [] : [`${path} should be a string`];
		case 'bool':
			return typeof value === 'boolean' ? [] : [`${path} should be a boolean`];
		case 'int':
			return Number.isInteger(value) ? [] : [`${path} should be an integer`];
		case 'float':
			return typeof value === 'number' ? [] : [`${path} should be a number`];
		case 'object':
			return [];
		default:
			return modelProblems(value, type, path);
	}
}

function modelProblems(value: unknown, className: string, path: string): string[] {
	const model = loadModels()[className];
	if (!model) return [`${path}: the SDK has no model ${className}`];
	if (!isObject(value)) return [`${path} should be an object (${className})`];
	const attributeOf = new Map(Object.entries(model.map).map(([attribute, wire]) => [wire, attribute]));
	const problems: string[] = [];
	for (const [key, entry] of Object.entries(value)) {
		const attribute = attributeOf.get(key);
		if (attribute === undefined) problems.push(`${path}.${key} is not a field of ${className}`);
		else problems.push(...problemsOf(entry, model.types[attribute], `${path}.${key}`));
	}
	for (const attribute of model.required) {
		const wire = model.map[attribute];
		if (value[wire] === undefined || value[wire] === null) problems.push(`${path}.${wire} is required by ${className}`);
	}
	return problems;
}

/** What keeps `result` from being an answer of `operationId` in Huawei's SDK; empty when it is one. */
export function sdkShapeProblems(operationId: string, result: unknown): string[] {
	const type = resultTypeOf(operationId);
	if (type === undefined) return [`the SDK has no operation ${operationId}`];
	return problemsOf(result, type, 'result');
}
