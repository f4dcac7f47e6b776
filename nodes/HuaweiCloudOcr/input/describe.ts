import type { FileFormat } from '../catalog/types';

/** How each format is named in messages ("The file is a GIF image"). */
const FORMAT_NAMES: Record<FileFormat, { short: string; long: string }> = {
	jpeg: { short: 'JPEG', long: 'a JPEG image' },
	png: { short: 'PNG', long: 'a PNG image' },
	bmp: { short: 'BMP', long: 'a BMP image' },
	tiff: { short: 'TIFF', long: 'a TIFF image' },
	gif: { short: 'GIF', long: 'a GIF image' },
	webp: { short: 'WEBP', long: 'a WEBP image' },
	pdf: { short: 'PDF', long: 'a PDF document' },
	ofd: { short: 'OFD', long: 'an OFD document' },
	pcx: { short: 'PCX', long: 'a PCX image' },
	ico: { short: 'ICO', long: 'an ICO icon' },
	psd: { short: 'PSD', long: 'a PSD (Photoshop) image' },
};

export function formatName(format: FileFormat): string {
	return FORMAT_NAMES[format].short;
}

export function formatWithArticle(format: FileFormat): string {
	return FORMAT_NAMES[format].long;
}

/** "JPEG, PNG, BMP or TIFF". */
export function formatList(formats: readonly FileFormat[]): string {
	return humanList(formats.map(formatName), 'or');
}

export function humanList(words: readonly string[], conjunction: 'and' | 'or'): string {
	if (words.length <= 1) return words.join('');
	return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

export function isDocumentFormat(format: FileFormat): boolean {
	return format === 'pdf' || format === 'ofd';
}

/** Decimal megabyte, as in the service's "10 MB" Base64 limit (10,000,000 characters in the catalog). */
export const MEGABYTE = 1_000_000;

/** "10 MB", "12.43 MB", "512 KB". */
export function megabytes(byteCount: number): string {
	if (byteCount < MEGABYTE / 10) return `${Math.ceil(byteCount / 1000)} KB`;
	return `${Number((byteCount / MEGABYTE).toFixed(2))} MB`;
}

/** "160,000,000". */
export function groupedNumber(value: number): string {
	const digits = String(Math.round(value));
	const sign = digits.startsWith('-') ? '-' : '';
	const unsigned = digits.slice(sign.length);
	const groups: string[] = [];
	for (let end = unsigned.length; end > 0; end -= 3) groups.unshift(unsigned.slice(Math.max(0, end - 3), end));
	return sign + groups.join(',');
}
