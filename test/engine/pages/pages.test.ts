/**
 * Multi-page PDFs through the node in n8n-core's engine against the emulator: the page plan (First
 * Page, All Pages, Page Range) for every operation that reads PDF, one call per page carrying only
 * its page, merged and per-page output, a failing page, and the cost guard.
 */
import ExcelJS from 'exceljs';
import type { IBinaryData, IDataObject, INodeParameters } from 'n8n-workflow';

import { hostingRegions, operationForRegion } from '../../../nodes/HuaweiCloudOcr/catalog';
import type { OcrOperation } from '../../../nodes/HuaweiCloudOcr/catalog/types';
import { pageCapableOperations, pageSelectorOf } from '../../../nodes/HuaweiCloudOcr/pages';
import { PAGE_BREAK } from '../../../nodes/HuaweiCloudOcr/output/pages/merge';
import { VAT_INVOICE } from '../../emulator/documents';
import { heavyPdf, pdfPageCount, scannedPdf } from '../../fixtures/pdfDocuments';
import { readBinary } from '../../harness/engine';
import { emulatorCredentials, fileItem, runOcr } from '../../harness/ocrNode';
import { useEmulator } from '../../harness/useEmulator';

/** Page N of the test PDFs is a scan 300 + N px wide; a 399 px page makes recognition fail (AIS.0105). */
const FAILING_WIDTH = 399;
const pageOfWidth = (width: number) => width - 300;
const pngWidth = (image: Buffer) => image.readUInt32BE(16);

/** The page (by its scan) of every recognised call, in arrival order. */
let pagesSeen: number[] = [];
let tablesByPage: Record<number, string[][]> = {};
let vatInvoiceByPage: Record<number, IDataObject> = {};

function tableCells(rows: string[][]) {
	return rows.flatMap((row, r) => row.map((words, c) => ({ words, rows: [r], columns: [c] })));
}

const emulatorOf = useEmulator({
	recognizer: async ({ operation, image, format }) => {
		if (format !== 'png') return undefined;
		const width = pngWidth(image);
		if (width === FAILING_WIDTH) throw new Error('unreadable page');
		const page = pageOfWidth(width);
		pagesSeen.push(page);
		if (operation === 'general-text') {
			return { direction: 0, words_block_count: 2, words_block_list: [{ words: `Page ${page} heading` }, { words: `Page ${page} body` }] };
		}
		if (operation === 'smart-document-recognizer' && tablesByPage[page]) {
			return [
				{ ocr_result: { direction: 0, words_block_list: [{ words: `Page ${page}` }] } },
				{ table_result: { table_count: 1, table_list: [{ words_block_list: tableCells(tablesByPage[page]) }] } },
			];
		}
		if (operation === 'vat-invoice' && vatInvoiceByPage[page]) return vatInvoiceByPage[page];
		return undefined;
	},
});

beforeEach(() => {
	pagesSeen = [];
	tablesByPage = {};
	vatInvoiceByPage = {};
});

const ocrCalls = () => emulatorOf().requests.filter((request) => request.service === 'ocr' && request.bodyBytes > 2);

/** A region where the operation reads PDF (General Text reads PDF on the Chinese-mainland site only). */
function pdfRegion(operation: OcrOperation): string {
	return hostingRegions(operation).find((region) => operationForRegion(operation, region).formats.includes('pdf'))!;
}

async function run(operation: OcrOperation, pdf: Buffer, parameters: INodeParameters = {}, onError?: 'continueRegularOutput') {
	return await runOcr({
		parameters: { resource: operation.resource, operation: operation.value, ...parameters },
		credentials: emulatorCredentials(emulatorOf(), 'accessKey', { region: pdfRegion(operation) }),
		items: [await fileItem(pdf, 'contract.pdf', 'application/pdf')],
		onError,
	});
}

/** Each call's file as pdf-lib reads it: every call must carry a one-page PDF. */
async function pagesPerCall(operation: OcrOperation): Promise<number[]> {
	return await Promise.all(ocrCalls().map(async (call) => await pdfPageCount((call.body as IDataObject)[operation.fileField] as string)));
}

const PDF_OPERATIONS = pageCapableOperations().filter((operation) => operation.formats.includes('pdf') || operation.regionalLimits);

it('covers every operation that reads PDF, with and without a page parameter', () => {
	expect(PDF_OPERATIONS.map((operation) => operation.id).sort()).toEqual([
		'auto-classification',
		'bank-receipt',
		'business-license',
		'general-text',
		'mvs-invoice',
		'peru-id-card',
		'seal',
		'smart-document-recognizer',
		'vat-invoice',
	]);
});

describe.each(PDF_OPERATIONS.map((operation) => [operation.id, operation] as const))('%s', (_id, operation) => {
	const pageField = pageSelectorOf(operation)?.field;

	it('All Pages: one call per page, each carrying only its page, merged into one item', async () => {
		const { items, error } = await run(operation, await scannedPdf(3), { pages: 'all' });
		expect(error).toBeUndefined();
		expect(ocrCalls()).toHaveLength(3);
		expect(await pagesPerCall(operation)).toEqual([1, 1, 1]);
		for (const call of ocrCalls()) expect(Object.keys(call.body as IDataObject)).not.toContain(pageField);
		expect([...pagesSeen].sort()).toEqual([1, 2, 3]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ pageCount: 3, pagesRead: [1, 2, 3], requestIds: [expect.any(String), expect.any(String), expect.any(String)] });
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('Page Range: only the listed pages, one item per page with page and pageCount', async () => {
		const { items, error } = await run(operation, await scannedPdf(5), { pages: 'range', pageRange: '2,4-', pagesAs: 'page' });
		expect(error).toBeUndefined();
		expect(await pagesPerCall(operation)).toEqual([1, 1, 1]);
		expect([...pagesSeen].sort()).toEqual([2, 4, 5]);
		expect(items.map((item) => [item.json.page, item.json.pageCount])).toEqual([
			[2, 5],
			[4, 5],
			[5, 5],
		]);
	});

	it('First Page (the default): one call with the first page, output as for a single file', async () => {
		const { items, error } = await run(operation, await scannedPdf(3));
		expect(error).toBeUndefined();
		expect(ocrCalls()).toHaveLength(1);
		expect(await pagesPerCall(operation)).toEqual([1]);
		expect(pagesSeen).toEqual([1]);
		expect(items).toHaveLength(1);
		expect(items[0].json.pageCount).toBeUndefined();
	});
});

it('First Page keeps the meaning of PDF Page Number: page 2 is split out and sent alone', async () => {
	const operation = PDF_OPERATIONS.find((candidate) => candidate.id === 'smart-document-recognizer')!;
	const { error } = await run(operation, await scannedPdf(3), { recognitionOptions: { pdfPageNumber: 2 } });
	expect(error).toBeUndefined();
	expect(ocrCalls()).toHaveLength(1);
	expect(ocrCalls()[0].body).not.toHaveProperty('pdf_page_number');
	expect(pagesSeen).toEqual([2]);
});

const generalText = PDF_OPERATIONS.find((candidate) => candidate.id === 'general-text')!;

it('General Text, All Pages: text joined with page breaks, lines with their page, text file over all pages', async () => {
	const { items } = await run(generalText, await scannedPdf(3), { pages: 'all', options: { attachText: true } });
	expect(items[0].json.text).toBe(['Page 1 heading\nPage 1 body', 'Page 2 heading\nPage 2 body', 'Page 3 heading\nPage 3 body'].join(PAGE_BREAK));
	expect((items[0].json.lines as IDataObject[]).map((line) => [line.text, line.page])).toEqual([
		['Page 1 heading', 1],
		['Page 1 body', 1],
		['Page 2 heading', 2],
		['Page 2 body', 2],
		['Page 3 heading', 3],
		['Page 3 body', 3],
	]);
	expect(items[0].json.lineCount).toBe(6);
	const text = (await readBinary(items[0].binary!.text as IBinaryData)).toString('utf8');
	expect(text).toBe('--- Page 1 ---\nPage 1 heading\nPage 1 body\n\n--- Page 2 ---\nPage 2 heading\nPage 2 body\n\n--- Page 3 ---\nPage 3 heading\nPage 3 body');
	expect(items[0].binary!.text.fileName).toBe('contract.txt');
});

describe('normalized values of a document read page by page', () => {
	const vatInvoice = PDF_OPERATIONS.find((candidate) => candidate.id === 'vat-invoice')!;
	const { total, subtotal_amount, ...firstPage } = VAT_INVOICE.good;
	const invoiceOverTwoPages = () => {
		// Page 1 has the header; page 2 the totals and a different date that the merged item does not take.
		vatInvoiceByPage = { 1: firstPage, 2: { issue_date: '2026年04月15日', total, subtotal_amount } };
	};

	it('One Item per Document: each typed value beside its field, from the page the field came from', async () => {
		invoiceOverTwoPages();
		const { items, error } = await run(vatInvoice, await scannedPdf(2), { pages: 'all' });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			issue_date: '2026年03月01日',
			issue_date_normalized: '2026-03-01',
			total: '169.50',
			total_normalized: 169.5,
			subtotal_amount_normalized: 150,
			pages: { issue_date: 1, total: 2, subtotal_amount: 2 },
		});
		const keys = Object.keys(items[0].json);
		expect(keys.indexOf('total_normalized')).toBe(keys.indexOf('total') + 1);
	});

	it("without Simplify: each page's normalized values beside its raw result; none with Add Normalized Values off", async () => {
		invoiceOverTwoPages();
		const raw = await run(vatInvoice, await scannedPdf(2), { pages: 'all', simplify: false });
		const rawPages = raw.items[0].json.pages as IDataObject[];
		expect(rawPages.map((page) => page.normalized)).toEqual([
			expect.objectContaining({ issue_date: '2026-03-01' }),
			{ issue_date: '2026-04-15', total: { amount: 169.5 }, subtotal_amount: { amount: 150 } },
		]);
		expect(rawPages[0].result).toEqual(firstPage);

		invoiceOverTwoPages();
		const off = await run(vatInvoice, await scannedPdf(2), { pages: 'all', options: { addNormalized: false } });
		expect(off.items[0].json.total).toBe('169.50');
		expect(Object.keys(off.items[0].json).filter((key) => key.endsWith('_normalized'))).toEqual([]);
	});
});

describe('a page that fails', () => {
	const failingSecondPage = { width: (page: number) => (page === 2 ? FAILING_WIDTH : 300 + page) };

	it('under Continue On Fail leaves the pages that worked and lists the failed page in errors', async () => {
		const { items, error } = await run(generalText, await scannedPdf(3, failingSecondPage), { pages: 'all' }, 'continueRegularOutput');
		expect(error).toBeUndefined();
		expect(ocrCalls()).toHaveLength(3);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			text: `Page 1 heading\nPage 1 body${PAGE_BREAK}Page 3 heading\nPage 3 body`,
			pageCount: 3,
			pagesRead: [1, 3],
			errors: [{ page: 2, code: 'AIS.0105', message: 'Recognition failed.', requestId: expect.stringMatching(/^[0-9a-f]{32}$/) }],
		});
	});

	it('under Continue On Fail, One Item per Page gives the failed page an item with its error', async () => {
		const { items } = await run(generalText, await scannedPdf(3, failingSecondPage), { pages: 'all', pagesAs: 'page' }, 'continueRegularOutput');
		expect(items.map((item) => [item.json.page, item.json.error ? (item.json.error as IDataObject).code : item.json.text])).toEqual([
			[1, 'Page 1 heading\nPage 1 body'],
			[2, 'AIS.0105'],
			[3, 'Page 3 heading\nPage 3 body'],
		]);
	});

	it('without Continue On Fail stops the node, naming the page', async () => {
		const { error } = await run(generalText, await scannedPdf(3, failingSecondPage), { pages: 'all', options: { maxConcurrency: 1 } });
		expect(error?.message).toBe('General Text failed on page 2 of 3: Recognition failed. (AIS.0105)');
		expect(ocrCalls()).toHaveLength(2);
	});
});

describe('checks before any paid call', () => {
	it('Max Pages per Document: over it, the item fails with the page count and how to raise the limit, and nothing is sent', async () => {
		const { error } = await run(generalText, await scannedPdf(5), { pages: 'all', options: { maxPages: 3 } });
		expect(error?.message).toBe(
			'The document has 5 pages; reading All Pages takes 5 paid General Text calls, more than Max Pages per Document (3) [item 0]',
		);
		expect(error?.description).toBe('Raise Max Pages per Document under Options to 5 or more, or read fewer pages with Page Range (e.g. 1-3).');
		expect(ocrCalls()).toHaveLength(0);
	});

	it('a Page Range beyond the last page fails, and nothing is sent', async () => {
		const { error } = await run(generalText, await scannedPdf(3), { pages: 'range', pageRange: '2,7' });
		expect(error?.message).toBe('The document has 3 pages; Page Range asks for page 7 [item 0]');
		expect(ocrCalls()).toHaveLength(0);
	});

	it('a malformed Page Range fails, and nothing is sent', async () => {
		const { error } = await run(generalText, await scannedPdf(3), { pages: 'range', pageRange: '3-1' });
		expect(error?.message).toBe('Page Range has a range that runs backwards: "3-1" [item 0]');
		expect(ocrCalls()).toHaveLength(0);
	});
});

it('a PDF over the 10 MB limit goes through when each of its pages is under it', async () => {
	const pdf = await heavyPdf(4, 3_000_000);
	expect(pdf.length).toBeGreaterThan(10_000_000);
	const { items, error } = await run(generalText, pdf, { pages: 'all' });
	expect(error).toBeUndefined();
	expect(ocrCalls()).toHaveLength(4);
	for (const call of ocrCalls()) expect(call.bodyBytes).toBeLessThan(10_000_000);
	expect(items[0].json).toMatchObject({ pageCount: 4, pagesRead: [1, 2, 3, 4] });
}, 60_000);

/** Pages 1 and 2 hold one table (its header repeated on page 2); page 3 another. */
const TABLE_OVER_PAGES_1_2 = {
	1: [['Item', 'Qty', 'Price'], ['Coffee', '2', '3.00'], ['Tea', '1', '2.50']],
	2: [['Item', 'Qty', 'Price'], ['Cake', '4', '8.00']],
	3: [['Name', 'City', 'Country'], ['Ann', 'Oslo', 'NO']],
};

it('One Item per Table Row continues a table that runs over pages into one set of rows; the workbook has one sheet for it', async () => {
	const operation = PDF_OPERATIONS.find((candidate) => candidate.id === 'smart-document-recognizer')!;
	tablesByPage = TABLE_OVER_PAGES_1_2;
	const { items, error } = await run(operation, await scannedPdf(3), {
		pages: 'all',
		tableOutput: 'rows',
		recognitionOptions: { table: true },
		options: { attachExcel: true, checkResults: false },
	});
	expect(error).toBeUndefined();
	expect(items.map((item) => item.json)).toEqual([
		{ _table: 1, _row: 1, page: 1, Item: 'Coffee', Qty: '2', Price: '3.00', pageCount: 3 },
		{ _table: 1, _row: 2, page: 1, Item: 'Tea', Qty: '1', Price: '2.50', pageCount: 3 },
		{ _table: 1, _row: 3, page: 2, Item: 'Cake', Qty: '4', Price: '8.00', pageCount: 3 },
		{ _table: 2, _row: 1, page: 3, Name: 'Ann', City: 'Oslo', Country: 'NO', pageCount: 3 },
	]);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await readBinary(items[0].binary!.excel as IBinaryData)) as never);
	expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Table 1 (Pages 1-2)', 'Table 2 (Page 3)']);
	expect(workbook.worksheets[0].getRow(4).values).toEqual([undefined, 'Cake', '4', '8.00']);
});

it('the item, its rows and its workbook agree on a table that continues over pages (version 1.1: rows hold only the table and _table, _row, page)', async () => {
	const operation = PDF_OPERATIONS.find((candidate) => candidate.id === 'smart-document-recognizer')!;
	tablesByPage = TABLE_OVER_PAGES_1_2;
	const parameters = { pages: 'all', recognitionOptions: { table: true }, options: { attachExcel: true, checkResults: false } };
	const credentials = emulatorCredentials(emulatorOf(), 'accessKey', { region: pdfRegion(operation) });
	const pdf = await scannedPdf(3);
	const runAs = async (tableOutput: string) =>
		await runOcr({
			typeVersion: 1.1,
			parameters: { resource: operation.resource, operation: operation.value, ...parameters, tableOutput },
			credentials,
			items: [await fileItem(pdf, 'statement.pdf', 'application/pdf')],
		});

	const documentRun = await runAs('document');
	const [document] = documentRun.items;
	expect(document.json.tableCount).toBe(2);
	expect(document.json.tables).toEqual([
		{ rows: [['Item', 'Qty', 'Price'], ['Coffee', '2', '3.00'], ['Tea', '1', '2.50'], ['Cake', '4', '8.00']], page: 1, pages: [1, 2] },
		{ rows: [['Name', 'City', 'Country'], ['Ann', 'Oslo', 'NO']], page: 3, pages: [3] },
	]);
	expect(document.json.cost).toEqual({ billedAnswers: 3, attempts: 3, pages: 3 });
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await readBinary(document.binary!.excel as IBinaryData)) as never);
	expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Table 1 (Pages 1-2)', 'Table 2 (Page 3)']);
	const sheetRows = workbook.worksheets.map((sheet) => sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1)));
	expect(sheetRows).toEqual((document.json.tables as Array<{ rows: string[][] }>).map((table) => table.rows));

	const rowsRun = await runAs('rows');
	expect(rowsRun.items.map((item) => item.json)).toEqual([
		{ _table: 1, _row: 1, page: 1, Item: 'Coffee', Qty: '2', Price: '3.00' },
		{ _table: 1, _row: 2, page: 1, Item: 'Tea', Qty: '1', Price: '2.50' },
		{ _table: 1, _row: 3, page: 2, Item: 'Cake', Qty: '4', Price: '8.00' },
		{ _table: 2, _row: 1, page: 3, Name: 'Ann', City: 'Oslo', Country: 'NO' },
	]);
});

it('One Item per Page: each page item carries the cost of its own call', async () => {
	const { items } = await runOcr({
		typeVersion: 1.1,
		parameters: { resource: generalText.resource, operation: generalText.value, pages: 'all', pagesAs: 'page' },
		credentials: emulatorCredentials(emulatorOf(), 'accessKey', { region: pdfRegion(generalText) }),
		items: [await fileItem(await scannedPdf(2), 'contract.pdf', 'application/pdf')],
	});
	expect(items.map((item) => [item.json.page, item.json.cost])).toEqual([
		[1, { billedAnswers: 1, attempts: 1, pages: 1 }],
		[2, { billedAnswers: 1, attempts: 1, pages: 1 }],
	]);
});
