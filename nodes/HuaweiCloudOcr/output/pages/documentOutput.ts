/** Output of a document read page by page: one merged item, or one item per page. */
import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OcrOperation } from '../../catalog/types';
import { baseFileName, type OutputFile } from '../files';
import { gridToRecords, type TableGrid } from '../grid';
import { MISSING_RESULT_CODE, missingResult, shapeOutput } from '../index';
import { plainTextOf } from '../plainText';
import { checkResult, UnreadableResultError, type ValidatedResult } from '../schemas';
import { readOutputSettings, type OutputSettings } from '../settings';
import { simplifyDocument } from '../simplify';
import { classificationDocumentItems } from '../simplify/classification';
import { listEntryItems } from '../simplify/list';
import { mergeSmartDocument } from '../simplify/smartDocument';
import { ROW_ITEM_KEYS, tableLayout } from '../simplify/table';
import { buildXlsx, XLSX_MIME_TYPE } from '../xlsx';
import { documentTableName, joinTablesAcrossPages, type DocumentTable } from './continuedTables';
import { mergePageItems } from './merge';

/** A page Huawei answered (billed). */
export interface PageAnswer {
	page: number;
	result: unknown;
	requestId?: string;
}

/** A page that failed after its retries, as listed in the document's `errors`. */
export interface PageFailure {
	page: number;
	code: string;
	message: string;
	requestId?: string;
	hint?: string;
}

export interface PagedDocument {
	/** Pages of the file, when known. */
	pageCount?: number;
	/** In page order. */
	answers: PageAnswer[];
	failures: PageFailure[];
	sourceFileName?: string;
	/** Under Continue On Fail: a page whose answer cannot be read becomes a failure instead of stopping the node. */
	tolerateFailures: boolean;
}

interface ReadPage extends PageAnswer {
	validated?: ValidatedResult;
	simplified?: IDataObject;
}

const ROW_KEYS = [...ROW_ITEM_KEYS, 'page'];

/** A simplified page, or the reason it can't be simplified. */
function simplifyPage(op: OcrOperation, settings: OutputSettings, answer: PageAnswer): ReadPage | Error {
	const checked = checkResult(op, answer.result, answer.requestId);
	if (!checked.ok) return checked.error;
	try {
		return { ...answer, validated: checked.value, simplified: simplifyDocument(checked.value, settings) };
	} catch (error) {
		return new UnreadableResultError(
			`Huawei Cloud returned a ${op.name} result this node could not simplify (request ID ${answer.requestId ?? 'unknown'}): ${(error as Error).message}`,
			answer.requestId,
			[],
		);
	}
}

interface ReadDocument {
	pages: ReadPage[];
	failures: IDataObject[];
	/** Billed pages the node could not simplify: kept raw, each with a warning. */
	rawPages: IDataObject[];
	warnings: string[];
}

/**
 * Sorts the answers: a page without a result fails (or stops the node without Continue On Fail);
 * a billed page that can't be simplified is kept raw with a warning, never thrown away.
 */
function readPages(
	ctx: IExecuteFunctions,
	itemIndex: number,
	op: OcrOperation,
	settings: OutputSettings,
	document: PagedDocument,
): ReadDocument {
	const read: ReadDocument = { pages: [], failures: document.failures.map((failure) => ({ ...failure })), rawPages: [], warnings: [] };
	const needsResult = settings.simplify || settings.attachText || settings.attachExcel;
	for (const answer of document.answers) {
		if (answer.result === undefined || answer.result === null) {
			const failure = missingResult(ctx, itemIndex, op, answer.requestId);
			if (!document.tolerateFailures) {
				failure.message = `Page ${answer.page}: ${failure.message}`;
				throw failure;
			}
			read.failures.push({ page: answer.page, code: MISSING_RESULT_CODE, message: failure.message, requestId: answer.requestId });
			continue;
		}
		if (!needsResult) {
			read.pages.push(answer);
			continue;
		}
		const page = simplifyPage(op, settings, answer);
		if (!(page instanceof Error)) {
			read.pages.push(page);
			continue;
		}
		read.rawPages.push({ page: answer.page, result: answer.result as IDataObject, requestId: answer.requestId });
		read.warnings.push(`Page ${answer.page}: ${page.message}. Its raw result is in rawPages; please report the request ID to the node maintainers.`);
	}
	read.failures.sort((a, b) => (a.page as number) - (b.page as number));
	return read;
}

function pageTables(page: ReadPage): TableGrid[] {
	if (page.validated?.family === 'table') return tableLayout(page.validated.result).tables;
	if (page.validated?.family === 'smartDocument') return mergeSmartDocument(page.validated.result).tables;
	return [];
}

function pageForms(page: ReadPage): TableGrid[] {
	return page.validated?.family === 'smartDocument' ? mergeSmartDocument(page.validated.result).forms : [];
}

function documentTables(pages: readonly ReadPage[]): DocumentTable[] {
	return joinTablesAcrossPages(pages.map((page) => ({ page: page.page, tables: pageTables(page) })));
}

/** One item per table row across the document, a table that runs over pages as one set of rows. */
function tableRowItems(pages: readonly ReadPage[]): IDataObject[] {
	return documentTables(pages).flatMap((table, tableIndex) =>
		gridToRecords(table.grid, ROW_KEYS).map((record) => ({
			_table: tableIndex + 1,
			_row: record.rowNumber,
			page: table.rowPages[record.rowNumber],
			...record.values,
		})),
	);
}

function numbered(pages: readonly ReadPage[], key: string, items: (page: ReadPage) => IDataObject[]): IDataObject[] {
	const all = pages.flatMap((page) => items(page).map((item) => ({ ...item, page: page.page })));
	return all.map((item, index) => ({ ...item, [key]: index + 1 }));
}

function splitItems(op: OcrOperation, settings: OutputSettings, pages: readonly ReadPage[]): IDataObject[] {
	switch (op.result.family) {
		case 'table':
		case 'smartDocument':
			return tableRowItems(pages);
		case 'list':
			return numbered(pages, '_index', (page) =>
				page.validated?.family === 'list' ? listEntryItems(page.validated.result, settings) : [],
			);
		case 'classification':
			return numbered(pages, '_document', (page) =>
				page.validated?.family === 'classification' ? classificationDocumentItems(page.validated.result, settings) : [],
			);
		default:
			return [];
	}
}

function documentJson(settings: OutputSettings, pages: readonly ReadPage[]): IDataObject {
	if (!settings.simplify) {
		return { pages: pages.map(({ page, result, requestId }) => ({ page, result: result as IDataObject, requestId })) };
	}
	const merged = mergePageItems(pages.map((page) => ({ page: page.page, json: page.simplified ?? {} })));
	if (Array.isArray(merged.tables)) {
		const tables = documentTablesJson(settings, pages);
		merged.tables = tables;
		merged.tableCount = tables.length;
	}
	return { ...merged, requestIds: pages.map((page) => page.requestId ?? null) };
}

/**
 * The document's tables as the rows and the Excel file see them: a table that continues over pages is
 * one entry, with `page` (where it starts) and `pages` (every page it is on).
 */
function documentTablesJson(settings: OutputSettings, pages: readonly ReadPage[]): IDataObject[] {
	const byPage = new Map(pages.map((page) => [page.page, page]));
	return documentTables(pages).map((table) => {
		const [first] = table.parts;
		const firstEntries = byPage.get(first.page)?.simplified?.tables;
		const entry: IDataObject = { ...((Array.isArray(firstEntries) ? firstEntries[first.index] : undefined) as IDataObject | undefined) };
		entry.rows = table.grid.rows;
		if (settings.includeConfidence && table.grid.confidence) entry.confidence = table.grid.confidence;
		entry.page = table.firstPage;
		entry.pages = table.parts.map((part) => part.page);
		return entry;
	});
}

function textFile(pages: readonly ReadPage[], baseName: string): OutputFile {
	const text = pages
		.map((page) => `--- Page ${page.page} ---\n${plainTextOf(page.validated as ValidatedResult)}`)
		.join('\n\n');
	return { data: Buffer.from(text, 'utf8'), fileName: `${baseName}.txt`, mimeType: 'text/plain' };
}

function excelFile(pages: readonly ReadPage[], baseName: string): OutputFile {
	const tables = documentTables(pages).map((table, index) => ({ name: documentTableName(table, index), grid: table.grid }));
	const forms = pages.flatMap((page) =>
		pageForms(page).map((grid) => ({ grid, firstPage: page.page, lastPage: page.page })),
	);
	const sheets = [
		...tables,
		...forms.map((form, index) => ({ name: documentTableName(form, index, 'Form'), grid: form.grid })),
	].map(({ name, grid }) => ({ name, rows: grid.rows, merges: grid.merges }));
	return { data: buildXlsx(sheets), fileName: `${baseName}.xlsx`, mimeType: XLSX_MIME_TYPE };
}

async function attachFiles(
	ctx: IExecuteFunctions,
	op: OcrOperation,
	settings: OutputSettings,
	document: PagedDocument,
	pages: readonly ReadPage[],
): Promise<IBinaryKeyData | undefined> {
	if (pages.length === 0 || !(settings.attachText || settings.attachExcel)) return undefined;
	const baseName = baseFileName(settings.fileName, document.sourceFileName, op);
	const binary: IBinaryKeyData = {};
	const files: Array<[string, OutputFile]> = [];
	if (settings.attachText) files.push([settings.textBinaryField, textFile(pages, baseName)]);
	if (settings.attachExcel) files.push([settings.excelBinaryField, excelFile(pages, baseName)]);
	for (const [field, file] of files) {
		binary[field] = await ctx.helpers.prepareBinaryData(file.data, file.fileName, file.mimeType);
	}
	return binary;
}

/**
 * One item for the document (or, with a split output mode, its rows / entries / detected documents
 * across all pages), with `pageCount`, the pages read and, under Continue On Fail, the pages that failed.
 * Attached files cover every page read.
 */
export async function shapeDocumentOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	op: OcrOperation,
	document: PagedDocument,
): Promise<INodeExecutionData[]> {
	const settings = readOutputSettings(ctx, itemIndex, op);
	const { pages, failures, rawPages, warnings } = readPages(ctx, itemIndex, op, settings, document);
	const problems: IDataObject = {};
	if (failures.length > 0) problems.errors = failures;
	if (rawPages.length > 0) Object.assign(problems, { rawPages, warnings });
	const summary: IDataObject = { pageCount: document.pageCount ?? null, pagesRead: pages.map((page) => page.page), ...problems };

	const split = settings.split ? splitItems(op, settings, pages) : [];
	const items: INodeExecutionData[] =
		split.length > 0
			? split.map((json) => ({ json: { ...json, pageCount: summary.pageCount } }))
			: [{ json: { ...documentJson(settings, pages), ...summary } }];
	if (split.length > 0) Object.assign(items[0].json, problems);

	const binary = await attachFiles(ctx, op, settings, document, pages);
	if (binary) items[0].binary = binary;
	return items;
}

/** "invoice.pdf" → "invoice-page-2.pdf", so each page's attached files have their own name. */
function pageFileName(sourceFileName: string | undefined, page: number): string | undefined {
	if (!sourceFileName) return undefined;
	const dot = sourceFileName.lastIndexOf('.');
	return dot > 0
		? `${sourceFileName.slice(0, dot)}-page-${page}${sourceFileName.slice(dot)}`
		: `${sourceFileName}-page-${page}`;
}

/** Each page its own items (as a single file would give), with `page` and `pageCount`; a failed page (Continue On Fail) as an item with its `error`. */
export async function shapePageOutputs(
	ctx: IExecuteFunctions,
	itemIndex: number,
	op: OcrOperation,
	document: PagedDocument,
	/** Adds what is derived from a page's raw answer (checks, normalized values) to its items. */
	annotate?: (result: unknown, items: INodeExecutionData[]) => INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const pageCount = document.pageCount ?? null;
	const entries: Array<{ page: number; items: () => Promise<INodeExecutionData[]> }> = [
		...document.answers.map((answer) => ({
			page: answer.page,
			items: async (): Promise<INodeExecutionData[]> => {
				if ((answer.result === undefined || answer.result === null) && document.tolerateFailures) {
					const { message, requestId } = missingResult(ctx, itemIndex, op, answer.requestId).context.huaweiError as IDataObject;
					return [{ json: { error: { code: MISSING_RESULT_CODE, message, requestId } } }];
				}
				const items = await shapeOutput(ctx, itemIndex, op, {
					result: answer.result,
					requestId: answer.requestId,
					sourceFileName: pageFileName(document.sourceFileName, answer.page),
				});
				return annotate ? annotate(answer.result, items) : items;
			},
		})),
		...document.failures.map((failure) => ({
			page: failure.page,
			items: async (): Promise<INodeExecutionData[]> => {
				const error: IDataObject = { ...failure };
				delete error.page;
				return [{ json: { error } }];
			},
		})),
	].sort((a, b) => a.page - b.page);

	const output: INodeExecutionData[] = [];
	for (const entry of entries) {
		for (const item of await entry.items()) {
			output.push({ ...item, json: { page: entry.page, pageCount, ...item.json } });
		}
	}
	return output;
}
