/** What makes two reads the same: the file's bytes, the operation and every request option. */
import { createHash } from 'node:crypto';

/** Keys sorted at every level, so that the same options in another order give the same text. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, entry]) => entry !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** SHA-256 (base64url) of the bytes and the request's identity; no document content can be read back from it. */
export function fileFingerprint(bytes: Uint8Array, request: Record<string, unknown>): string {
	return createHash('sha256').update(bytes).update('\u0000').update(canonical(request)).digest('base64url');
}
