import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { isBinaryReference } from './binaryValue';
import { humanList } from './describe';
import { inputError, InputProblem } from './problem';

export interface BinaryFile {
	bytes: Buffer;
	fileName?: string;
	mimeType?: string;
}

/** A check of the file's size that can run on the binary's metadata, before its content is read. */
export type SizeCheck = (byteLength: number, recorded: { mimeType?: string; fileName?: string }) => InputProblem | undefined;

/**
 * Reads the item's binary file through `getBinaryDataBuffer`, which works in every binary data mode
 * (inline, filesystem, database, S3, and the 'combined' mode where binaries live in the JSON).
 * When the binary's metadata tells its size and `checkSize` refuses it, the content is never read.
 */
export async function readBinaryFile(ctx: IExecuteFunctions, itemIndex: number, checkSize?: SizeCheck): Promise<BinaryFile> {
	const parameter = ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data') as unknown;
	// An expression such as {{ $binary.data }} resolves to the binary object itself; the helper accepts it.
	if (isBinaryReference(parameter)) return await readWith(ctx, itemIndex, parameter, parameter, checkSize);

	const name = String(parameter ?? '').trim();
	const item = ctx.getInputData()[itemIndex];
	const found = findBinary(item, name);
	if (!found) throw inputError(ctx.getNode(), itemIndex, missingBinary(name, item));
	// n8n's helper reads a field name from the JSON only in the 'combined' binary mode; elsewhere it
	// would crash on the missing binary object, so the user is told how to point at the JSON instead.
	if (found.inJson && !binariesLiveInJson(ctx)) throw inputError(ctx.getNode(), itemIndex, binaryInJson(name));
	return await readWith(ctx, itemIndex, name, found.metadata, checkSize);
}

/** n8n-workflow's BINARY_MODE_COMBINED, spelled out: older n8n versions do not export the constant. */
const COMBINED_BINARY_MODE = 'combined';

function binariesLiveInJson(ctx: IExecuteFunctions): boolean {
	return ctx.getWorkflowSettings?.().binaryMode === COMBINED_BINARY_MODE;
}

function binaryInJson(name: string): InputProblem {
	const path = `$json.${name}`;
	return new InputProblem(
		`The file '${name}' is in the item's JSON (${path}), not in its binary data`,
		`Set Input Binary Field to the expression {{ ${path} }} to read it from the JSON, ` +
			'or move it into the binary data with the Convert to File node.',
	);
}

async function readWith(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reference: string | IBinaryData,
	metadata: IBinaryData,
	checkSize: SizeCheck | undefined,
): Promise<BinaryFile> {
	const announced = announcedByteLength(metadata);
	const sizeProblem = announced === undefined ? undefined : checkSize?.(announced, { mimeType: metadata.mimeType, fileName: metadata.fileName });
	if (sizeProblem) throw inputError(ctx.getNode(), itemIndex, sizeProblem);
	const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, reference);
	return { bytes, fileName: metadata.fileName, mimeType: metadata.mimeType };
}

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12 };

/**
 * The size n8n recorded for the binary: `bytes`, or else the rounded `fileSize` text ("12.4 MB"),
 * taken half a percent lower so that rounding never refuses a file that would fit.
 */
function announcedByteLength(metadata: IBinaryData): number | undefined {
	if (typeof metadata.bytes === 'number' && Number.isFinite(metadata.bytes)) return metadata.bytes;
	const match = /^\s*([\d.]+)\s*(b|kb|mb|gb|tb)\s*$/i.exec(String(metadata.fileSize ?? ''));
	if (!match) return undefined;
	const value = Number(match[1]) * SIZE_UNITS[match[2].toLowerCase()];
	return Number.isFinite(value) ? Math.floor(value * 0.995) : undefined;
}

function findBinary(
	item: INodeExecutionData | undefined,
	name: string,
): { metadata: IBinaryData; inJson: boolean } | undefined {
	if (!item || name === '') return undefined;
	const separate = item.binary?.[name];
	if (separate) return { metadata: separate, inJson: false };
	const combined = valueAtPath(item.json, name);
	return isBinaryReference(combined) ? { metadata: combined, inJson: true } : undefined;
}

function valueAtPath(data: IDataObject | undefined, path: string): unknown {
	let value: unknown = data;
	for (const key of path.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

/** Names of the binary files the item carries (keys only; the data itself is never read here). */
function binaryNames(item: INodeExecutionData | undefined): string[] {
	const names = Object.keys(item?.binary ?? {});
	for (const [key, value] of Object.entries(item?.json ?? {})) {
		if (isBinaryReference(value)) names.push(key);
	}
	return names;
}

const LOOKS_LIKE_EXPRESSION = /\{\{|\$binary|\$json|\$\(|\$node/;
const LOOKS_LIKE_BASE64 = /^(data:[^,]*,)?[A-Za-z0-9+/=\s_-]{64,}$/;

export function missingBinary(name: string, item: INodeExecutionData | undefined): InputProblem {
	if (name === '') {
		return new InputProblem(
			'Input Binary Field is empty',
			'Enter the name of the binary field that holds the file, e.g. data.',
		);
	}
	if (LOOKS_LIKE_EXPRESSION.test(name)) {
		return new InputProblem(
			`Input Binary Field holds '${shorten(name)}', which looks like an expression, not a binary field name`,
			'Type only the name of the binary field, e.g. data (without {{ }}, $binary or $json). ' +
				"To send Base64 text from the JSON, set Input Source to 'Base64 String'.",
		);
	}
	if (LOOKS_LIKE_BASE64.test(name)) {
		return new InputProblem(
			`Input Binary Field holds ${name.length} characters that look like Base64 file content, not a binary field name`,
			"Set Input Source to 'Base64 String' and put the Base64 text there, or type the name of the binary field, e.g. data.",
		);
	}
	const available = binaryNames(item);
	if (available.length === 0) {
		return new InputProblem(
			`The item has no binary field '${name}'; it has no binary files at all`,
			'Add a node that outputs the file before this one, e.g. Read/Write Files From Disk or HTTP Request ' +
				"(Response Format: File), or set Input Source to 'URL' or 'Base64 String'.",
		);
	}
	const quoted = available.map((candidate) => `'${candidate}'`);
	return new InputProblem(
		`The item has no binary field '${name}'; its binary ${available.length === 1 ? 'field is' : 'fields are'} ${humanList(quoted, 'and')}`,
		`Set Input Binary Field to the field that holds the file, e.g. ${available[0]}.`,
	);
}

function shorten(text: string): string {
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
