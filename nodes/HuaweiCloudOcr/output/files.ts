/** The files attached to an output item: the text as .txt, the tables as .xlsx. */
import type { OcrOperation } from '../catalog/types';
import { neutralizeRows } from './formulas';
import { plainTextOf } from './plainText';
import type { ValidatedResult } from './schemas';
import { huaweiExcel, resultTables } from './simplify';
import { buildXlsx, XLSX_MIME_TYPE } from './xlsx';

export interface OutputFile {
	data: Buffer;
	fileName: string;
	mimeType: string;
}

/**
 * The base name of attached files: the chosen name, else the input file's name without its
 * extension (`invoice.jpg` → `invoice`), else the operation id.
 */
export function baseFileName(chosen: string, sourceFileName: string | undefined, op: OcrOperation): string {
	const clean = (name: string) =>
		Array.from(name, (char) => (char.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(char) ? '_' : char))
			.join('')
			.trim();
	const fromChosen = clean(chosen);
	if (fromChosen !== '') return fromChosen;
	const source = clean((sourceFileName ?? '').split(/[\\/]/).pop() ?? '');
	const dot = source.lastIndexOf('.');
	const stem = dot > 0 ? source.slice(0, dot) : source;
	return stem === '' ? op.id : stem;
}

/** General Text's Markdown (Return Markdown Result), when Huawei returned it. */
function markdownOf(validated: ValidatedResult): string | undefined {
	if (validated.family !== 'text') return undefined;
	const markdown = validated.result.markdown_result;
	return typeof markdown === 'string' && markdown !== '' ? markdown : undefined;
}

/** The text as .txt, or Huawei's Markdown as .md when the user asked for it (Return Markdown Result). */
export function textFile(validated: ValidatedResult, baseName: string): OutputFile {
	const markdown = markdownOf(validated);
	if (markdown !== undefined) {
		return { data: Buffer.from(markdown, 'utf8'), fileName: `${baseName}.md`, mimeType: 'text/markdown' };
	}
	return {
		data: Buffer.from(plainTextOf(validated), 'utf8'),
		fileName: `${baseName}.txt`,
		mimeType: 'text/plain',
	};
}

/**
 * Huawei's own workbook when the response carries one, otherwise ours built from the table grids
 * (with `neutralizeFormulas`, cells a spreadsheet would run as formulas get a leading quote).
 */
export function excelFile(validated: ValidatedResult, baseName: string, options = { neutralizeFormulas: true }): OutputFile {
	const fromHuawei = huaweiExcel(validated);
	const data =
		fromHuawei !== undefined
			? Buffer.from(fromHuawei, 'base64')
			: buildXlsx(
					resultTables(validated).map((table) => ({
						name: table.name,
						rows: options.neutralizeFormulas ? neutralizeRows(table.grid.rows) : table.grid.rows,
						merges: table.grid.merges,
					})),
				);
	return { data, fileName: `${baseName}.xlsx`, mimeType: XLSX_MIME_TYPE };
}
