/**
 * Turns n8n request options into the exact request Huawei Cloud will verify: one absolute URL
 * (baseURL + url + qs folded in), one body string, and the auth headers for the chosen auth type.
 * Pure: the clock is an input.
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { signRequest, uriEncode } from './signer';
import { trimEnd, trimStart } from './text';
import type { HuaweiCredentialData } from './types';

const BODYLESS_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** Joins baseURL and url the way axios does. */
export function combineUrl(baseURL: string | undefined, url: string): string {
	if (!baseURL || /^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
	if (url === '') return baseURL;
	return `${trimEnd(baseURL, '/')}/${trimStart(url, '/')}`;
}

function queryValues(value: unknown): string[] {
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) return value.flatMap(queryValues);
	if (typeof value === 'object') return [JSON.stringify(value)];
	return [String(value)];
}

/** Appends `qs` to the URL with RFC 3986 encoding, one pair per value for arrays. */
export function appendQuery(url: string, qs: IDataObject | undefined): string {
	if (!qs) return url;
	const pairs: string[] = [];
	for (const [key, value] of Object.entries(qs)) {
		for (const item of queryValues(value)) pairs.push(`${uriEncode(key)}=${uriEncode(item)}`);
	}
	if (pairs.length === 0) return url;
	return `${url}${url.includes('?') ? '&' : '?'}${pairs.join('&')}`;
}

function findHeader(headers: IDataObject, name: string): string | undefined {
	return Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase());
}

export interface SerializedBody {
	/** What will be sent: a string, bytes, or undefined for no body. */
	body: string | Uint8Array | undefined;
	/** Content type to send when the caller did not choose one. */
	defaultContentType?: string;
	/** Whether the body cannot be hashed (streams, multipart): then UNSIGNED-PAYLOAD is signed. */
	unsigned: boolean;
}

/** Serialises the body once; the signature covers exactly these bytes, and they are what is sent. */
export function serializeBody(method: string, body: unknown): SerializedBody {
	if (BODYLESS_METHODS.includes(method) || body === undefined || body === null || body === '') {
		return { body: undefined, unsigned: false };
	}
	if (typeof body === 'string') return { body, defaultContentType: 'application/json', unsigned: false };
	if (body instanceof Uint8Array) return { body, defaultContentType: 'application/octet-stream', unsigned: false };
	if (body instanceof URLSearchParams) {
		return { body: body.toString(), defaultContentType: 'application/x-www-form-urlencoded', unsigned: false };
	}
	const isPlainObject = typeof body === 'object' && (Object.getPrototypeOf(body) === Object.prototype || Array.isArray(body));
	if (isPlainObject) return { body: JSON.stringify(body), defaultContentType: 'application/json', unsigned: false };
	return { body: undefined, unsigned: true };
}

/** Headers we sign when present (besides host and x-sdk-date); others are sent unsigned. */
const SIGNED_HEADER_NAMES = ['content-type', 'x-project-id', 'x-domain-id', 'x-sdk-content-sha256', 'enterprise-project-id'];

export function authenticateRequest(
	cred: HuaweiCredentialData,
	requestOptions: IHttpRequestOptions,
	now: Date,
): IHttpRequestOptions {
	const method = (requestOptions.method ?? 'GET').toUpperCase();
	const url = appendQuery(combineUrl(requestOptions.baseURL, requestOptions.url), requestOptions.qs);
	const serialized = serializeBody(method, requestOptions.body);
	const headers: IDataObject = { ...(requestOptions.headers ?? {}) };
	if (serialized.body !== undefined && findHeader(headers, 'content-type') === undefined && serialized.defaultContentType) {
		headers['Content-Type'] = serialized.defaultContentType;
	}

	// Credentials are for this Huawei host only: a redirect is answered as an error, never followed.
	const result: IHttpRequestOptions = { ...requestOptions, url, baseURL: undefined, qs: undefined, headers, disableFollowRedirect: true };
	if (!serialized.unsigned) result.body = serialized.body;

	if (cred.authType === 'password') {
		for (const name of ['authorization', 'x-auth-token']) {
			const existing = findHeader(headers, name);
			if (existing) delete headers[existing];
		}
		headers['X-Auth-Token'] = cred.sessionToken;
		return result;
	}

	if (serialized.unsigned) headers['X-Sdk-Content-Sha256'] = 'UNSIGNED-PAYLOAD';
	const toSign: Record<string, string> = {};
	const unsignedHeaders: IDataObject = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined || value === null) continue;
		if (SIGNED_HEADER_NAMES.includes(name.toLowerCase())) toSign[name] = String(value);
		else if (!['authorization', 'x-sdk-date', 'host', 'x-security-token', 'x-auth-token'].includes(name.toLowerCase())) {
			unsignedHeaders[name] = value;
		}
	}
	const signed = signRequest({
		method,
		url,
		headers: toSign,
		body: serialized.body ?? '',
		accessKeyId: cred.accessKeyId,
		secretAccessKey: cred.secretAccessKey,
		securityToken: cred.authType === 'temporaryAccessKey' ? cred.securityToken : undefined,
		date: now,
	});
	result.headers = { ...unsignedHeaders, ...signed };
	return result;
}
