/**
 * The emulator's view of the OCR catalog: parsed once from its own copy of the reference catalog
 * (spec/catalog.json), so the emulator never depends on the node's catalog it is meant to check.
 */
import { readFileSync } from '../../nodejs/fs.cjs';
import { join } from '../../nodejs/path.cjs';

interface CatalogField {
	name: string;
	type: string;
	required: boolean | string;
	constraints?: string | null;
}

interface CatalogEntry {
	id: string;
	regions: { cn: string[]; intl: string[] };
	requestFields: CatalogField[];
	responseTopFields: string[];
	resultContainer: string;
	inputConstraints?: string | null;
}

export type FieldType = 'string' | 'boolean' | 'integer' | 'object' | 'string[]';

export interface FieldRule {
	name: string;
	type: FieldType;
	required: boolean;
	enum?: string[];
	pattern?: RegExp;
}

export interface OperationSpec {
	id: string;
	/** Field carrying the Base64 file; undefined for invoice-verification. */
	fileField?: 'image' | 'data';
	fields: FieldRule[];
	/** Formats as our detector names them (jpeg, png, bmp, tiff, gif, webp, pcx, ico, psd, pdf, ofd). */
	formats: string[];
	minSide: number;
	maxSide: number;
	maxTotalPixels?: number;
	regions: string[];
	retired: boolean;
	resultIsArray: boolean;
	/** `name: type` pairs of the result object. */
	responseFields: Array<{ name: string; type: string }>;
}

/**
 * Announced offline (reference §1.2). Assumption: the gateway answers an unpublished API with
 * APIG.0101 / 404, as it does for any path that is not published in the region.
 */
const RETIRED = new Set([
	'hk-id-card',
	'macao-id-card',
	'exit-entry-permit',
	'mainland-travel-permit',
	'id-document',
	'health-code',
	'pcr-test-record',
	'custom-template',
]);

const FORMAT_NAMES: Record<string, string> = {
	JPG: 'jpeg',
	JPEG: 'jpeg',
	PNG: 'png',
	BMP: 'bmp',
	TIF: 'tiff',
	TIFF: 'tiff',
	GIF: 'gif',
	WEBP: 'webp',
	PCX: 'pcx',
	ICO: 'ico',
	PSD: 'psd',
	PDF: 'pdf',
	OFD: 'ofd',
};

function parseFormats(constraints: string): string[] {
	const match = /formats: ([A-Z/]+)/.exec(constraints);
	if (!match) return [];
	return [...new Set(match[1].split('/').map((name) => FORMAT_NAMES[name]).filter(Boolean))];
}

function parseNumber(constraints: string, pattern: RegExp): number | undefined {
	const match = pattern.exec(constraints);
	return match ? Number(match[1].replace(/,/g, '')) : undefined;
}

function parseFieldRule(field: CatalogField): FieldRule {
	const constraints = field.constraints ?? '';
	const rule: FieldRule = { name: field.name, type: field.type as FieldType, required: field.required === true };
	const enumMatch = /enum: ([\w|]+)/.exec(constraints);
	if (enumMatch) rule.enum = enumMatch[1].split('|');
	if (field.name === 'country_code') rule.enum = ['GENERAL', 'CHN'];
	if (constraints === 'YYYY-MM-DD') rule.pattern = /^\d{4}-\d{2}-\d{2}$/;
	return rule;
}

/** Reference §3: the 30000 px APIs are also capped at 160 million pixels, stated only for general-text in the catalog. */
function sideImpliedTotal(constraints: string): number | undefined {
	return /longest side <= 30000 px/.test(constraints) ? 160_000_000 : undefined;
}

export interface InputLimits {
	formats: string[];
	minSide: number;
	maxSide: number;
	maxTotalPixels?: number;
}

/**
 * The limits that apply in a region. General Text disagrees between sources: the 2024 international page
 * says 8192 px and no PDF, the 2025 CN page and the SDK 30000 px with PDF. We apply the stricter
 * international limits outside the Chinese mainland (the reference's advice until tested).
 */
export function limitsFor(spec: OperationSpec, region: string): InputLimits {
	const limits: InputLimits = {
		formats: spec.formats,
		minSide: spec.minSide,
		maxSide: spec.maxSide,
		maxTotalPixels: spec.maxTotalPixels,
	};
	if (spec.id === 'general-text' && !region.startsWith('cn-')) {
		return { formats: spec.formats.filter((format) => format !== 'pdf'), minSide: spec.minSide, maxSide: 8192 };
	}
	return limits;
}

/** "la-south-2 (CN-site table)" → "la-south-2". */
function regionId(text: string): string {
	return text.split(' ')[0];
}

function toSpec(entry: CatalogEntry): OperationSpec {
	const constraints = entry.inputConstraints ?? '';
	const fileFieldName = entry.requestFields.find((field) => field.name === 'image' || field.name === 'data')?.name;
	return {
		id: entry.id,
		fileField: fileFieldName as OperationSpec['fileField'],
		fields: entry.requestFields
			.filter((field) => !['image', 'data', 'url'].includes(field.name))
			.map(parseFieldRule),
		formats: parseFormats(constraints),
		minSide: parseNumber(constraints, /shortest side >= (\d+) px/) ?? 15,
		maxSide: parseNumber(constraints, /longest side <= (\d+) px/) ?? 8192,
		maxTotalPixels: parseNumber(constraints, /width\*height <= ([\d,]+) px/) ?? sideImpliedTotal(constraints),
		regions: [...new Set([...entry.regions.cn, ...entry.regions.intl].map(regionId))],
		retired: RETIRED.has(entry.id),
		resultIsArray: entry.resultContainer.startsWith('array'),
		responseFields: entry.responseTopFields.map((text) => {
			const colon = text.indexOf(':');
			return { name: text.slice(0, colon).trim(), type: text.slice(colon + 1).trim() };
		}),
	};
}

function loadCatalog(): CatalogEntry[] {
	return JSON.parse(readFileSync(join(module.path, 'catalog.json'), 'utf8')) as CatalogEntry[];
}

export const OPERATION_SPECS: ReadonlyMap<string, OperationSpec> = new Map(
	loadCatalog().map((entry) => [entry.id, toSpec(entry)]),
);

export function loadSample(name: string): Record<string, unknown> {
	return JSON.parse(readFileSync(join(module.path, 'samples', `${name}.json`), 'utf8')) as Record<string, unknown>;
}
