import { documentTableName, joinTablesAcrossPages } from '../../../nodes/HuaweiCloudOcr/output/pages/continuedTables';
import type { TableGrid } from '../../../nodes/HuaweiCloudOcr/output/grid';

const grid = (rows: string[][], merges: TableGrid['merges'] = []): TableGrid => ({ rows, merges });
const HEADER = ['Item', 'Qty', 'Price'];

describe('joinTablesAcrossPages', () => {
	it('continues a table whose next page repeats the header, dropping the repeated header', () => {
		const [table, ...rest] = joinTablesAcrossPages([
			{ page: 1, tables: [grid([HEADER, ['Coffee', '2', '3.00']])] },
			{ page: 2, tables: [grid([HEADER, ['Tea', '1', '2.50']], [{ top: 1, left: 1, bottom: 1, right: 2 }])] },
		]);
		expect(rest).toEqual([]);
		expect(table.grid.rows).toEqual([HEADER, ['Coffee', '2', '3.00'], ['Tea', '1', '2.50']]);
		expect(table.rowPages).toEqual([1, 1, 2]);
		expect(table.grid.merges).toEqual([{ top: 2, left: 1, bottom: 2, right: 2 }]);
		expect(documentTableName(table, 0)).toBe('Table 1 (Pages 1-2)');
	});

	it('continues a table whose next page starts with data (no header)', () => {
		const [table] = joinTablesAcrossPages([
			{ page: 3, tables: [grid([['Intro']]), grid([HEADER, ['Coffee', '2', '3.00']])] },
			{ page: 4, tables: [grid([['Tea', '1', '2.50']]), grid([['Notes']])] },
		]).slice(1);
		expect(table.grid.rows).toEqual([HEADER, ['Coffee', '2', '3.00'], ['Tea', '1', '2.50']]);
		expect(table.rowPages).toEqual([3, 3, 4]);
	});

	it('starts a new table for another header, another column count, a later table on the page or a skipped page', () => {
		const tables = joinTablesAcrossPages([
			{ page: 1, tables: [grid([HEADER, ['Coffee', '2', '3.00']])] },
			{ page: 2, tables: [grid([['Name', 'City', 'Country'], ['Ann', 'Oslo', 'NO']])] },
			{ page: 3, tables: [grid([['Bob', 'Rome']])] },
			{ page: 5, tables: [grid([['Bob', 'Rome']])] },
		]);
		expect(tables.map((table) => [table.firstPage, table.lastPage])).toEqual([
			[1, 1],
			[2, 2],
			[3, 3],
			[5, 5],
		]);
		expect(documentTableName(tables[1], 1)).toBe('Table 2 (Page 2)');
	});
});
