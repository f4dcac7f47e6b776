import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { jsonBodyBytes } from './base64Field';
import { headerValue, parseHuaweiError, parseJsonBody, redirectRefusal } from './errors';
import { errorInfoFromThrown } from './responses';
import type { HuaweiErrorInfo } from './types';

export interface HuaweiRequest {
	method: 'GET' | 'POST';
	url: string;
	body?: object;
	headers?: Record<string, string>;
	timeoutMs?: number;
	/**
	 * Receive HTTP error answers as responses instead of letting n8n throw them. Only where n8n has no
	 * token to refresh on a 401 (access keys): its thrown error loses Huawei's error body on n8n 1.x.
	 */
	answersErrors?: boolean;
}

export type HuaweiResponse =
	| { ok: true; status: number; body: unknown; requestId?: string }
	| { ok: false; error: HuaweiErrorInfo };

interface FullResponse {
	body: unknown;
	headers: unknown;
	statusCode: number;
}

function resultErrorCode(body: Record<string, unknown>): boolean {
	const result = body.result;
	return typeof body.error_code === 'string' || (typeof result === 'object' && result !== null && typeof (result as Record<string, unknown>).error_code === 'string');
}

/** Interprets a received response (any status) as success or a Huawei error. */
export function interpretResponse(status: number, headers: unknown, rawBody: unknown): HuaweiResponse {
	const text = typeof rawBody === 'string' ? rawBody : rawBody === undefined ? '' : JSON.stringify(rawBody);
	const requestId = headerValue(headers, 'x-request-id');
	const json = parseJsonBody(text);
	const redirected = redirectRefusal(status, headers);
	if (redirected) return { ok: false, error: redirected };
	if (status >= 200 && status < 300) {
		if (json === undefined) {
			const info: HuaweiErrorInfo = {
				code: 'RESPONSE.INVALID_JSON',
				message: `Huawei Cloud answered HTTP ${status} with a body that is not a JSON object.`,
				httpStatus: status,
			};
			if (requestId) info.requestId = requestId;
			return { ok: false, error: info };
		}
		if (resultErrorCode(json)) return { ok: false, error: parseHuaweiError(json, headers, status) };
		return requestId ? { ok: true, status, body: json, requestId } : { ok: true, status, body: json };
	}
	return { ok: false, error: parseHuaweiError(json ?? text, headers, status) };
}

/**
 * One authenticated call to a Huawei Cloud API through n8n (proxies, logging, token refresh).
 * The JSON body is serialised once here and that exact string is signed and sent. Never throws for
 * HTTP or network failures: they come back as `{ ok: false, error }`.
 */
export async function huaweiRequest(ctx: IExecuteFunctions, req: HuaweiRequest): Promise<HuaweiResponse> {
	const headers: Record<string, string> = { ...(req.headers ?? {}) };
	const options: IHttpRequestOptions = {
		method: req.method,
		url: req.url,
		headers,
		returnFullResponse: true,
		encoding: 'text',
		json: false,
		disableFollowRedirect: true,
	};
	if (req.body !== undefined) {
		// Bytes, not a string: axios re-parses a JSON string body to validate it, a full copy of every image.
		options.body = jsonBodyBytes(req.body);
		if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
	}
	if (req.timeoutMs !== undefined) options.timeout = req.timeoutMs;
	if (req.answersErrors) options.ignoreHttpStatusErrors = true;
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'huaweiCloudApi', options)) as FullResponse;
		// A 401 is not billed: sent again the way n8n throws it, the credential re-checks the keys and
		// names the fault the same way its own checks do.
		if (req.answersErrors && response.statusCode === 401) return await huaweiRequest(ctx, { ...req, answersErrors: false });
		return interpretResponse(response.statusCode, response.headers, response.body);
	} catch (error) {
		return { ok: false, error: errorInfoFromThrown(error) };
	}
}
