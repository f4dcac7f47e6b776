import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OcrOperation } from '../catalog/types';
import type { ParameterValueError } from '../catalog/values';
import { readNumber } from '../catalog/values';
import { Base64Field } from '../../HuaweiCloud/base64Field';
import { cleanBase64 } from './base64';
import { readBinaryFile } from './binaryFile';
import { isBinaryReference } from './binaryValue';
import { DEFAULT_MAX_DOWNLOAD_MB, downloadFile } from './download';
import { obsObjectUrl } from './obs';
import { checkBase64Length, checkByteLength, checkFile, checkPageNumber } from './preflight';
import { inputError, InputProblem } from './problem';
import type { InputSource, ResolvedInput, ResolveContext } from './types';
import { normalizeUrl } from './url';

/**
 * Resolves the item's file from the chosen Input Source and runs every pre-flight check,
 * so nothing that the service would reject (or that would be billed for nothing) is sent.
 */
export async function resolveInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	op: OcrOperation,
	context: ResolveContext,
): Promise<ResolvedInput> {
	const fail = (problem: InputProblem) => inputError(ctx.getNode(), itemIndex, problem);
	if (op.fileField === 'none') {
		throw fail(new InputProblem(`${op.name} takes no file`, 'Fill in its fields instead of an input file.'));
	}
	const source = readSource(ctx, itemIndex);

	if (source === 'binary') {
		// Where a PDF is split into pages, its size is checked per page: the whole file may be larger.
		// A binary recorded as an image is no PDF, so it is refused on its recorded size, unread.
		const file = await readBinaryFile(ctx, itemIndex, (byteLength, recorded) =>
			context.splitsPdf && !isRecordedAsImage(recorded) ? undefined : checkByteLength(op, byteLength),
		);
		return acceptFile(ctx, itemIndex, op, context, { ...file, source });
	}

	if (source === 'base64') {
		const text = ctx.getNodeParameter('base64Data', itemIndex, '') as unknown;
		if (typeof text !== 'string') throw fail(notText(text));
		const base64 = cleanBase64(text);
		if (base64 instanceof InputProblem) throw fail(base64);
		const estimatedBytes = Math.floor((base64.length / 4) * 3);
		// A PDF's size is checked per page after splitting ("JVBER" is "%PDF" in Base64).
		const checkedPerPage = context.splitsPdf === true && base64.startsWith('JVBER');
		const tooLong = checkedPerPage ? undefined : checkBase64Length(op, base64.length, estimatedBytes);
		if (tooLong) throw fail(tooLong);
		const bytes = Buffer.from(base64, 'base64');
		return acceptFile(ctx, itemIndex, op, context, { bytes, source, base64 });
	}

	const url = source === 'obs' ? obsUrl(ctx, itemIndex, context) : normalizeUrl(String(ctx.getNodeParameter('url', itemIndex, '')));
	if (url instanceof InputProblem) throw fail(url);

	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (source === 'url' && options.downloadUrl === true) {
		const file = await downloadFile(ctx, itemIndex, url, {
			maxMegabytes: maxDownloadMegabytes(ctx, itemIndex, options.maxDownloadSize),
			timeoutMs: context.downloadTimeoutMs,
		});
		return acceptFile(ctx, itemIndex, op, context, { ...file, source });
	}

	const pageProblem = checkPageNumber(op, context.pageNumber, undefined);
	if (pageProblem) throw fail(pageProblem);
	return { kind: 'url', source, url };
}

function maxDownloadMegabytes(ctx: IExecuteFunctions, itemIndex: number, raw: unknown): number {
	try {
		return readNumber('Max Download Size', raw, DEFAULT_MAX_DOWNLOAD_MB, {
			accepts: 'a number of megabytes above 0',
			isValid: (value) => value > 0,
			example: DEFAULT_MAX_DOWNLOAD_MB,
		});
	} catch (error) {
		const problem = error as ParameterValueError;
		throw inputError(ctx.getNode(), itemIndex, new InputProblem(problem.message, problem.description));
	}
}

/** An expression in the Base64 field that resolved to something other than text. */
function notText(value: unknown): InputProblem {
	if (isBinaryReference(value)) {
		return new InputProblem(
			'The Base64 String is a binary file reference, not Base64 text',
			"Set Input Source to 'Binary File' and enter the name of the binary field, e.g. data.",
		);
	}
	const kind =
		value === null || value === undefined
			? 'empty'
			: Array.isArray(value)
				? 'a list'
				: typeof value === 'object'
					? 'an object'
					: `a ${typeof value}`;
	return new InputProblem(
		`The Base64 String is ${kind}, not Base64 text`,
		'Map the field that holds the Base64 text of the file, e.g. {{ $json.image }}.',
	);
}

const SOURCES: readonly InputSource[] = ['binary', 'base64', 'url', 'obs'];

function readSource(ctx: IExecuteFunctions, itemIndex: number): InputSource {
	// In AI-tool mode the node has no input items to carry binary files, so URL is the natural default.
	const fallback: InputSource = ctx.isToolExecution?.() ? 'url' : 'binary';
	const value = ctx.getNodeParameter('inputSource', itemIndex, fallback) as InputSource;
	if (SOURCES.includes(value)) return value;
	throw inputError(
		ctx.getNode(),
		itemIndex,
		new InputProblem(
			`Input Source '${String(value)}' is not one of Binary File, Base64 String, URL or OBS Object`,
			"Choose one of the listed input sources; in an expression use 'binary', 'base64', 'url' or 'obs'.",
		),
	);
}

function obsUrl(ctx: IExecuteFunctions, itemIndex: number, context: ResolveContext): string | InputProblem {
	return obsObjectUrl({
		bucket: String(ctx.getNodeParameter('obsBucket', itemIndex, '')),
		key: String(ctx.getNodeParameter('obsObjectKey', itemIndex, '')),
		region: String(ctx.getNodeParameter('obsRegion', itemIndex, '')),
		callRegion: context.region,
	});
}

function acceptFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	op: OcrOperation,
	context: ResolveContext,
	file: { bytes: Buffer; source: InputSource; base64?: string; fileName?: string; mimeType?: string },
): ResolvedInput {
	const accepted = checkFile(op, file.bytes, context.pageNumber, context.splitsPdf);
	if (accepted instanceof InputProblem) throw inputError(ctx.getNode(), itemIndex, accepted);
	return {
		kind: 'file',
		source: file.source,
		bytes: file.bytes,
		base64: file.base64 !== undefined ? Base64Field.ofText(file.base64) : Base64Field.ofBytes(file.bytes),
		byteLength: file.bytes.length,
		format: accepted.format,
		width: accepted.width,
		height: accepted.height,
		fileName: file.fileName,
		mimeType: file.mimeType,
	};
}

const IMAGE_FILE_NAME = /\.(jpe?g|png|bmp|tiff?|gif|webp)$/i;

/** Whether n8n recorded the binary as an image (by MIME type or file name), so it is not a PDF. */
function isRecordedAsImage({ mimeType, fileName }: { mimeType?: string; fileName?: string }): boolean {
	return /^image\//i.test(mimeType ?? '') || IMAGE_FILE_NAME.test(fileName ?? '');
}
