/**
 * Tables that run over several pages, joined into one: the last table of a page continues into the
 * first table of the next page when both have the same number of columns and the next one either
 * repeats the header row (dropped) or has no header (its first row holds data, e.g. numbers).
 */
import type { CellRange, TableGrid } from '../grid';

export interface PageTables {
	page: number;
	tables: TableGrid[];
}

export interface DocumentTable {
	grid: TableGrid;
	/** The page each row of the grid came from. */
	rowPages: number[];
	/** First and last page of the table. */
	firstPage: number;
	lastPage: number;
	/** The page tables it is made of: their page, their index among that page's tables, and the header rows dropped. */
	parts: Array<{ page: number; index: number; droppedRows: number }>;
}

const columnCount = (grid: TableGrid) => grid.rows[0]?.length ?? 0;
const normalised = (cell: string) => cell.replace(/\s+/g, ' ').trim().toLowerCase();

function sameRow(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((cell, index) => normalised(cell) === normalised(b[index]));
}

/** A header names its columns; a row with a number in it is taken as data. */
function looksLikeHeader(row: readonly string[]): boolean {
	return row.some((cell) => cell.trim() !== '') && !row.some((cell) => /\d/.test(cell));
}

function shifted(merges: readonly CellRange[], rowOffset: number, droppedRows: number): CellRange[] {
	return merges
		.filter((range) => range.top >= droppedRows)
		.map((range) => ({ ...range, top: range.top - droppedRows + rowOffset, bottom: range.bottom - droppedRows + rowOffset }));
}

function continues(previous: DocumentTable, next: TableGrid, page: number): 'header' | 'data' | undefined {
	if (previous.lastPage !== page - 1 || next.rows.length === 0) return undefined;
	if (columnCount(next) === 0 || columnCount(next) !== columnCount(previous.grid)) return undefined;
	if (sameRow(next.rows[0], previous.grid.rows[0])) return 'header';
	return looksLikeHeader(next.rows[0]) ? undefined : 'data';
}

/** Cell confidence of the joined rows, when either part has any (null where a part has none). */
function joinedConfidence(previous: TableGrid, next: TableGrid, dropped: number): Pick<TableGrid, 'confidence'> {
	if (!previous.confidence && !next.confidence) return {};
	const none = (grid: TableGrid) => grid.rows.map((row) => row.map(() => null));
	return { confidence: [...(previous.confidence ?? none(previous)), ...(next.confidence ?? none(next)).slice(dropped)] };
}

export function joinTablesAcrossPages(pages: readonly PageTables[]): DocumentTable[] {
	const joined: DocumentTable[] = [];
	for (const { page, tables } of pages) {
		tables.forEach((grid, index) => {
			const previous = joined[joined.length - 1];
			const continuation = index === 0 && previous ? continues(previous, grid, page) : undefined;
			if (!continuation) {
				joined.push({ grid, rowPages: grid.rows.map(() => page), firstPage: page, lastPage: page, parts: [{ page, index, droppedRows: 0 }] });
				return;
			}
			const dropped = continuation === 'header' ? 1 : 0;
			const rows = grid.rows.slice(dropped);
			previous.grid = {
				rows: [...previous.grid.rows, ...rows],
				merges: [...previous.grid.merges, ...shifted(grid.merges, previous.grid.rows.length, dropped)],
				...joinedConfidence(previous.grid, grid, dropped),
			};
			previous.parts = [...previous.parts, { page, index, droppedRows: dropped }];
			previous.rowPages = [...previous.rowPages, ...rows.map(() => page)];
			previous.lastPage = page;
		});
	}
	return joined;
}

/** "Table 2 (Page 3)" or "Table 1 (Pages 1-2)", for sheet names. */
export function documentTableName(table: Pick<DocumentTable, 'firstPage' | 'lastPage'>, index: number, kind = 'Table'): string {
	const pages = table.firstPage === table.lastPage ? `Page ${table.firstPage}` : `Pages ${table.firstPage}-${table.lastPage}`;
	return `${kind} ${index + 1} (${pages})`;
}
