/** The reference catalog (tests only) and parsers for its constraint strings. */
import referenceJson from './fixtures/reference-catalog.json';

import type { FileFormat, PixelLimits } from '../../../nodes/HuaweiCloudOcr/catalog/types';

export interface ReferenceField {
	name: string;
	type: string;
	required: boolean | string;
	description: string | null;
	constraints: string | null;
}

export interface ReferenceOperation {
	id: string;
	site: 'cn' | 'intl' | 'both';
	regions: { cn: string[]; intl: string[] };
	resultContainer: string;
	inputConstraints: string | null;
	requestFields: ReferenceField[];
	notes: string;
}

export const REFERENCE: ReferenceOperation[] = (referenceJson as { operations: ReferenceOperation[] })
	.operations;

export function referenceOf(id: string): ReferenceOperation {
	const found = REFERENCE.find((operation) => operation.id === id);
	if (!found) throw new Error(`No reference entry for ${id}`);
	return found;
}

const FORMAT_NAMES: Record<string, FileFormat> = {
	JPG: 'jpeg',
	JPEG: 'jpeg',
	PNG: 'png',
	BMP: 'bmp',
	TIF: 'tiff',
	TIFF: 'tiff',
	GIF: 'gif',
	WEBP: 'webp',
	PDF: 'pdf',
	OFD: 'ofd',
	PCX: 'pcx',
	ICO: 'ico',
	PSD: 'psd',
};

/** `formats: JPEG/JPG/PNG/BMP/TIFF/PDF; …` → sorted unique FileFormats. */
export function referenceFormats(constraints: string): FileFormat[] {
	const list = /formats: ([A-Z/]+)/.exec(constraints)?.[1];
	if (!list) throw new Error(`No formats in "${constraints}"`);
	const formats = list.split('/').map((name) => {
		const format = FORMAT_NAMES[name];
		if (!format) throw new Error(`Unknown format ${name}`);
		return format;
	});
	return [...new Set(formats)].sort();
}

/** `shortest side >= 15 px; longest side <= 8192 px; width*height <= 160,000,000 px` → PixelLimits. */
export function referencePixels(constraints: string): PixelLimits {
	const minSide = Number(/shortest side >= (\d+) px/.exec(constraints)?.[1]);
	const maxSide = Number(/longest side <= (\d+) px/.exec(constraints)?.[1]);
	const total = /width\*height <= ([\d,]+) px/.exec(constraints)?.[1];
	const limits: PixelLimits = { minSide, maxSide };
	if (total) limits.maxTotalPixels = Number(total.replace(/,/g, ''));
	return limits;
}

/** Region ids without the reference's annotations, e.g. `la-south-2 (CN-site table)` → `la-south-2`. */
export function cleanRegions(regions: string[]): string[] {
	return regions.map((region) => region.replace(/\s*\(.*\)$/, ''));
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** Title Case as n8n's lint reads it: every word capitalised except small words after the first. */
export function isTitleCase(text: string): boolean {
	return text.split(/\s+/).every((word, index) => {
		const bare = word.replace(/^[("]+/, '');
		if (index > 0 && SMALL_WORDS.has(bare)) return true;
		return /^[A-Z0-9]/.test(bare);
	});
}

/**
 * n8n's description rule (eslint-plugin-n8n-nodes-base excess/missing-final-period): a one-sentence
 * description has no final period, a longer one ends with a period.
 */
export function followsPeriodRule(description: string): boolean {
	const sentences = description.replace('e.g.', '').split('. ').length;
	return sentences === 1 ? !description.endsWith('.') : description.endsWith('.');
}
