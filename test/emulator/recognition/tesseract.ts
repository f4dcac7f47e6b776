/**
 * Real, fully offline text recognition for the emulator: tesseract.js with the English LSTM model
 * from the @tesseract.js-data/eng package in node_modules (never a CDN, nothing cached to disk).
 * Plug it in with `startEmulator({ recognizer: recognizer.recognize })`.
 */
import * as path from '../../nodejs/path.cjs';
import { createWorker, OEM, type Line, type Page, type Word, type Worker } from 'tesseract.js';

import type { RecognizerInput } from '../types';
import { findTd3Lines, parseTd3, type Td3Parsed } from './mrz';
import { decodeGray, encodePng } from './bitmap';
import { isTextOperation, passportResult, textResult, type Box, type RecognizedLine, type RecognizedPage } from './shapes';
import { detectTableGrid, eraseRules, generalTableResult, type RecognizedWord } from './table';

/** Image formats tesseract.js reads; others fall back to the emulator's sample answer. */
const READABLE_FORMATS = new Set(['png', 'jpeg', 'jpg', 'bmp']);
const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

export interface TesseractRecognizer {
	/** Matches the emulator's `recognizer` option; undefined = not recognized here, use the sample answer. */
	recognize(input: RecognizerInput): Promise<unknown>;
	terminate(): Promise<void>;
}

export function traineddataDir(): string {
	// The LSTM-only "best_int" model: smaller and faster than the legacy+LSTM one, same accuracy for print.
	return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

/** Huawei splits a printed line into separate blocks where words stand far apart (table-like columns). */
const COLUMN_GAP_IN_LINE_HEIGHTS = 1.5;

function union(boxes: Box[]): Box {
	return {
		x0: Math.min(...boxes.map((b) => b.x0)),
		y0: Math.min(...boxes.map((b) => b.y0)),
		x1: Math.max(...boxes.map((b) => b.x1)),
		y1: Math.max(...boxes.map((b) => b.y1)),
	};
}

function splitIntoBlocks(line: Line): RecognizedLine[] {
	const words = line.words.filter((word) => word.text.trim());
	const lineHeight = line.bbox.y1 - line.bbox.y0;
	const groups: Word[][] = [];
	for (const word of words) {
		const current = groups[groups.length - 1];
		const previous = current?.[current.length - 1];
		if (previous && word.bbox.x0 - previous.bbox.x1 <= COLUMN_GAP_IN_LINE_HEIGHTS * lineHeight) current.push(word);
		else groups.push([word]);
	}
	return groups.map((group) => ({
		text: group.map((word) => word.text.trim()).join(' '),
		confidence: group.reduce((sum, word) => sum + word.confidence, 0) / group.length / 100,
		box: union(group.map((word) => word.bbox)),
		chars: group.flatMap((word) =>
			word.symbols.map((symbol) => ({ text: symbol.text, confidence: symbol.confidence / 100, box: symbol.bbox })),
		),
	}));
}

function toPage(data: Page, size: { width: number; height: number }): RecognizedPage {
	const lines = (data.blocks ?? []).flatMap((block) =>
		block.paragraphs.flatMap((paragraph) => paragraph.lines.flatMap(splitIntoBlocks)),
	);
	return { ...size, lines };
}

/** Width and height from the PNG/JPEG/BMP header (tesseract's page object does not carry them). */
export function imageSize(image: Buffer): { width: number; height: number } {
	if (image.length > 24 && image.readUInt32BE(0) === 0x89504e47) {
		return { width: image.readUInt32BE(16), height: image.readUInt32BE(20) };
	}
	if (image.length > 26 && image[0] === 0x42 && image[1] === 0x4d) {
		return { width: image.readInt32LE(18), height: Math.abs(image.readInt32LE(22)) };
	}
	for (let offset = 2; offset + 9 < image.length; ) {
		if (image[offset] !== 0xff) break;
		const marker = image[offset + 1];
		const length = image.readUInt16BE(offset + 2);
		if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
			return { width: image.readUInt16BE(offset + 7), height: image.readUInt16BE(offset + 5) };
		}
		offset += 2 + length;
	}
	return { width: 0, height: 0 };
}

function findMrz(page: RecognizedPage): { mrz: Td3Parsed; confidence: number } | undefined {
	const texts = page.lines.map((line) => line.text.replace(/\s+/g, ''));
	const found = findTd3Lines(texts);
	if (!found) return undefined;
	const confidences = page.lines.filter((_, index) => found.includes(texts[index])).map((line) => line.confidence);
	return { mrz: parseTd3(found[0], found[1]), confidence: Math.min(...confidences) };
}

function checksPassed(mrz: Td3Parsed): number {
	return Object.values(mrz.checks).filter(Boolean).length;
}

export function createTesseractRecognizer(): TesseractRecognizer {
	let worker: Promise<Worker> | undefined;
	// One worker, one job at a time: the MRZ pass changes worker parameters and must not interleave.
	let queue: Promise<unknown> = Promise.resolve();

	const getWorker = () =>
		(worker ??= createWorker('eng', OEM.LSTM_ONLY, {
			langPath: traineddataDir(),
			gzip: true,
			cacheMethod: 'none',
		}));

	async function readPage(image: Buffer): Promise<RecognizedPage> {
		const tesseract = await getWorker();
		const { data } = await tesseract.recognize(image, {}, { blocks: true, text: false });
		return toPage(data, imageSize(image));
	}

	async function readMrz(image: Buffer, page: RecognizedPage): Promise<{ mrz: Td3Parsed; confidence: number } | undefined> {
		const found = findMrz(page);
		if (found?.mrz.valid) return found;

		// Second pass restricted to the MRZ alphabet. Tesseract reports no line confidence under a
		// whitelist, so the first pass's confidence (or a neutral 0.5) stands in for it.
		const tesseract = await getWorker();
		await tesseract.setParameters({ tessedit_char_whitelist: MRZ_ALPHABET });
		try {
			const { data } = await tesseract.recognize(image, {}, { blocks: true, text: false });
			const second = findMrz(toPage(data, page));
			if (!second) return found;
			const confidence = found?.confidence ?? 0.5;
			return !found || checksPassed(second.mrz) > checksPassed(found.mrz) ? { ...second, confidence } : found;
		} finally {
			await tesseract.setParameters({ tessedit_char_whitelist: '' });
		}
	}

	async function readTable(image: Buffer, options: Record<string, unknown>): Promise<unknown> {
		const gray = await decodeGray(image);
		const grid = detectTableGrid(gray);
		if (!grid) return undefined;
		const tesseract = await getWorker();
		const { data } = await tesseract.recognize(encodePng(eraseRules(gray, grid)), {}, { blocks: true, text: false });
		const words: RecognizedWord[] = (data.blocks ?? [])
			.flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines.flatMap((line) => line.words)))
			.filter((word) => word.text.trim())
			.map((word) => ({ text: word.text.trim(), confidence: word.confidence / 100, box: word.bbox }));
		return generalTableResult(grid, words, options);
	}

	/** Smart Document with Tables on: the page's text, plus the ruled table found on it as table_result. */
	async function readDocumentWithTables(image: Buffer, options: Record<string, unknown>): Promise<unknown> {
		// Table rules confuse line finding: the text is read with them erased, as for General Table.
		const gray = await decodeGray(image);
		const grid = detectTableGrid(gray);
		const textImage = grid ? encodePng(eraseRules(gray, grid)) : image;
		const parts = textResult('smart-document-recognizer', await readPage(textImage), options) as unknown[];
		const table = (await readTable(image, options)) as { words_region_list: Array<{ type: string; words_block_list: unknown[] }> } | undefined;
		const tables = (table?.words_region_list ?? []).filter((region) => region.type === 'table');
		if (tables.length === 0) return parts;
		const tableList = tables.map((region) => ({ words_block_list: region.words_block_list }));
		return [...parts, { table_result: { table_count: tableList.length, table_list: tableList } }];
	}

	async function recognizeNow(input: RecognizerInput): Promise<unknown> {
		if (!READABLE_FORMATS.has(input.format.toLowerCase())) return undefined;
		if (input.operation === 'passport') {
			const page = await readPage(input.image);
			const read = await readMrz(input.image, page);
			return read && passportResult(read.mrz, read.confidence);
		}
		if (input.operation === 'general-table') return await readTable(input.image, input.options ?? {});
		if (input.operation === 'smart-document-recognizer' && input.options?.table === true) {
			return await readDocumentWithTables(input.image, input.options);
		}
		if (isTextOperation(input.operation)) {
			return textResult(input.operation, await readPage(input.image), input.options ?? {});
		}
		return undefined;
	}

	return {
		recognize(input) {
			const job = queue.then(() => recognizeNow(input));
			queue = job.catch(() => undefined);
			return job;
		},
		async terminate() {
			const started = worker;
			worker = undefined;
			if (started) await (await started).terminate();
		},
	};
}
