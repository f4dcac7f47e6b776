/**
 * One OCR call after routing, authentication and project ownership: subscription → throttle → body size
 * → JSON → body rules → file (Base64 or download) → format/pixels → recognition.
 */
import { errors } from '../errors';
import type { FaultController } from '../faults';
import type { OperationSpec } from '../spec/operations';
import type { Recognizer } from '../types';
import type { Answers } from './answers';
import { checkBody, decodeBase64, type FileSource } from './bodyRules';
import type { Downloads } from './download';
import { checkImage, type CheckedImage } from './imageChecks';
import { leanResult } from './lean';
import { readPdfPage } from './pdfPages';
import { readableImage } from './readableImage';
import { buildResult } from './responses';

/** The body limit behind "10 MB": 10 MiB, which a 10,000,000-character Base64 text plus options fits in. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface OcrCall {
	spec: OperationSpec;
	region: string;
	body: Buffer;
	/** The body parsed once by the server; undefined when it is not JSON. */
	json: unknown;
	contentType: string | undefined;
	faults: FaultController;
	downloads: Downloads;
	recognizer?: Recognizer;
	/** Results a test set for this operation; they come before the recognizer and the built-in answers. */
	answers?: Answers;
	urlTimeoutMs: number;
}

export interface OcrSuccess {
	result: unknown;
	source: 'sample' | 'template' | 'recognized' | 'answer';
	/** Optional fields left out or nulled by lean answers. */
	leanChanges?: number;
}

function parseJsonObject(call: OcrCall): Record<string, unknown> {
	// Assumption: the service only reads JSON bodies; anything else is reported like malformed JSON.
	if (!call.contentType || !/^application\/json\b/i.test(call.contentType.trim())) throw errors.badJson();
	const parsed = call.json;
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw errors.badJson();
	return parsed as Record<string, unknown>;
}

async function fileBytes(call: OcrCall, source: FileSource): Promise<Buffer | undefined> {
	if (source.kind === 'none') return undefined;
	if (source.kind === 'base64') return decodeBase64(source.text);
	return call.downloads.fetch(source.url, {
		region: call.region,
		agencyMissing: call.faults.obsAgencyMissing(call.region),
		timeoutMs: call.urlTimeoutMs,
	});
}

export async function serveOcr(call: OcrCall): Promise<OcrSuccess> {
	const success = await recognize(call);
	const lean = call.faults.leanAnswers();
	if (!lean) return success;
	return { ...success, leanChanges: leanResult(call.spec.id, success.result, lean.settings, lean.random) };
}

async function recognize(call: OcrCall): Promise<OcrSuccess> {
	const { spec, faults } = call;
	if (faults.isNotSubscribed(spec.id, call.region)) throw errors.notSubscribed(spec.id);
	const limit = faults.overQpsLimit(Date.now());
	if (limit !== undefined) throw errors.throttled(limit);
	if (call.body.length > MAX_BODY_BYTES) throw errors.contentLength();
	const body = parseJsonObject(call);
	const { source, options } = checkBody(spec, body);
	const bytes = await fileBytes(call, source);
	let image: CheckedImage | undefined;
	if (bytes) image = checkImage(spec, call.region, bytes);
	// A PDF is read one page per call: the page named in the request (page 1 by default) must exist.
	const pdfPage = bytes && image?.format === 'pdf' ? await readPdfPage(bytes, options) : undefined;
	const answer = call.answers?.answer(spec, options, { file: bytes, pageNumber: pdfPage?.pageNumber });
	if (answer !== undefined) return { result: answer, source: 'answer' };
	if (bytes && image && call.recognizer) {
		const readable = pdfPage ? await pdfPage.image() : await readableImage(bytes, image.format);
		const recognized = await call
			.recognizer({ operation: spec.id, image: readable.bytes, format: readable.format, options })
			.then(
				(result) => ({ ok: true as const, result }),
				() => ({ ok: false as const }),
			);
		if (!recognized.ok) throw errors.recognitionFailed('recognizer-threw');
		if (recognized.result !== undefined) return { result: recognized.result, source: 'recognized' };
	}
	return buildResult(spec, options, image);
}
