/**
 * Successful results. Operations with a documented sample answer from it (source "sample"), shaped by
 * the options that change the result; the skeleton-only ones and the rest are built (source "template").
 */
import { loadSample, OPERATION_SPECS, type OperationSpec } from '../spec/operations';
import type { CheckedImage } from './imageChecks';
import { fieldRequested, plausibleString, POLYGON, templateObject, templateResult } from './templates';
import { tableXlsxBase64 } from './xlsx';

export interface BuiltResult {
	result: unknown;
	source: 'sample' | 'template';
}

/** Samples are free-form JSON reshaped in place: the type JSON.parse gives them. */
type Json = ReturnType<typeof JSON.parse>;

const sampleCache = new Map<string, Json>();
function sample(name: string): Json {
	if (!sampleCache.has(name)) sampleCache.set(name, loadSample(name));
	// Deep copy: the caller shapes the result.
	return JSON.parse(JSON.stringify(sampleCache.get(name)));
}

const on = (options: Record<string, unknown>, name: string) => options[name] === true;

function generalText(options: Record<string, unknown>): Json {
	const result = sample('general-text').response_200.result;
	if (!on(options, 'detect_direction')) result.direction = -1;
	for (const block of result.words_block_list) if (!on(options, 'character_mode')) delete block.char_list;
	if (on(options, 'return_markdown_result')) {
		result.markdown_result = result.words_block_list.map((block: Json) => block.words).join('\n');
	}
	return result;
}

/**
 * The documented example shows confidence although its request sets return_confidence=false; we follow
 * the field description (confidence only on request), the stricter reading for a client.
 */
function generalTable(options: Record<string, unknown>): Json {
	const result = sample('general-table').response_200.result;
	for (const region of result.words_region_list) {
		for (const block of region.words_block_list) {
			if (!on(options, 'return_confidence')) delete block.confidence;
			if (on(options, 'return_text_location')) {
				block.location = POLYGON;
				if (region.type === 'table') block.cell_location = POLYGON;
				const line: Json = { words: block.words, confidence: 0.9921, location: POLYGON };
				if (on(options, 'return_char_location')) {
					line.char_list = [...String(block.words).slice(0, 3)].map((char) => ({ char, char_location: POLYGON, char_confidence: 0.99 }));
				}
				block.words_list = [line];
			}
		}
	}
	if (on(options, 'return_excel')) {
		result.excel = tableXlsxBase64(
			result.words_region_list.filter((region: Json) => region.type === 'table').map((region: Json) => region.words_block_list),
		);
	}
	return result;
}

function webImage(options: Record<string, unknown>, image?: CheckedImage): Json {
	const result = sample('web-image').response_200.result;
	const extract = Array.isArray(options.extract_type) ? options.extract_type : [];
	if (extract.includes('contact_info')) {
		result.extracted_data.contact_info = {
			name: 'Zhang San',
			phone: '13800000000',
			province: 'Guangdong',
			city: 'Shenzhen',
			district: 'Longgang',
			detail_address: '1 Emulator Road',
		};
	}
	if (extract.includes('image_size')) {
		result.extracted_data.image_size = { height: image?.height ?? 0, width: image?.width ?? 0 };
	}
	if (on(options, 'detect_font')) {
		for (const block of result.words_block_list) {
			block.font_list = ['SimHei', 'Microsoft YaHei', 'SimSun', 'KaiTi', 'FangSong'];
			block.font_scores = [0.81, 0.09, 0.05, 0.03, 0.02];
		}
	}
	return result;
}

/**
 * The documented example puts each sub-result in its own array element and shows all of them. We return
 * ocr_result always and the others only when their switch is true (the field descriptions), the
 * stricter reading: a client must ask for what it reads.
 */
function smartDocument(options: Record<string, unknown>): Json[] {
	const elements: Json[] = sample('smart-document-recognizer').response_200.result;
	const wanted = (key: string) => key === 'ocr_result' || on(options, key.replace(/_result$/, ''));
	const kept = elements.filter((element) => wanted(Object.keys(element)[0]));
	for (const element of kept) {
		const part = element.table_result ?? element.form_result;
		const list = part?.table_list ?? part?.form_list ?? [];
		for (const table of list) {
			if (on(options, 'return_excel') && on(options, 'table')) table.excel = tableXlsxBase64([table.words_block_list]);
			else delete table.excel;
		}
		if (element.ocr_result && !on(options, 'character_mode')) {
			for (const block of element.ocr_result.words_block_list) delete block.char_list;
		}
	}
	return kept;
}

/** Skeleton placeholders ("<string>") become plausible values named after their key. */
function fillSkeleton(value: unknown, key = ''): unknown {
	if (value === '<string>') return plausibleString(key);
	if (Array.isArray(value)) return value.map((item) => fillSkeleton(item, key));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillSkeleton(v, k)]));
	}
	return value;
}

function passport(): Json {
	const result = fillSkeleton(sample('passport.skeleton').response_200.result) as Json;
	const fields = Object.keys(result).filter((key) => typeof result[key] === 'string');
	result.confidence = Object.fromEntries(fields.map((field) => [field, 0.9912]));
	return result;
}

const ID_FRONT = ['name', 'sex', 'birth', 'ethnicity', 'address', 'number'];
const ID_BACK = ['issue', 'valid_from', 'valid_to'];

function idCardSide(spec: OperationSpec, options: Record<string, unknown>, full: Json, keys: string[]): Json {
	const side: Json = {};
	for (const [key, value] of Object.entries(full)) {
		if (keys.includes(key) || (!ID_FRONT.includes(key) && !ID_BACK.includes(key) && fieldRequested(spec, key, options))) {
			side[key] = value;
		}
	}
	if (on(options, 'return_text_location')) side.text_location = Object.fromEntries(keys.map((key) => [key, POLYGON]));
	return side;
}

function idCard(options: Record<string, unknown>): Json {
	const spec = OPERATION_SPECS.get('id-card') as OperationSpec;
	const full = fillSkeleton(sample('id-card.skeleton').response_200.result) as Json;
	delete full.front;
	delete full.back;
	if (options.side === 'double_side') {
		return { front: idCardSide(spec, options, full, ID_FRONT), back: idCardSide(spec, options, full, ID_BACK) };
	}
	return idCardSide(spec, options, full, options.side === 'back' ? ID_BACK : ID_FRONT);
}

const CLASSIFIED = [
	{ type: 'vat_invoice', operation: 'vat-invoice' },
	{ type: 'id_card', operation: 'id-card' },
];

function autoClassification(options: Record<string, unknown>): Json[] {
	const types = Array.isArray(options.type_list) ? options.type_list : undefined;
	return CLASSIFIED.filter((doc) => !types || types.includes(doc.type)).map((doc) => {
		const spec = OPERATION_SPECS.get(doc.operation) as OperationSpec;
		const item: Json = {
			type: doc.type,
			location: POLYGON,
			content: doc.operation === 'id-card' ? idCard({ side: 'front' }) : templateObject(spec, {}),
			status: { error_code: '', error_msg: '' },
		};
		if (on(options, 'detect_seal')) item.seal_mark = false;
		return item;
	});
}

/** Not modelled in the SDK; a plausible "verified" answer echoing the invoice identity. */
function invoiceVerification(options: Record<string, unknown>): Json {
	return {
		result_code: '0000',
		result_msg: 'The invoice is genuine.',
		code: options.code,
		number: options.number,
		issue_date: options.issue_date,
		check_code: options.check_code ?? '',
		subtotal_amount: options.subtotal_amount ?? '',
	};
}

export function buildResult(spec: OperationSpec, options: Record<string, unknown>, image?: CheckedImage): BuiltResult {
	switch (spec.id) {
		case 'general-text':
			return { result: generalText(options), source: 'sample' };
		case 'general-table':
			return { result: generalTable(options), source: 'sample' };
		case 'web-image':
			return { result: webImage(options, image), source: 'sample' };
		case 'smart-document-recognizer':
			return { result: smartDocument(options), source: 'sample' };
		case 'passport':
			return { result: passport(), source: 'template' };
		case 'id-card':
			return { result: idCard(options), source: 'template' };
		case 'auto-classification':
			return { result: autoClassification(options), source: 'template' };
		case 'invoice-verification':
			return { result: invoiceVerification(options), source: 'template' };
		default:
			return { result: templateResult(spec, options), source: 'template' };
	}
}
