/**
 * Reading a raw Huawei result the way the simplified output names its fields: nested objects joined
 * with `_` (`front.number` → `front_number`), confidence maps kept aside. Missing and null are the same.
 */
import type { ResultView } from './types';

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const join = (prefix: string, key: string) => (prefix === '' ? key : `${prefix}_${key}`);

function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
	return undefined;
}

function collectConfidence(target: Map<string, number>, prefix: string, confidence: unknown): void {
	const number = toNumber(confidence);
	if (number !== undefined) {
		// '' is the result as a whole (one confidence for a plate or a classification).
		target.set(prefix, number);
		return;
	}
	if (!isPlainObject(confidence)) return;
	for (const [key, value] of Object.entries(confidence)) collectConfidence(target, join(prefix, key), value);
}

/** `{ words, confidence }` (insurance policy style): one recognised value with its own confidence. */
function isWordsObject(value: Record<string, unknown>): boolean {
	return typeof value.words === 'string';
}

function flatten(
	fields: Map<string, unknown>,
	confidences: Map<string, number>,
	prefix: string,
	source: Record<string, unknown>,
): void {
	for (const [key, value] of Object.entries(source)) {
		if (value === undefined || value === null) continue;
		const name = join(prefix, key);
		if (key === 'confidence') {
			collectConfidence(confidences, prefix, value);
		} else if (isPlainObject(value) && isWordsObject(value)) {
			fields.set(name, value.words);
			const confidence = toNumber(value.confidence);
			if (confidence !== undefined) confidences.set(name, confidence);
		} else if (isPlainObject(value)) {
			flatten(fields, confidences, name, value);
		} else {
			fields.set(name, value);
		}
	}
}

export function resultView(result: Record<string, unknown>): ResultView {
	const fields = new Map<string, unknown>();
	const confidences = new Map<string, number>();
	flatten(fields, confidences, '', result);
	const memos = new Map<string, unknown>();
	return {
		memo<T>(key: string, compute: () => T): T {
			if (!memos.has(key)) memos.set(key, compute());
			return memos.get(key) as T;
		},
		value: (field) => fields.get(field),
		text(field) {
			const value = fields.get(field);
			if (typeof value === 'number' && Number.isFinite(value)) return String(value);
			if (typeof value !== 'string') return undefined;
			const trimmed = value.trim();
			return trimmed === '' ? undefined : trimmed;
		},
		fields: () => [...fields.keys()],
		confidence: (field) => confidences.get(field),
		confidences: () => [...confidences.entries()],
	};
}

/** The results an answer carries: most operations return one object, some a list of them. */
export function resultObjects(raw: unknown): Array<Record<string, unknown>> {
	if (isPlainObject(raw)) return [raw];
	if (Array.isArray(raw)) return raw.filter(isPlainObject);
	return [];
}
