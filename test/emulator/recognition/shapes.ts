/**
 * Turns recognized text lines into Huawei OCR `result` objects, in the documented response shapes
 * (reference samples general-text.json, web-image.json, smart-document-recognizer.json and the
 * passport result fields). Pure: no OCR engine here, so the shapes are unit-tested on their own.
 */
import type { Td3Parsed } from './mrz';

export interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

export interface RecognizedChar {
	text: string;
	/** 0..1 */
	confidence: number;
	box: Box;
}

export interface RecognizedLine {
	text: string;
	/** 0..1 */
	confidence: number;
	box: Box;
	chars: RecognizedChar[];
}

export interface RecognizedPage {
	width: number;
	height: number;
	lines: RecognizedLine[];
}

export type Quad = [[number, number], [number, number], [number, number], [number, number]];

/** Huawei locations are four [x, y] points: top-left, top-right, bottom-right, bottom-left. */
export function quad(box: Box): Quad {
	const x0 = Math.round(box.x0);
	const y0 = Math.round(box.y0);
	const x1 = Math.round(box.x1);
	const y1 = Math.round(box.y1);
	return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
}

function roundConfidence(value: number): number {
	return Math.round(Math.min(1, Math.max(0, value)) * 10000) / 10000;
}

/** Text operations whose result the recognizer can build from lines of text. */
export const TEXT_OPERATIONS = ['general-text', 'web-image', 'handwriting', 'smart-document-recognizer'] as const;
export type TextOperation = (typeof TEXT_OPERATIONS)[number];

export function isTextOperation(operation: string): operation is TextOperation {
	return (TEXT_OPERATIONS as readonly string[]).includes(operation);
}

function generalTextResult(page: RecognizedPage, options: Record<string, unknown>): Record<string, unknown> {
	const blocks = page.lines.map((line) => ({
		words: line.text,
		location: quad(line.box),
		confidence: roundConfidence(line.confidence),
		...(options.character_mode === true
			? {
					char_list: line.chars.map((char) => ({
						char: char.text,
						char_location: quad(char.box),
						char_confidence: roundConfidence(char.confidence),
					})),
				}
			: {}),
	}));
	return {
		// Huawei sends -1 when orientation detection was not asked for; the emulator never rotates.
		direction: options.detect_direction === true ? 0 : -1,
		words_block_count: blocks.length,
		words_block_list: blocks,
		...(options.return_markdown_result === true
			? { markdown_result: page.lines.map((line) => line.text).join('\n') }
			: {}),
	};
}

function webImageResult(page: RecognizedPage, options: Record<string, unknown>): Record<string, unknown> {
	const extract = Array.isArray(options.extract_type) ? options.extract_type : [];
	return {
		words_block_list: page.lines.map((line) => ({
			words: line.text,
			confidence: roundConfidence(line.confidence),
			location: quad(line.box),
		})),
		words_block_count: page.lines.length,
		extracted_data: extract.includes('image_size') ? { image_size: { height: page.height, width: page.width } } : {},
	};
}

function handwritingResult(page: RecognizedPage): Record<string, unknown> {
	return {
		words_block_count: page.lines.length,
		words_block_list: page.lines.map((line) => ({
			words: line.text,
			type: 'handwriting',
			confidence: roundConfidence(line.confidence),
			location: quad(line.box),
		})),
	};
}

function smartDocumentResult(page: RecognizedPage, options: Record<string, unknown>): unknown[] {
	// Only the always-present ocr_result is recognized; kv/table/layout/form/formula need models we lack.
	const text = generalTextResult(page, options);
	return [
		{
			ocr_result: {
				direction: text.direction,
				words_block_count: text.words_block_count,
				words_block_list: text.words_block_list,
			},
		},
	];
}

export function textResult(operation: TextOperation, page: RecognizedPage, options: Record<string, unknown>): unknown {
	switch (operation) {
		case 'general-text':
			return generalTextResult(page, options);
		case 'web-image':
			return webImageResult(page, options);
		case 'handwriting':
			return handwritingResult(page);
		case 'smart-document-recognizer':
			return smartDocumentResult(page, options);
	}
}

/**
 * The passport result as Huawei returns it for a non-Chinese passport (MRZ fields only).
 * Field confidence is the OCR confidence of the MRZ, halved for fields whose check digit failed,
 * so a misread never looks as trustworthy as a verified one.
 */
export function passportResult(mrz: Td3Parsed, mrzConfidence: number): Record<string, unknown> {
	const base = roundConfidence(mrzConfidence);
	const weak = roundConfidence(mrzConfidence / 2);
	const compositeOk = mrz.checks.composite;
	const confidenceFor = (fieldOk: boolean) => (fieldOk && compositeOk ? base : weak);
	return {
		passport_type: mrz.documentCode,
		country_code: mrz.issuingState,
		passport_number: mrz.passportNumber,
		nationality: mrz.nationality,
		surname: mrz.surname,
		given_name: mrz.givenNames,
		sex: mrz.sex,
		date_of_birth: mrz.dateOfBirth,
		date_of_expiry: mrz.dateOfExpiry,
		confidence: {
			passport_type: base,
			country_code: base,
			passport_number: confidenceFor(mrz.checks.passportNumber),
			nationality: base,
			surname: base,
			given_name: base,
			sex: confidenceFor(true),
			date_of_birth: confidenceFor(mrz.checks.dateOfBirth),
			date_of_expiry: confidenceFor(mrz.checks.dateOfExpiry),
		},
		extra_info: {},
	};
}
