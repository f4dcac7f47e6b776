/** Text family (general text, web image, handwriting): text in reading order plus its lines. */
import type { IDataObject } from 'n8n-workflow';
import type { DetailOptions } from '../flatten';
import { flattenFields, isPlainObject, omitKeys, withExtraFields } from '../flatten';
import type { TextResult, WordsBlock } from '../schemas';

/** Block fields with their own place on a line; any other field (e.g. handwriting `type`) is kept as it is. */
const LINE_KEYS = ['words', 'confidence', 'location', 'font_list', 'font_scores'];

/** Result fields with their own place on the simplified item. */
const RESULT_KEYS = ['words_block_list', 'words_block_count', 'direction', 'markdown_result', 'extracted_data'];

/**
 * Huawei lists text blocks in reading order (left to right, top to bottom) and we keep that order:
 * re-sorting by coordinates would interleave the columns of multi-column pages.
 * Blocks without `words` add no line to the text.
 */
export function blockLines(blocks: readonly WordsBlock[] | undefined): string[] {
	return (blocks ?? []).flatMap((block) => (block.words === undefined ? [] : [block.words]));
}

export function linesOf(blocks: readonly WordsBlock[] | undefined, options: DetailOptions): IDataObject[] {
	return (blocks ?? []).map((block) => {
		const line: IDataObject = { text: block.words ?? '' };
		if (block.confidence !== undefined) line.confidence = block.confidence;
		if (options.includeLocations && block.location !== undefined) {
			line.location = block.location as IDataObject['location'];
		}
		if (block.font_list !== undefined) line.fonts = block.font_list;
		if (block.font_scores !== undefined) line.fontScores = block.font_scores;
		return withExtraFields(line, omitKeys(block, LINE_KEYS), options);
	});
}

const EXTRACTED_DATA_KEYS: Record<string, string> = {
	contact_info: 'contactInfo',
	image_size: 'imageSize',
};

/** Web image `extracted_data` ({ contact_info, image_size }) lifted to `contactInfo` and `imageSize`. */
function extractedData(data: Record<string, unknown> | undefined): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(data ?? {})) {
		const name = EXTRACTED_DATA_KEYS[key] ?? key;
		out[name] = isPlainObject(value) ? flattenFields(value) : (value as IDataObject[string]);
	}
	return out;
}

export function simplifyText(result: TextResult, options: DetailOptions): IDataObject {
	const lines = linesOf(result.words_block_list, options);
	const simplified: IDataObject = {
		text: blockLines(result.words_block_list).join('\n'),
		lines,
		lineCount: lines.length,
	};
	if (result.direction !== undefined) simplified.direction = result.direction;
	if (result.markdown_result !== undefined) simplified.markdown = result.markdown_result;
	return withExtraFields({ ...simplified, ...extractedData(result.extracted_data) }, omitKeys(result, RESULT_KEYS), options);
}
