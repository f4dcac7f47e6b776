import { UserError } from 'n8n-workflow';

import type { HuaweiErrorInfo } from './types';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asText(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number') return String(value);
	return undefined;
}

/** The code/message pairs Huawei services use, in the order the Python SDK tries them. */
const CODE_MESSAGE_KEYS: ReadonlyArray<[string, string]> = [
	['error_code', 'error_msg'],
	['errorCode', 'errorMsg'],
	['code', 'message'],
];

function findCodeAndMessage(body: Json, depth: number): { code: string; message?: string } | undefined {
	for (const [codeKey, messageKey] of CODE_MESSAGE_KEYS) {
		const code = asText(body[codeKey]);
		if (code !== undefined) {
			const message = asText(body[messageKey]) ?? asText(body.error_message) ?? asText(body.message);
			// IAM (Keystone) answers {"error":{"code":401,"message":…,"title":…}}: the code is an HTTP status.
			return { code: /^\d+$/.test(code) ? `IAM.${code}` : code, message };
		}
	}
	if (depth >= 3) return undefined;
	for (const nested of ['result', 'error', ...Object.keys(body)]) {
		const value = body[nested];
		if (isObject(value)) {
			const found = findCodeAndMessage(value, depth + 1);
			if (found) return found;
		}
	}
	return undefined;
}

export function headerValue(headers: unknown, name: string): string | undefined {
	if (!isObject(headers)) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		if (Array.isArray(value)) return asText(value[0]);
		return asText(value);
	}
	return undefined;
}

/** Parses a response body (object or raw JSON text) into an object, or undefined. */
export function parseJsonBody(body: unknown): Json | undefined {
	if (isObject(body)) return body;
	if (typeof body !== 'string' || body.trim() === '') return undefined;
	try {
		const parsed: unknown = JSON.parse(body);
		return isObject(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Every Huawei error shape: `error_code`/`error_msg` at top level or inside `result`,
 * `errorCode`/`errorMsg`, IAM's `error.code`/`error.message`, plain `code`/`message`.
 * Keeps the `X-Request-Id` header (or the body's `request_id`).
 */
export function parseHuaweiError(body: unknown, headers: unknown, status?: number): HuaweiErrorInfo {
	const json = parseJsonBody(body);
	const found = json ? findCodeAndMessage(json, 0) : undefined;
	const requestId = headerValue(headers, 'x-request-id') ?? (json ? asText(json.request_id) : undefined);
	const info: HuaweiErrorInfo = {
		code: found?.code ?? `HTTP.${status ?? 'UNKNOWN'}`,
		message: found?.message ?? (status ? `Huawei Cloud answered with HTTP ${status}` : 'Huawei Cloud request failed'),
		httpStatus: status,
	};
	if (requestId !== undefined) info.requestId = requestId;
	const retryAfterMs = retryAfterOf(headerValue(headers, 'retry-after'));
	if (retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs;
	return info;
}

/** `Retry-After` as milliseconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterOf(value: string | undefined, now = Date.now()): number | undefined {
	if (!value) return undefined;
	if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * A 3xx answer to a signed or token-carrying call. Such calls never follow redirects: the
 * signature, token and document are meant for the Huawei host alone.
 */
export function redirectRefusal(status: number, headers: unknown): HuaweiErrorInfo | undefined {
	if (status < 300 || status >= 400) return undefined;
	const location = headerValue(headers, 'location');
	let host = 'an unknown host';
	if (location) {
		try {
			host = new URL(location, 'https://unknown.invalid').host;
		} catch {
			host = 'an invalid location';
		}
	}
	const info: HuaweiErrorInfo = {
		code: 'REQUEST.REDIRECTED',
		message: `Huawei Cloud answered HTTP ${status} redirecting to ${host}; the request was not sent there, because it carries the credential.`,
		hint: 'Check the OCR and IAM Endpoint fields of the credential (they must point at Huawei Cloud itself, or at a proxy that does not redirect), and the network proxy.',
		httpStatus: status,
	};
	const requestId = headerValue(headers, 'x-request-id');
	if (requestId) info.requestId = requestId;
	return info;
}

/** Whether a parsed response looks like a Huawei error (an error code anywhere it is expected). */
export function hasHuaweiErrorCode(body: unknown): boolean {
	const json = parseJsonBody(body);
	return json !== undefined && findCodeAndMessage(json, 0) !== undefined;
}

/**
 * Thrown by the credential's own checks (preAuthentication, the credential test). The message is
 * self-contained (what happened and the fix) because n8n's credential test shows only the message;
 * `huaweiError` keeps the structured form for the transport.
 */
export class HuaweiCredentialError extends UserError {
	readonly huaweiError: HuaweiErrorInfo;

	constructor(info: HuaweiErrorInfo) {
		super(info.hint ? `${info.message} ${info.hint}` : info.message, { description: info.hint });
		this.name = 'HuaweiCredentialError';
		this.huaweiError = info;
	}
}
