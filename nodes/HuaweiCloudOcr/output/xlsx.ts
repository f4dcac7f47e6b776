/**
 * A small .xlsx writer: one worksheet per table, every cell an inline string, merged cells kept.
 * OCR text is written as text (a recognised "007" or "1,5" must not become a number).
 */
import type { CellRange } from './grid';
import { buildStoredZip } from './zip';
import { trimEnd, trimStart } from '../../HuaweiCloud/text';

export interface XlsxSheet {
	name: string;
	/** Row-major cell texts. For merged ranges only the top-left cell's text is written. */
	rows: string[][];
	merges?: CellRange[];
}

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel refuses longer cell texts. */
const MAX_CELL_LENGTH = 32767;
const MAX_SHEET_NAME_LENGTH = 31;

/** Removes characters XML 1.0 cannot carry (control characters, lone surrogates). */
export function stripInvalidXmlChars(text: string): string {
	return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

export function escapeXml(text: string): string {
	return stripInvalidXmlChars(text)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
	let letters = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	}
	return letters;
}

function cellRef(row: number, column: number): string {
	return `${columnLetters(column)}${row + 1}`;
}

/**
 * Sheet names Excel accepts: no `[]:*?/\`, not blank, no leading/trailing apostrophe, at most
 * 31 characters, unique regardless of case.
 */
export function uniqueSheetNames(names: readonly string[]): string[] {
	const taken = new Set<string>();
	return names.map((raw, index) => {
		const spaced = stripInvalidXmlChars(raw)
			.replace(/[[\]:*?/\\]/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
		const cleaned = trimEnd(trimStart(spaced, "'"), "'").trim();
		const base = (cleaned === '' || cleaned.toLowerCase() === 'history' ? `Sheet${index + 1}` : cleaned)
			.slice(0, MAX_SHEET_NAME_LENGTH);
		let name = base;
		for (let n = 2; taken.has(name.toLowerCase()); n++) {
			const suffix = ` (${n})`;
			name = base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length) + suffix;
		}
		taken.add(name.toLowerCase());
		return name;
	});
}

function overlaps(a: CellRange, b: CellRange): boolean {
	return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Excel rejects a workbook whose merged ranges overlap; the first range wins. */
export function nonOverlappingMerges(merges: readonly CellRange[]): CellRange[] {
	const kept: CellRange[] = [];
	for (const merge of merges) {
		if (!kept.some((other) => overlaps(other, merge))) kept.push(merge);
	}
	return kept;
}

/** Blanks every cell of a merged range except its top-left one, as spreadsheets expect. */
function keepTopLeftOfMerges(rows: string[][], merges: readonly CellRange[]): string[][] {
	const copy = rows.map((row) => [...row]);
	for (const merge of merges) {
		for (let r = merge.top; r <= merge.bottom; r++) {
			for (let c = merge.left; c <= merge.right; c++) {
				if ((r !== merge.top || c !== merge.left) && copy[r]?.[c] !== undefined) copy[r][c] = '';
			}
		}
	}
	return copy;
}

function worksheetXml(sheet: XlsxSheet): string {
	const merges = nonOverlappingMerges(sheet.merges ?? []);
	const rows = keepTopLeftOfMerges(sheet.rows, merges);
	const rowXml = rows
		.map((row, r) => {
			const cells = row
				.map((text, c) => {
					if (text === '') return '';
					const value = escapeXml(text.slice(0, MAX_CELL_LENGTH));
					return `<c r="${cellRef(r, c)}" t="inlineStr"><is><t xml:space="preserve">${value}</t></is></c>`;
				})
				.join('');
			return cells === '' ? '' : `<row r="${r + 1}">${cells}</row>`;
		})
		.join('');
	const mergeXml =
		merges.length === 0
			? ''
			: `<mergeCells count="${merges.length}">${merges
					.map((m) => `<mergeCell ref="${cellRef(m.top, m.left)}:${cellRef(m.bottom, m.right)}"/>`)
					.join('')}</mergeCells>`;
	return `${XML_HEADER}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${rowXml}</sheetData>${mergeXml}</worksheet>`;
}

function contentTypesXml(sheetCount: number): string {
	const sheets = Array.from(
		{ length: sheetCount },
		(_, i) =>
			`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
	).join('');
	return (
		`${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
		'<Default Extension="xml" ContentType="application/xml"/>' +
		'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
		'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
		`${sheets}</Types>`
	);
}

const ROOT_RELS_XML =
	`${XML_HEADER}<Relationships xmlns="${PKG_REL_NS}">` +
	`<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
	'</Relationships>';

function workbookXml(names: readonly string[]): string {
	const sheets = names
		.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
		.join('');
	return `${XML_HEADER}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets}</sheets></workbook>`;
}

function workbookRelsXml(sheetCount: number): string {
	const sheets = Array.from(
		{ length: sheetCount },
		(_, i) =>
			`<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
	).join('');
	const styles = `<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`;
	return `${XML_HEADER}<Relationships xmlns="${PKG_REL_NS}">${sheets}${styles}</Relationships>`;
}

const STYLES_XML =
	`${XML_HEADER}<styleSheet xmlns="${MAIN_NS}">` +
	'<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
	'<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
	'<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
	'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
	'<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
	'<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
	'</styleSheet>';

/** Builds an .xlsx workbook; with no sheets it holds one empty sheet (a workbook needs one). */
export function buildXlsx(sheets: readonly XlsxSheet[]): Buffer {
	const effective: XlsxSheet[] = sheets.length > 0 ? [...sheets] : [{ name: 'Sheet1', rows: [] }];
	const names = uniqueSheetNames(effective.map((sheet) => sheet.name));
	const utf8 = (text: string) => Buffer.from(text, 'utf8');
	return buildStoredZip([
		{ name: '[Content_Types].xml', data: utf8(contentTypesXml(effective.length)) },
		{ name: '_rels/.rels', data: utf8(ROOT_RELS_XML) },
		{ name: 'xl/workbook.xml', data: utf8(workbookXml(names)) },
		{ name: 'xl/_rels/workbook.xml.rels', data: utf8(workbookRelsXml(effective.length)) },
		{ name: 'xl/styles.xml', data: utf8(STYLES_XML) },
		...effective.map((sheet, i) => ({
			name: `xl/worksheets/sheet${i + 1}.xml`,
			data: utf8(worksheetXml(sheet)),
		})),
	]);
}
