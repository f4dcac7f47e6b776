/**
 * Rebuilding table grids from Huawei's cell lists.
 * Huawei describes a table as a list of cells, each with the 0-based `rows` and `columns` it spans.
 */

/** One recognised cell: its text and the rows/columns it covers (several when merged). */
export interface TableCell {
	words?: string;
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
}

function validIndexes(indexes: number[] | undefined): number[] {
	return (indexes ?? []).filter((index) => Number.isInteger(index) && index >= 0);
}

function rangeOf(rows: number[], columns: number[]): CellRange {
	return {
		top: Math.min(...rows),
		left: Math.min(...columns),
		bottom: Math.max(...rows),
		right: Math.max(...columns),
	};
}

/**
 * Places every cell's text at each (row, column) it spans.
 * Cells without row or column indexes cannot be placed and are skipped; when two cells claim the
 * same position, their texts are joined with a space so nothing recognised is lost.
 */
export function buildGrid(cells: readonly TableCell[]): TableGrid {
	const placed = cells
		.map((cell) => ({
			words: cell.words ?? '',
			rows: validIndexes(cell.rows),
			columns: validIndexes(cell.columns),
		}))
		.filter((cell) => cell.rows.length > 0 && cell.columns.length > 0);
	const rowCount = placed.reduce((max, cell) => Math.max(max, ...cell.rows.map((r) => r + 1)), 0);
	const columnCount = placed.reduce(
		(max, cell) => Math.max(max, ...cell.columns.map((c) => c + 1)),
		0,
	);
	const rows: string[][] = Array.from({ length: rowCount }, () =>
		Array.from({ length: columnCount }, () => ''),
	);
	const merges: CellRange[] = [];
	for (const cell of placed) {
		for (const r of cell.rows) {
			for (const c of cell.columns) {
				const existing = rows[r][c];
				rows[r][c] = existing && existing !== cell.words ? `${existing} ${cell.words}` : cell.words;
			}
		}
		if (cell.rows.length > 1 || cell.columns.length > 1) {
			merges.push(rangeOf(cell.rows, cell.columns));
		}
	}
	return { rows, merges };
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
}

/**
 * One record per data row, keyed by the header row (the first row).
 * Rows whose cells are all empty are left out: they are gaps in Huawei's grid, not data.
 */
export function gridToRecords(grid: TableGrid, reserved: readonly string[] = []): GridRecord[] {
	if (grid.rows.length < 2) return [];
	const keys = headerKeys(grid.rows[0], reserved);
	return grid.rows
		.slice(1)
		.map((row, index) => ({
			rowNumber: index + 1,
			values: Object.fromEntries(keys.map((key, column) => [key, row[column] ?? ''])),
			empty: row.every((cell) => cell.trim() === ''),
		}))
		.filter((record) => !record.empty)
		.map(({ rowNumber, values }) => ({ rowNumber, values }));
}

/** Tab-separated rows (tabs and line breaks inside cells become spaces). */
export function gridToTsv(grid: TableGrid): string {
	return grid.rows
		.map((row) => row.map((cell) => cell.replace(/[\t\r\n]+/g, ' ')).join('\t'))
		.join('\n');
}
