/**
 * Server-side SDK-HMAC-SHA256 verification, written from the reference (§6) independently of the node's
 * signer, so that a shared misunderstanding cannot make both sides agree on a wrong signature.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const ALGORITHM = 'SDK-HMAC-SHA256';
const EMPTY_BODY_SHA256 = createHash('sha256').update('').digest('hex');

export interface ParsedAuthorization {
	accessKeyId: string;
	signedHeaders: string[];
	signature: string;
}

/** `SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex` with exactly these separators. */
export function parseAuthorization(value: string): ParsedAuthorization | undefined {
	const match = /^SDK-HMAC-SHA256 Access=([^,\s]+), SignedHeaders=([^,\s]+), Signature=([0-9a-f]{64})$/.exec(value);
	if (!match) return undefined;
	return { accessKeyId: match[1], signedHeaders: match[2].split(';'), signature: match[3] };
}

/** RFC 3986 unreserved characters stay; every other UTF-8 byte becomes %XX (upper case). */
export function rfc3986(text: string): string {
	let out = '';
	for (const byte of Buffer.from(text, 'utf8')) {
		const ch = String.fromCharCode(byte);
		out += /[A-Za-z0-9\-_.~]/.test(ch) ? ch : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
	}
	return out;
}

function decodeLoosely(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** Path segments decoded then re-encoded (as the Python SDK does); always ends with '/'. */
export function canonicalPath(rawPath: string): string {
	const encoded = rawPath
		.split('/')
		.map((segment) => rfc3986(decodeLoosely(segment)))
		.join('/');
	return encoded.endsWith('/') ? encoded : encoded + '/';
}

/** Pairs sorted by encoded key, then encoded value; a key without '=' has an empty value. */
export function canonicalQueryString(rawQuery: string): string {
	if (rawQuery === '') return '';
	const pairs = rawQuery
		.split('&')
		.filter((part) => part !== '')
		.map((part) => {
			const eq = part.indexOf('=');
			const key = eq < 0 ? part : part.slice(0, eq);
			const value = eq < 0 ? '' : part.slice(eq + 1);
			return [rfc3986(decodeLoosely(key)), rfc3986(decodeLoosely(value))] as const;
		});
	pairs.sort((a, b) => (a[0] === b[0] ? compare(a[1], b[1]) : compare(a[0], b[0])));
	return pairs.map(([key, value]) => `${key}=${value}`).join('&');
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export interface SignedRequestParts {
	method: string;
	rawPath: string;
	rawQuery: string;
	/** Lower-case names → values, as received. */
	headers: Record<string, string | undefined>;
	signedHeaders: string[];
	body: Buffer;
}

export function payloadHash(parts: SignedRequestParts): string {
	const declared = parts.headers['x-sdk-content-sha256'];
	if (declared !== undefined && parts.signedHeaders.includes('x-sdk-content-sha256')) return declared.trim();
	return parts.body.length === 0 ? EMPTY_BODY_SHA256 : createHash('sha256').update(parts.body).digest('hex');
}

export function canonicalRequest(parts: SignedRequestParts): string {
	const headerLines = parts.signedHeaders.map((name) => `${name}:${(parts.headers[name] ?? '').trim()}\n`).join('');
	return [
		parts.method.toUpperCase(),
		canonicalPath(parts.rawPath),
		canonicalQueryString(parts.rawQuery),
		headerLines,
		parts.signedHeaders.join(';'),
		payloadHash(parts),
	].join('\n');
}

export function expectedSignature(parts: SignedRequestParts, sdkDate: string, secretAccessKey: string): string {
	const requestHash = createHash('sha256').update(canonicalRequest(parts), 'utf8').digest('hex');
	const stringToSign = `${ALGORITHM}\n${sdkDate}\n${requestHash}`;
	return createHmac('sha256', Buffer.from(secretAccessKey, 'utf8')).update(stringToSign, 'utf8').digest('hex');
}

export function signaturesEqual(a: string, b: string): boolean {
	return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** `YYYYMMDDTHHMMSSZ` → epoch ms, or undefined when malformed. */
export function parseSdkDate(value: string): number | undefined {
	const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s] = match.map(Number);
	const time = Date.UTC(y, mo - 1, d, h, mi, s);
	return Number.isNaN(time) ? undefined : time;
}
