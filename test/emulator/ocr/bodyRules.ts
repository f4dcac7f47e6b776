/** Request-body rules of one OCR operation: fields, types, enums, and exactly one file source. */
import { errors } from '../errors';
import type { FieldRule, OperationSpec } from '../spec/operations';

/** "Base64 ≤ 10 MB": we take the strict reading, 10,000,000 characters. */
export const MAX_BASE64_CHARS = 10_000_000;

export type FileSource = { kind: 'base64'; text: string } | { kind: 'url'; url: URL } | { kind: 'none' };

export interface CheckedBody {
	source: FileSource;
	/** Every field except the file field. */
	options: Record<string, unknown>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueFits(rule: FieldRule, value: unknown): boolean {
	switch (rule.type) {
		case 'boolean':
			// Strings like "true" are rejected by the service (AIS.0101).
			return typeof value === 'boolean';
		case 'integer':
			return typeof value === 'number' && Number.isInteger(value) && value >= 1;
		case 'object':
			return isPlainObject(value);
		case 'string[]':
			return Array.isArray(value) && value.every((item) => typeof item === 'string' && (!rule.enum || rule.enum.includes(item)));
		case 'string':
			if (typeof value !== 'string') return false;
			if (rule.enum && !rule.enum.includes(value)) return false;
			if (rule.pattern && !rule.pattern.test(value)) return false;
			return rule.name !== 'kv_map' || isJsonObjectText(value);
	}
}

/** kv_map is a string that must itself hold a JSON object. */
function isJsonObjectText(text: string): boolean {
	try {
		return isPlainObject(JSON.parse(text));
	} catch {
		return false;
	}
}

export function checkBody(spec: OperationSpec, body: Record<string, unknown>): CheckedBody {
	const allowed = new Map(spec.fields.map((rule) => [rule.name, rule]));
	const fileFields = spec.fileField ? [spec.fileField, 'url'] : [];
	const options: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(body)) {
		if (fileFields.includes(name)) continue;
		const rule = allowed.get(name);
		if (!rule) throw errors.invalidParameter(`unknown-field:${name}`);
		if (!valueFits(rule, value)) throw errors.invalidParameter(`bad-value:${name}`);
		options[name] = value;
	}
	for (const rule of spec.fields) {
		if (rule.required && !(rule.name in body)) throw errors.invalidParameter(`missing-field:${rule.name}`);
	}
	return { source: fileSource(spec, body), options };
}

function fileSource(spec: OperationSpec, body: Record<string, unknown>): FileSource {
	if (!spec.fileField) return { kind: 'none' };
	const base64 = body[spec.fileField];
	const url = body.url;
	if ((base64 === undefined) === (url === undefined)) throw errors.invalidParameter('need-exactly-one-file-source');
	if (url !== undefined) return { kind: 'url', url: checkUrl(url) };
	if (typeof base64 !== 'string' || base64 === '') throw errors.invalidParameter(`bad-value:${spec.fileField}`);
	return { kind: 'base64', text: base64 };
}

function checkUrl(value: unknown): URL {
	if (typeof value !== 'string' || value === '') throw errors.invalidParameter('bad-value:url');
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw errors.invalidParameter('unparsable-url');
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') throw errors.invalidParameter('url-not-http');
	return url;
}

/** Strict Base64: standard alphabet, padded, no whitespace, no data: prefix. */
export function decodeBase64(text: string): Buffer {
	if (/^data:/i.test(text)) throw errors.unsupportedFormat('data-uri-prefix');
	if (text.length > MAX_BASE64_CHARS) throw errors.contentLength();
	if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw errors.unsupportedFormat('invalid-base64');
	return Buffer.from(text, 'base64');
}
