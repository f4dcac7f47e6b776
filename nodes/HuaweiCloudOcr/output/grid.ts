/**
 * Rebuilding table grids from Huawei's cell lists.
 * Huawei describes a table as a list of cells, each with the 0-based `rows` and `columns` it spans.
 */

/** One recognised cell: its text and the rows/columns it covers (several when merged). */
export interface TableCell {
	words?: string;
	confidence?: number | null;
	rows?: number[];
	columns?: number[];
}

/** An inclusive, 0-based rectangle of cells. */
export interface CellRange {
	top: number;
	left: number;
	bottom: number;
	right: number;
}

export interface TableGrid {
	/** Every row has the same length. A merged cell's text is repeated in every cell it covers. */
	rows: string[][];
	/** Merged cells, for spreadsheet output (where only the top-left cell keeps the text). */
	merges: CellRange[];
	/** Each position's cell confidence (null where none), only when Huawei returned any. */
	confidence?: Array<Array<number | null>>;
}

/** The distinct usable indexes of a span, in order; a response may list one index many times. */
function validIndexes(indexes: number[] | undefined): number[] {
	const distinct = new Set<number>();
	for (const index of indexes ?? []) if (Number.isInteger(index) && index >= 0) distinct.add(index);
	return [...distinct].sort((a, b) => a - b);
}

interface PlacedCell {
	words: string;
	confidence?: number;
	rows: number[];
	columns: number[];
}

/**
 * The grid's size along one side: one past the furthest index a cell covers, but a span may reach at
 * most as many positions past the furthest cell start as there are cells. Real merged cells stay
 * whole; a single cell claiming thousands of empty rows is cut instead of allocated.
 */
function extentOf(cells: readonly PlacedCell[], side: 'rows' | 'columns'): number {
	let furthestStart = -1;
	let furthestEnd = -1;
	for (const cell of cells) {
		const indexes = cell[side];
		furthestStart = Math.max(furthestStart, indexes[0]);
		furthestEnd = Math.max(furthestEnd, indexes[indexes.length - 1]);
	}
	return cells.length === 0 ? 0 : Math.min(furthestEnd, furthestStart + cells.length) + 1;
}

/**
 * Places every cell's text at each (row, column) it spans.
 * Cells without row or column indexes cannot be placed and are skipped; when two cells claim the
 * same position, their texts are joined with a space so nothing recognised is lost.
 * Throws TableTooLargeError when the cells claim more than MAX_GRID_CELLS positions.
 */
export function buildGrid(cells: readonly TableCell[]): TableGrid {
	const candidates: PlacedCell[] = cells.map((cell) => ({
		words: cell.words ?? '',
		confidence: typeof cell.confidence === 'number' ? cell.confidence : undefined,
		rows: validIndexes(cell.rows),
		columns: validIndexes(cell.columns),
	}));
	const present = candidates.filter((cell) => cell.rows.length > 0 && cell.columns.length > 0);
	const rowCount = extentOf(present, 'rows');
	const columnCount = extentOf(present, 'columns');
	if (rowCount * columnCount > MAX_GRID_CELLS) throw new TableTooLargeError(rowCount, columnCount);
	const placed = present.map((cell) => ({
		words: cell.words,
		confidence: cell.confidence,
		rows: cell.rows.filter((row) => row < rowCount),
		columns: cell.columns.filter((column) => column < columnCount),
	}));
	// Overlapping spans could still multiply the work; a real table fills each position about once.
	const writes = placed.reduce((total, cell) => total + cell.rows.length * cell.columns.length, 0);
	if (writes > 2 * MAX_GRID_CELLS) throw new TableTooLargeError(rowCount, columnCount);

	const rows: string[][] = Array.from({ length: rowCount }, () => Array.from({ length: columnCount }, () => ''));
	const confidence = placed.some((cell) => cell.confidence !== undefined)
		? Array.from({ length: rowCount }, () => Array.from({ length: columnCount }, (): number | null => null))
		: undefined;
	const merges: CellRange[] = [];
	for (const cell of placed) {
		for (const r of cell.rows) {
			for (const c of cell.columns) {
				const existing = rows[r][c];
				rows[r][c] = existing && existing !== cell.words ? `${existing} ${cell.words}` : cell.words;
				if (confidence && cell.confidence !== undefined) {
					// Two cells in one position: the lower score speaks for the joined text.
					const score = confidence[r][c];
					confidence[r][c] = score === null ? cell.confidence : Math.min(score, cell.confidence);
				}
			}
		}
		if (cell.rows.length > 1 || cell.columns.length > 1) {
			merges.push({
				top: cell.rows[0],
				left: cell.columns[0],
				bottom: cell.rows[cell.rows.length - 1],
				right: cell.columns[cell.columns.length - 1],
			});
		}
	}
	return confidence ? { rows, merges, confidence } : { rows, merges };
}

/** Cleans one header cell into a usable key; empty headers become `Column N` (1-based). */
function headerKey(text: string, columnIndex: number): string {
	const trimmed = text.replace(/\s+/g, ' ').trim();
	return trimmed === '' ? `Column ${columnIndex + 1}` : trimmed;
}

/**
 * Unique, non-empty keys for a header row: duplicates get `_2`, `_3`, …
 * `reserved` keys (our own fields on row items) are treated as taken.
 */
export function headerKeys(header: readonly string[], reserved: readonly string[] = []): string[] {
	const taken = new Set<string>(reserved);
	return header.map((text, index) => {
		const base = headerKey(text, index);
		let key = base;
		for (let n = 2; taken.has(key); n++) {
			key = `${base}_${n}`;
		}
		taken.add(key);
		return key;
	});
}

export interface GridRecord {
	/** 1-based number of the data row in the table (the header row is not counted). */
	rowNumber: number;
	values: Record<string, string>;
	/** `confidence_<key>` per cell that has a score, when the grid has confidence. */
	confidence?: Record<string, number>;
}

/**
 * One record per data row, keyed by the header row (the first row). A single-row table (a TOTAL
 * line) has no header: its row is the record, keyed `Column 1`, `Column 2`, …
 * Rows whose cells are all empty are left out: they are gaps in Huawei's grid, not data.
 */
export function gridToRecords(grid: TableGrid, reserved: readonly string[] = []): GridRecord[] {
	if (grid.rows.length === 0) return [];
	const headerless = grid.rows.length === 1;
	const keys = headerKeys(headerless ? grid.rows[0].map(() => '') : grid.rows[0], reserved);
	const firstDataRow = headerless ? 0 : 1;
	const records: GridRecord[] = [];
	for (let rowIndex = firstDataRow; rowIndex < grid.rows.length; rowIndex++) {
		const row = grid.rows[rowIndex];
		if (row.every((cell) => cell.trim() === '')) continue;
		const record: GridRecord = {
			rowNumber: rowIndex - firstDataRow + 1,
			values: Object.fromEntries(keys.map((key, column) => [key, row[column] ?? ''])),
		};
		const scores = grid.confidence?.[rowIndex];
		if (scores) {
			const entries = keys.flatMap((key, column) => (scores[column] === null ? [] : [[`confidence_${key}`, scores[column]]]));
			record.confidence = Object.fromEntries(entries) as Record<string, number>;
		}
		records.push(record);
	}
	return records;
}

/** Tab-separated rows (tabs and line breaks inside cells become spaces). */
export function gridToTsv(grid: TableGrid): string {
	return grid.rows
		.map((row) => row.map((cell) => cell.replace(/[\t\r\n]+/g, ' ')).join('\t'))
		.join('\n');
}

/** A table whose cells claim more rows × columns than any real page holds. */
export class TableTooLargeError extends Error {
	constructor(
		readonly rowCount: number,
		readonly columnCount: number,
	) {
		super(`A table in the result claims ${rowCount} rows × ${columnCount} columns, more than this node builds (${MAX_GRID_CELLS} cells)`);
		this.name = 'TableTooLargeError';
	}
}

/** More cells than any table on an 8192 px page holds (each cell is several pixels high and wide). */
export const MAX_GRID_CELLS = 1_000_000;
