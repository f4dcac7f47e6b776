import type { IBinaryData } from 'n8n-workflow';

/**
 * Whether a value is a binary file reference (what `{{ $binary.data }}` resolves to, or a binary kept
 * in the item's JSON): it has a MIME type and either inline data or a stored file's id. Our own,
 * because n8n-workflow's `isBinaryValue` is missing from the n8n 1.x line the node also runs on.
 */
export function isBinaryReference(value: unknown): value is IBinaryData {
	if (typeof value !== 'object' || value === null) return false;
	const candidate = value as Partial<Record<keyof IBinaryData, unknown>>;
	return typeof candidate.mimeType === 'string' && (typeof candidate.data === 'string' || typeof candidate.id === 'string');
}
