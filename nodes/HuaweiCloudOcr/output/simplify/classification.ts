/**
 * Classification family. auto-classification: an array of detected documents, each with its type,
 * its recognised content and a per-document status. auto-id-doc-classification: one object
 * (type, confidence, alarm results), flattened like a card.
 */
import type { IDataObject } from 'n8n-workflow';
import type { DetailOptions } from '../flatten';
import { flattenFields, omitKeys, withExtraFields } from '../flatten';
import type { ClassificationResult, ClassifiedDocument } from '../schemas';

/** Codes that mean "recognised"; anything else in `status.error_code` is a per-document failure. */
const SUCCESS_CODES = new Set(['', '0', 'AIS.0000', 'SUCCESS']);

/** Document fields with their own place on the simplified item. */
const DOCUMENT_KEYS = ['type', 'content', 'status', 'seal_mark', 'location'];

export function classifiedDocumentJson(document: ClassifiedDocument, options: DetailOptions): IDataObject {
	const code = document.status?.error_code ?? '';
	const failed = !SUCCESS_CODES.has(code.toUpperCase());
	const message = document.status?.error_msg ?? '';
	const json: IDataObject = {
		type: document.type ?? '',
		fields: flattenFields(document.content ?? {}, options),
		status: failed ? 'failed' : 'success',
	};
	if (failed) {
		json.errorCode = code;
		json.errorMessage = message;
	} else if (message !== '') {
		json.statusMessage = message;
	}
	if (document.seal_mark !== undefined) json.sealMark = document.seal_mark as boolean;
	if (options.includeLocations && document.location !== undefined) {
		json.location = document.location as IDataObject['location'];
	}
	return withExtraFields(json, omitKeys(document, DOCUMENT_KEYS), options);
}

export function simplifyClassification(result: ClassificationResult, options: DetailOptions): IDataObject {
	if (!Array.isArray(result)) return flattenFields(result, options);
	return {
		documents: result.map((document) => classifiedDocumentJson(document, options)),
		count: result.length,
	};
}

/** One item per detected document, with its 1-based `_document` number (for routing with a Switch node). */
export function classificationDocumentItems(result: ClassificationResult, options: DetailOptions): IDataObject[] {
	if (!Array.isArray(result)) return [flattenFields(result, options)];
	return result.map((document, index) => ({
		_document: index + 1,
		...classifiedDocumentJson(document, options),
	}));
}
