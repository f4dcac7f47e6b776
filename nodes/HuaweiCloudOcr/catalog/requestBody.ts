import type { IDataObject } from 'n8n-workflow';

import type { OcrOperation, OperationOption } from './types';

/**
 * A recognition option the user set to a value Huawei would reject. The node wraps it in a
 * NodeOperationError for the item (message = what is wrong, description = how to fix it).
 */
export class RecognitionOptionError extends Error {
	constructor(
		message: string,
		readonly description: string,
		readonly option: string,
	) {
		super(message);
		this.name = 'RecognitionOptionError';
	}
}

type FieldValue = string | number | boolean | string[] | IDataObject;

function invalid(option: OperationOption, what: string, fix: string): RecognitionOptionError {
	return new RecognitionOptionError(`${option.displayName} ${what}`, fix, option.name);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (error) {
		return { ok: false, reason: (error as Error).message };
	}
}

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toBoolean(option: OperationOption, raw: unknown): boolean {
	if (typeof raw === 'boolean') return raw;
	if (raw === 'true' || raw === 'false') return raw === 'true';
	throw invalid(option, `must be true or false, not ${JSON.stringify(raw)}`, `Set ${option.displayName} to true or false.`);
}

function toInteger(option: OperationOption, raw: unknown): number {
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	const min = option.typeOptions?.minValue;
	const max = option.typeOptions?.maxValue;
	const inRange =
		typeof value === 'number' &&
		Number.isInteger(value) &&
		(min === undefined || value >= min) &&
		(max === undefined || value <= max);
	if (!inRange) {
		const range = max === undefined ? `${min ?? 0} or more` : `from ${min ?? 0} to ${max}`;
		throw invalid(option, `must be a whole number ${range}, not ${JSON.stringify(raw)}`, `Set ${option.displayName} to a whole number ${range}.`);
	}
	return value;
}

function allowedValues(option: OperationOption): string {
	return (option.options ?? []).map((choice) => `${choice.name} (${JSON.stringify(choice.value)})`).join(', ');
}

function toChoice(option: OperationOption, raw: unknown): string {
	const value = String(raw ?? '');
	if (!(option.options ?? []).some((choice) => choice.value === value)) {
		throw invalid(option, `has an unknown value ${JSON.stringify(value)}`, `Use one of: ${allowedValues(option)}.`);
	}
	return value;
}

function toChoices(option: OperationOption, raw: unknown): string[] {
	const values = Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(',').map((value) => value.trim()).filter(Boolean);
	for (const value of values) toChoice(option, value);
	return [...new Set(values)];
}

function toText(option: OperationOption, raw: unknown): string {
	const value = String(raw ?? '').trim();
	if (option.required && value === '') {
		throw invalid(option, 'is empty', `Enter the ${option.displayName.toLowerCase()}; it is required.`);
	}
	if (option.pattern && value !== '' && !option.pattern.regex.test(value)) {
		throw invalid(option, `has an unexpected form: ${JSON.stringify(value)}`, `Write it like ${option.pattern.example}.`);
	}
	return value;
}

function jsonExample(option: OperationOption): string {
	return option.placeholder ?? 'e.g. {"key": "value"}';
}

function toJsonObject(option: OperationOption, raw: unknown): IDataObject {
	if (isPlainObject(raw)) return raw;
	const text = String(raw ?? '').trim();
	if (text === '') return {};
	const parsed = parseJson(text);
	if (!parsed.ok) {
		throw invalid(option, `is not valid JSON (${parsed.reason})`, `Enter a JSON object, ${jsonExample(option)}.`);
	}
	if (!isPlainObject(parsed.value)) {
		throw invalid(option, 'must be a JSON object', `Enter a JSON object in braces, ${jsonExample(option)}.`);
	}
	return parsed.value;
}

/** The user's value in the type Huawei expects (JSON booleans, integers, arrays, objects). */
function normalise(option: OperationOption, raw: unknown): FieldValue {
	switch (option.type) {
		case 'boolean':
			return toBoolean(option, raw);
		case 'number':
			return toInteger(option, raw);
		case 'options':
			return toChoice(option, raw);
		case 'multiOptions':
			return toChoices(option, raw);
		case 'json':
			return toJsonObject(option, raw);
		case 'string':
			return toText(option, raw);
	}
}

function isServiceDefault(option: OperationOption, value: FieldValue): boolean {
	if (option.type === 'json') return Object.keys(value as IDataObject).length === 0;
	if (option.type === 'multiOptions') return (value as string[]).length === 0;
	return value === option.default;
}

function asRequestValue(option: OperationOption, value: FieldValue): FieldValue {
	return option.type === 'json' && option.jsonAs === 'string' ? JSON.stringify(value) : value;
}

/**
 * The request-body fields for the user's recognition options (`params` is keyed by option name:
 * the Recognition Options collection and, where the operation has them, its top-level fields).
 * Only values that differ from the service default are sent (or `alwaysSend` ones); options missing
 * from `params` are left out. Turning on an option that `requires` another turns that one on too.
 * Throws RecognitionOptionError for values Huawei would reject.
 */
export function recognitionFields(operation: OcrOperation, params: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const option of operation.options) {
		const raw = params[option.name];
		if (raw === undefined || raw === null) continue;
		const value = normalise(option, raw);
		if (!option.alwaysSend && isServiceDefault(option, value)) continue;
		body[option.field] = asRequestValue(option, value);
	}
	for (const option of operation.options) {
		if (body[option.field] !== true || !option.requires) continue;
		const needed = operation.options.find((candidate) => candidate.name === option.requires);
		if (needed) body[needed.field] = true;
	}
	return body;
}

/** The PDF page the user picked (for the pre-flight check), or undefined when the operation has no page option. */
export function selectedPage(operation: OcrOperation, params: IDataObject): number | undefined {
	const selector = operation.options.find((option) => option.pageSelector);
	if (!selector) return undefined;
	const raw = params[selector.name];
	return raw === undefined || raw === null || raw === '' ? undefined : toInteger(selector, raw);
}

/**
 * The request-body fields Check Results needs on top of the user's options: the confidence switch
 * of operations that return confidence only on request. Huawei's alarms are not added: they are sent
 * when the user turns them on (they are extra checks on Huawei's side, not needed to read the result).
 */
export function fieldsForChecks(operation: OcrOperation): IDataObject {
	const body: IDataObject = {};
	for (const option of operation.options) {
		if (option.checkInput === 'confidence') body[option.field] = true;
	}
	return body;
}

/** Request fields of the operation's Huawei alarms (options marked as check signals). */
export function signalFields(operation: OcrOperation): string[] {
	return operation.options.filter((option) => option.checkInput === 'signal').map((option) => option.field);
}
