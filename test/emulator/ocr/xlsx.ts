/** Huawei's `excel` field: a Base64 .xlsx of the recognised tables (one sheet per table, merged cells kept). */
import type { CellRange } from '../../../nodes/HuaweiCloudOcr/output/grid';
import { buildXlsx } from '../../../nodes/HuaweiCloudOcr/output/xlsx';

interface Cell {
	words: string;
	rows?: number[];
	columns?: number[];
}

/** Places each cell at its top-left (row, column); merged spans become merge ranges. */
function sheetOf(cells: Cell[], index: number): { name: string; rows: string[][]; merges: CellRange[] } {
	const rows: string[][] = [];
	const merges: CellRange[] = [];
	for (const cell of cells) {
		const cellRows = cell.rows?.length ? cell.rows : [0];
		const cellColumns = cell.columns?.length ? cell.columns : [0];
		const top = Math.min(...cellRows);
		const left = Math.min(...cellColumns);
		const bottom = Math.max(...cellRows);
		const right = Math.max(...cellColumns);
		for (let r = rows.length; r <= bottom; r++) rows.push([]);
		rows[top][left] = cell.words;
		if (bottom > top || right > left) merges.push({ top, left, bottom, right });
	}
	const width = Math.max(0, ...rows.map((row) => row.length), ...merges.map((merge) => merge.right + 1));
	return {
		name: `Table ${index + 1}`,
		rows: rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? '')),
		merges,
	};
}

export function tableXlsxBase64(tables: Cell[][]): string {
	return buildXlsx(tables.map(sheetOf)).toString('base64');
}
