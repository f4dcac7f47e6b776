/** Reading Huawei's cell lists when fields are missing: which regions are tables, which cells can't be placed. */
import type { TableCell } from '../grid';

interface Region {
	type?: string;
	words_block_list?: readonly TableCell[];
}

/** Mirrors buildGrid: a cell is placed when it has at least one valid row and one valid column index. */
const hasIndexes = (indexes: readonly number[] | undefined) =>
	(indexes ?? []).some((index) => Number.isInteger(index) && index >= 0);

function isPlaceable(cell: TableCell): boolean {
	return hasIndexes(cell.rows) && hasIndexes(cell.columns);
}

/**
 * A table region: `type: "table"`, or, when Huawei leaves `type` out (the SDK marks it optional for
 * financial statements), a region whose cells carry row and column indexes.
 */
export function isTableRegion(region: Region): boolean {
	if (region.type !== undefined) return region.type === 'table';
	const cells = region.words_block_list ?? [];
	return cells.length > 0 && cells.some(isPlaceable);
}

/** The text of every cell that has some, in Huawei's order. */
export function wordsOf(cells: readonly TableCell[]): string[] {
	return cells.flatMap((cell) => (cell.words === undefined || cell.words === '' ? [] : [cell.words]));
}

/** The text of cells that can't be placed in a grid (no row or column index), so it isn't lost. */
export function unplacedWords(cells: readonly TableCell[]): string[] {
	return wordsOf(cells.filter((cell) => !isPlaceable(cell)));
}
