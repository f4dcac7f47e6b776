import { buildGrid, gridToRecords, gridToTsv, headerKeys, TableTooLargeError } from '../../../nodes/HuaweiCloudOcr/output/grid';

describe('buildGrid', () => {
	it('spreads merged cells over every row and column they cover and records the merge', () => {
		const grid = buildGrid([
			{ words: 'Name', rows: [0], columns: [0] },
			{ words: 'Q1 and Q2', rows: [0], columns: [1, 2] },
			{ words: 'Coffee', rows: [1, 2], columns: [0] },
			{ words: '10', rows: [1], columns: [1] },
			{ words: '11', rows: [1], columns: [2] },
			{ words: '12', rows: [2], columns: [1] },
			{ words: '13', rows: [2], columns: [2] },
		]);
		expect(grid.rows).toEqual([
			['Name', 'Q1 and Q2', 'Q1 and Q2'],
			['Coffee', '10', '11'],
			['Coffee', '12', '13'],
		]);
		expect(grid.merges).toEqual([
			{ top: 0, left: 1, bottom: 0, right: 2 },
			{ top: 1, left: 0, bottom: 2, right: 0 },
		]);
	});

	it('fills gaps with empty strings, skips cells without indexes and keeps both texts of a doubly claimed cell', () => {
		const grid = buildGrid([
			{ words: 'a', rows: [0], columns: [0] },
			{ words: 'lost', rows: [], columns: [1] },
			{ words: 'nowhere' },
			{ words: 'c', rows: [2], columns: [1] },
			{ words: 'd', rows: [2], columns: [1] },
		]);
		expect(grid.rows).toEqual([
			['a', ''],
			['', ''],
			['', 'c d'],
		]);
		expect(grid.merges).toEqual([]);
	});

	it('returns an empty grid for no cells', () => {
		expect(buildGrid([])).toEqual({ rows: [], merges: [] });
	});
});

describe('headerKeys', () => {
	it('trims, names empty headers by column and numbers duplicates', () => {
		expect(headerKeys(['  Name ', 'Amount', '', 'Amount', 'Amount', 'a\n b'])).toEqual([
			'Name',
			'Amount',
			'Column 3',
			'Amount_2',
			'Amount_3',
			'a b',
		]);
	});

	it('never reuses a reserved key', () => {
		expect(headerKeys(['_row', 'requestId', 'x'], ['_row', 'requestId'])).toEqual([
			'_row_2',
			'requestId_2',
			'x',
		]);
	});
});

describe('gridToRecords', () => {
	it('keys data rows by the header, numbers them from 1 and leaves out empty rows', () => {
		const records = gridToRecords({
			rows: [
				['Item', 'Price'],
				['Tea', '3'],
				['', ' '],
				['Cake', '5'],
			],
			merges: [],
		});
		expect(records).toEqual([
			{ rowNumber: 1, values: { Item: 'Tea', Price: '3' } },
			{ rowNumber: 3, values: { Item: 'Cake', Price: '5' } },
		]);
	});

	it('keeps the row of a single-row table, keyed by column number', () => {
		expect(gridToRecords({ rows: [['TOTAL', '3.50']], merges: [] })).toEqual([
			{ rowNumber: 1, values: { 'Column 1': 'TOTAL', 'Column 2': '3.50' } },
		]);
	});
});

describe('gridToTsv', () => {
	it('joins cells with tabs and rows with line breaks, flattening tabs and breaks inside cells', () => {
		expect(gridToTsv({ rows: [['a\tb', 'c\nd'], ['e', '']], merges: [] })).toBe('a b\tc d\ne\t');
	});
});

describe('buildGrid on hostile spans', () => {
	it('bounds a span by the cells actually present instead of allocating it', () => {
		const hugeSpan = (length: number) => Array.from({ length }, (_, index) => index);
		const grid = buildGrid([
			{ words: 'Total', rows: hugeSpan(4000), columns: hugeSpan(3000) },
			{ words: '42', rows: [0], columns: [1] },
		]);
		// Two cells, both starting in row 0: the span may reach two rows past it, and two columns past column 1.
		expect(grid.rows).toHaveLength(3);
		expect(grid.rows.every((row) => row.length === 4)).toBe(true);
		expect(grid.rows[0]).toEqual(['Total', 'Total 42', 'Total', 'Total']);
		expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 2, right: 3 }]);
	});

	it('reads a 200k-entry rows array without spreading it onto the stack', () => {
		const rows = Array.from({ length: 200_000 }, () => 0);
		expect(buildGrid([{ words: 'x', rows, columns: [0] }]).rows).toEqual([['x']]);
	});

	it('refuses a grid beyond the sane maximum with a TableTooLargeError', () => {
		expect(() =>
			buildGrid([
				{ words: 'a', rows: [0], columns: [0] },
				{ words: 'b', rows: [100_000], columns: [100_000] },
			]),
		).toThrow(new TableTooLargeError(100_001, 100_001));
	});
});
