/**
 * Huawei Cloud SDK-HMAC-SHA256 request signing (API Gateway "AK/SK authentication").
 * Pure functions: no I/O, no clock (the date is an input), so every step can be checked against
 * the official SDKs' test vectors.
 */
import { createHash, createHmac } from 'crypto';

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** RFC 3986 percent-encoding of every byte except `A-Z a-z 0-9 - _ . ~` (so also `! ' ( ) *`), upper-case hex. */
export function uriEncode(value: string): string {
	let out = '';
	for (const char of value) {
		if (UNRESERVED.test(char)) {
			out += char;
			continue;
		}
		for (const byte of new TextEncoder().encode(char)) {
			out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
		}
	}
	return out;
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/**
 * Each path segment is decoded (the wire form is percent-encoded) and re-encoded; the result
 * always ends with `/` even though the request itself is sent without that extra slash.
 */
export function canonicalUri(path: string): string {
	const encoded = path
		.split('/')
		.map((segment) => uriEncode(safeDecode(segment)))
		.join('/');
	return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/**
 * Splits a raw query string into decoded key/value pairs, keeping repeats. `+` means a space, as
 * in the Go and Python SDKs' query parsing (form encoding); we never send a literal `+` ourselves.
 */
export function parseQuery(search: string): Array<[string, string]> {
	const query = search.startsWith('?') ? search.slice(1) : search;
	if (query === '') return [];
	return query
		.split('&')
		.filter((part) => part !== '')
		.map((part) => {
			const eq = part.indexOf('=');
			const key = eq === -1 ? part : part.slice(0, eq);
			const value = eq === -1 ? '' : part.slice(eq + 1);
			return [safeDecode(key.replace(/\+/g, ' ')), safeDecode(value.replace(/\+/g, ' '))];
		});
}

function compareCodeUnits(a: string, b: string): number {
	if (a === b) return 0;
	return a < b ? -1 : 1;
}

/** Pairs sorted by key, then value (as the SDKs do, on the raw strings), each side URI-encoded. */
export function canonicalQuery(pairs: Array<[string, string]>): string {
	return [...pairs]
		.sort(([keyA, valueA], [keyB, valueB]) => compareCodeUnits(keyA, keyB) || compareCodeUnits(valueA, valueB))
		.map(([key, value]) => `${uriEncode(key)}=${uriEncode(value)}`)
		.join('&');
}

export function sha256Hex(data: string | Uint8Array): string {
	return createHash('sha256').update(data).digest('hex');
}

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function formatSdkDate(date: Date): string {
	return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export interface CanonicalRequestInput {
	method: string;
	/** URL path as sent on the wire (percent-encoded). */
	path: string;
	queryPairs: Array<[string, string]>;
	/** Lower-case name → trimmed value, exactly the headers to sign. */
	signedHeaders: Record<string, string>;
	payloadHash: string;
}

export function signedHeaderNames(signedHeaders: Record<string, string>): string {
	return Object.keys(signedHeaders).sort(compareCodeUnits).join(';');
}

export function canonicalRequest(input: CanonicalRequestInput): string {
	const names = Object.keys(input.signedHeaders).sort(compareCodeUnits);
	const canonicalHeaders = names.map((name) => `${name}:${input.signedHeaders[name]}\n`).join('');
	return [
		input.method.toUpperCase(),
		canonicalUri(input.path),
		canonicalQuery(input.queryPairs),
		canonicalHeaders,
		names.join(';'),
		input.payloadHash,
	].join('\n');
}

export function stringToSign(sdkDate: string, canonical: string): string {
	return `${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
}

export function signature(secretAccessKey: string, toSign: string): string {
	return createHmac('sha256', secretAccessKey).update(toSign).digest('hex');
}

export interface SignRequestInput {
	method: string;
	/** Absolute URL exactly as it will be sent (query included). */
	url: string;
	/** Headers to send and sign (besides Host and X-Sdk-Date, which are always signed). */
	headers: Record<string, string>;
	/** The exact body that will be sent; `''` for none. */
	body: string | Uint8Array;
	accessKeyId: string;
	secretAccessKey: string;
	/** Temporary credentials: sent and signed as `X-Security-Token`. */
	securityToken?: string;
	date: Date;
}

const AUTH_HEADERS = new Set(['authorization', 'x-sdk-date', 'host', 'x-security-token']);

/**
 * Returns the headers to send: the given ones (values trimmed, any stale Authorization/X-Sdk-Date
 * dropped) plus `X-Sdk-Date`, `X-Security-Token` when given, and `Authorization`. Host is signed
 * as the URL's host (with a non-default port), which is what the HTTP client sends.
 */
export function signRequest(input: SignRequestInput): Record<string, string> {
	const url = new URL(input.url);
	const sdkDate = formatSdkDate(input.date);
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(input.headers)) {
		if (AUTH_HEADERS.has(name.toLowerCase())) continue;
		headers[name] = String(value).trim();
	}
	headers['X-Sdk-Date'] = sdkDate;
	if (input.securityToken) headers['X-Security-Token'] = input.securityToken.trim();

	const signed: Record<string, string> = { host: url.host };
	for (const [name, value] of Object.entries(headers)) signed[name.toLowerCase()] = value;

	const payloadHash = signed['x-sdk-content-sha256'] ?? sha256Hex(input.body);
	const canonical = canonicalRequest({
		method: input.method,
		path: url.pathname,
		queryPairs: parseQuery(url.search),
		signedHeaders: signed,
		payloadHash,
	});
	const sig = signature(input.secretAccessKey, stringToSign(sdkDate, canonical));
	headers.Authorization = `${SIGNING_ALGORITHM} Access=${input.accessKeyId}, SignedHeaders=${signedHeaderNames(signed)}, Signature=${sig}`;
	return headers;
}
