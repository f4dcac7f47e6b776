import { PdfName, PdfRef, PdfStream, PdfString } from './objects';
import type { PdfValue } from './objects';

/** Writes a PDF value back as syntax; `reference` maps a source reference to its number in the new file (or null to drop it). */
export function serialize(value: PdfValue, reference: (ref: PdfRef) => number | null): string {
	if (value === null) return 'null';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') return formatNumber(value);
	if (value instanceof PdfName) return formatName(value.name);
	if (value instanceof PdfString) return `<${value.bytes.toString('hex')}>`;
	if (value instanceof PdfRef) {
		const num = reference(value);
		return num === null ? 'null' : `${num} 0 R`;
	}
	if (Array.isArray(value)) return `[${value.map((item) => serialize(item, reference)).join(' ')}]`;
	if (value instanceof PdfStream) throw new Error('a stream can only be an indirect object');
	const parts: string[] = [];
	for (const [key, item] of value) parts.push(`${formatName(key)} ${serialize(item, reference)}`);
	return `<<${parts.join(' ')}>>`;
}

/** PDF has no exponent notation: 1e-7 must be written 0.0000001. */
export function formatNumber(value: number): string {
	if (!Number.isFinite(value)) return '0';
	if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
	const text = String(value);
	if (!text.includes('e')) return text;
	// toFixed always writes a point here; drop the zeros after it, then a bare point.
	const fixed = value.toFixed(10);
	let end = fixed.length;
	while (fixed[end - 1] === '0') end--;
	if (fixed[end - 1] === '.') end--;
	return fixed.slice(0, end);
}

/** Characters outside `!`..`~`, delimiters and `#` are written as `#xx` (ISO 32000 §7.3.5). */
export function formatName(name: string): string {
	let out = '/';
	for (let index = 0; index < name.length; index++) {
		const code = name.charCodeAt(index) & 0xff;
		const plain = code > 0x20 && code < 0x7f && !'()<>[]{}/%#'.includes(name[index]);
		out += plain ? name[index] : `#${code.toString(16).padStart(2, '0')}`;
	}
	return out;
}
