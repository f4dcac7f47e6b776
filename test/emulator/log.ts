/** The request log entries tests assert on. */
import type { IncomingMessage } from '../nodejs/http.cjs';
import type { EmulatorRequest } from './types';

export function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const key of new Set(params.keys())) {
		const values = params.getAll(key);
		query[key] = values.length === 1 ? values[0] : values;
	}
	return query;
}

/** In 'omitFiles' mode the big Base64 fields are replaced by a short summary. */
export function bodyForLog(body: unknown, mode: 'full' | 'omitFiles'): unknown {
	if (mode === 'full' || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
	const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
	for (const field of ['image', 'data']) {
		const value = copy[field];
		if (typeof value === 'string') copy[field] = `<base64 ${value.length} chars>`;
	}
	return copy;
}

export function newLogEntry(
	seq: number,
	requestId: string,
	req: IncomingMessage,
	url: URL,
	bodyBytes: number,
): EmulatorRequest {
	return {
		seq,
		requestId,
		receivedAt: Date.now(),
		method: req.method ?? 'GET',
		path: url.pathname,
		query: queryRecord(url.searchParams),
		headers: lowerCaseHeaders(req),
		service: 'unknown',
		bodyBytes,
	};
}
