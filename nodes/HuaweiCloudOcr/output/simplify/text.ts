/** Text family (general text, web image, handwriting): text in reading order plus its lines. */
import type { IDataObject } from 'n8n-workflow';
import type { DetailOptions } from '../flatten';
import { flattenFields, isPlainObject } from '../flatten';
import type { TextResult, WordsBlock } from '../schemas';

/**
 * Huawei lists text blocks in reading order (left to right, top to bottom) and we keep that order:
 * re-sorting by coordinates would interleave the columns of multi-column pages.
 */
export function blockLines(blocks: readonly WordsBlock[] | undefined): string[] {
	return (blocks ?? []).map((block) => block.words);
}

export function linesOf(blocks: readonly WordsBlock[] | undefined, options: DetailOptions): IDataObject[] {
	return (blocks ?? []).map((block) => {
		const line: IDataObject = { text: block.words };
		if (block.confidence !== undefined) line.confidence = block.confidence;
		if (options.includeLocations && block.location !== undefined) {
			line.location = block.location as IDataObject['location'];
		}
		if (block.font_list !== undefined) line.fonts = block.font_list;
		if (block.font_scores !== undefined) line.fontScores = block.font_scores;
		return line;
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
	return { ...simplified, ...extractedData(result.extracted_data) };
}
