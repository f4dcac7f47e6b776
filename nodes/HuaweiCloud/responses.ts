/** Turns whatever n8n's HTTP helpers throw or return into a `HuaweiErrorInfo`, without secrets. */
import { headerValue, parseHuaweiError, redirectRefusal } from './errors';
import type { HuaweiErrorInfo } from './types';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null;
}

/** The error and its `cause` chain (n8n wraps axios errors in NodeApiError). */
function errorChain(error: unknown): Json[] {
	const chain: Json[] = [];
	let current: unknown = error;
	while (isObject(current) && !chain.includes(current) && chain.length < 6) {
		chain.push(current);
		current = current.cause;
	}
	return chain;
}

const NETWORK_CODES = ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_CANCELED', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'UND_ERR_SOCKET'];

export interface ThrownHttpResponse {
	status: number;
	headers: unknown;
	body: unknown;
}

/** The HTTP response carried by a thrown axios error, if there was one. */
export function responseOfThrown(error: unknown): ThrownHttpResponse | undefined {
	for (const link of errorChain(error)) {
		const response = link.response;
		if (isObject(response) && typeof response.status === 'number') {
			return { status: response.status, headers: response.headers, body: response.data };
		}
	}
	return undefined;
}

/**
 * The HTTP status of an n8n 1.x NodeApiError, which drops the response it wraps (its `cause` ends
 * up undefined) and keeps only `httpCode`: enough to tell throttling and server errors apart.
 */
function statusOnlyOf(chain: Json[]): number | undefined {
	for (const link of chain) {
		if (typeof link.httpCode === 'string' && /^\d{3}$/.test(link.httpCode)) return Number(link.httpCode);
	}
	return undefined;
}

function isTimeout(link: Json): boolean {
	const message = typeof link.message === 'string' ? link.message : '';
	return link.code === 'ETIMEDOUT' || (link.code === 'ECONNABORTED' && /timeout/i.test(message));
}

/** Classifies a thrown error: Huawei HTTP error, network failure, or one of our credential checks. */
export function errorInfoFromThrown(error: unknown): HuaweiErrorInfo {
	const chain = errorChain(error);
	for (const link of chain) {
		if (isObject(link.huaweiError) && typeof link.huaweiError.code === 'string') {
			return { ...(link.huaweiError as unknown as HuaweiErrorInfo) };
		}
	}
	const response = responseOfThrown(error);
	if (response) return redirectRefusal(response.status, response.headers) ?? parseHuaweiError(response.body, response.headers, response.status);
	const statusOnly = statusOnlyOf(chain);
	if (statusOnly !== undefined) return parseHuaweiError(undefined, undefined, statusOnly);
	for (const link of chain) {
		if (isTimeout(link)) return { code: 'NETWORK.TIMEOUT', message: 'The request to Huawei Cloud timed out.' };
	}
	for (const link of chain) {
		const code = typeof link.code === 'string' ? link.code : undefined;
		if (code && (NETWORK_CODES.includes(code) || /^E[A-Z]+$/.test(code))) {
			return { code: `NETWORK.${code}`, message: `The connection to Huawei Cloud failed (${code}).` };
		}
	}
	const message = chain.map((link) => link.message).find((m): m is string => typeof m === 'string' && m !== '');
	return { code: 'REQUEST.FAILED', message: message ?? 'The request to Huawei Cloud failed.' };
}

export { headerValue };
