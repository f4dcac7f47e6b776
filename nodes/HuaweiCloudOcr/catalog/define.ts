import type {
	FileField,
	FileFormat,
	OcrOperation,
	OperationOption,
	PixelLimits,
	RegionalLimits,
	ResourceId,
	ResultFamily,
	Site,
} from './types';

/** "Base64 string ≤ 10 MB": we take the decimal reading, the safe side of both readings. */
export const MAX_BASE64_LENGTH = 10_000_000;

/** JPG/JPEG, PNG, BMP, TIFF: what nearly every card, licence and invoice API accepts. */
export const IMAGE_FORMATS: readonly FileFormat[] = ['jpeg', 'png', 'bmp', 'tiff'];

/** Every raster format general-text and seal accept (PDF is added per operation). */
export const ALL_RASTER_FORMATS: readonly FileFormat[] = [
	'jpeg',
	'png',
	'bmp',
	'gif',
	'tiff',
	'webp',
	'pcx',
	'ico',
	'psd',
];

/** 160 million pixels: the documented cap for the 30000 px operations. */
export const MAX_TOTAL_PIXELS_LARGE = 160_000_000;

export function sides(minSide: number, maxSide: number, maxTotalPixels?: number): PixelLimits {
	return maxTotalPixels === undefined ? { minSide, maxSide } : { minSide, maxSide, maxTotalPixels };
}

export interface OperationSpec {
	id: string;
	/** Defaults to the camelCase of `id`. */
	value?: string;
	resource: ResourceId;
	name: string;
	action: string;
	/** What it does, without the regions (they are appended from `regions`). */
	summary: string;
	fileField?: FileField;
	formats?: readonly FileFormat[];
	pixels?: PixelLimits;
	regions: { cn?: string[]; intl?: string[] };
	regionsVerified?: boolean;
	options?: OperationOption[];
	result?: { family: ResultFamily; isArray?: boolean; hasTables?: boolean; excelField?: string };
	notes?: string;
	regionalLimits?: RegionalLimits[];
}

export function camelCaseOf(id: string): string {
	return id.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

function regionSentence(cn: string[], intl: string[], verified: boolean): string {
	const parts: string[] = [];
	if (cn.length > 0) parts.push(`Chinese-mainland site: ${cn.join(', ')}`);
	if (intl.length > 0) parts.push(`international site: ${intl.join(', ')}`);
	const text = parts.join('; ');
	return verified ? text : `${text}, not confirmed`;
}

/** Builds a catalog entry, filling the defaults most operations share. */
export function defineOperation(spec: OperationSpec): OcrOperation {
	const cn = spec.regions.cn ?? [];
	const intl = spec.regions.intl ?? [];
	const regionsVerified = spec.regionsVerified ?? true;
	const sites: Site[] = [];
	if (cn.length > 0) sites.push('cn');
	if (intl.length > 0) sites.push('intl');
	const result = spec.result ?? { family: 'fields' };
	const operation: OcrOperation = {
		id: spec.id,
		value: spec.value ?? camelCaseOf(spec.id),
		resource: spec.resource,
		name: spec.name,
		action: spec.action,
		description: `${spec.summary} (${regionSentence(cn, intl, regionsVerified)})`,
		fileField: spec.fileField ?? 'image',
		formats: [...(spec.formats ?? IMAGE_FORMATS)],
		pixels: spec.pixels ?? sides(15, 8192),
		maxBase64Length: MAX_BASE64_LENGTH,
		sites,
		regions: { cn, intl },
		regionsVerified,
		options: spec.options ?? [],
		result: { ...result, isArray: result.isArray ?? false },
	};
	if (spec.notes !== undefined) operation.notes = spec.notes;
	if (spec.regionalLimits !== undefined) operation.regionalLimits = spec.regionalLimits;
	return operation;
}
