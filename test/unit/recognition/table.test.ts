import { buildGrid, type TableCell } from '../../../nodes/HuaweiCloudOcr/output/grid';
import { detectTableGrid, eraseRules, generalTableResult, type GrayImage, type RecognizedWord } from '../../emulator/recognition/table';

/** A white bitmap with 2-px black rules: 3 columns × 3 rows; the last row's first two cells are merged. */
function ruledTable(): GrayImage {
	const width = 320;
	const height = 200;
	const pixels = new Uint8Array(width * height).fill(255);
	const black = (x0: number, x1: number, y0: number, y1: number) => {
		for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) pixels[y * width + x] = 0;
	};
	const xs = [10, 110, 210, 310];
	const ys = [10, 70, 130, 190];
	for (const y of ys) black(xs[0], xs[3], y, y + 1);
	for (const x of [xs[0], xs[2], xs[3]]) black(x, x + 1, ys[0], ys[3]);
	black(xs[1], xs[1] + 1, ys[0], ys[2]); // stops above the last row: merged cell there
	// A "glyph" inside a cell: short strokes must not be taken for rules.
	black(40, 41, 30, 50);
	black(40, 90, 40, 41);
	return { width, height, pixels };
}

describe('ruled table detection', () => {
	it('finds rows, columns and a horizontally merged cell', () => {
		const grid = detectTableGrid(ruledTable());
		expect(grid).toBeDefined();
		expect(grid?.horizontal.map((rule) => rule.from)).toEqual([10, 70, 130, 190]);
		expect(grid?.vertical.map((rule) => rule.from)).toEqual([10, 110, 210, 310]);
		expect(grid?.cells.map((cell) => [cell.rows, cell.columns])).toEqual([
			[[0], [0]], [[0], [1]], [[0], [2]],
			[[1], [0]], [[1], [1]], [[1], [2]],
			[[2], [0, 1]], [[2], [2]],
		]);
		expect(grid?.cells[6].box).toEqual({ x0: 10.5, y0: 130.5, x1: 210.5, y1: 190.5 });
	});

	it('finds no table in an image without rules', () => {
		const blank = { width: 50, height: 50, pixels: new Uint8Array(2500).fill(255) };
		expect(detectTableGrid(blank)).toBeUndefined();
	});

	it('erases the rules but keeps the text strokes', () => {
		const image = ruledTable();
		const erased = eraseRules(image, detectTableGrid(image)!);
		expect(erased.pixels[10 * image.width + 50]).toBe(255);
		expect(erased.pixels[100 * image.width + 110]).toBe(255);
		expect(erased.pixels[40 * image.width + 60]).toBe(0);
		expect(image.pixels[10 * image.width + 50]).toBe(0);
	});
});

describe('general table result', () => {
	const grid = detectTableGrid(ruledTable())!;
	const word = (text: string, x0: number, y0: number, confidence = 0.9): RecognizedWord => ({
		text,
		confidence,
		box: { x0, y0, x1: x0 + 40, y1: y0 + 20 },
	});
	const words = [
		word('Name', 20, 30),
		word('Qty', 120, 30),
		word('Price', 220, 30),
		word('Pens', 20, 90),
		word('box', 60, 90, 0.7),
		word('2', 120, 90),
		word('7.50', 220, 90),
		word('Total', 20, 150),
		word('15.00', 220, 150),
		word('Footnote', 20, 195),
	];

	it('puts each word in its cell, with Huawei rows/columns spans', () => {
		const result = generalTableResult(grid, words, {}) as { words_region_list: Array<Record<string, unknown>> };
		expect(result.words_region_list).toHaveLength(2);
		expect(result.words_region_list[0]).toEqual({
			type: 'text',
			words_block_count: 1,
			words_block_list: [{ words: 'Footnote' }],
		});
		const table = result.words_region_list[1] as { type: string; words_block_list: Array<TableCell & Record<string, unknown>> };
		expect(table.type).toBe('table');
		expect(table.words_block_list.map((cell) => cell.words)).toEqual(['Name', 'Qty', 'Price', 'Pens box', '2', '7.50', 'Total', '15.00']);
		expect(table.words_block_list[6]).toEqual({ words: 'Total', rows: [2], columns: [0, 1] });
		expect(buildGrid(table.words_block_list).rows[2]).toEqual(['Total', 'Total', '15.00']);
	});

	it('adds confidence, locations and an Excel workbook when the request asks for them', () => {
		const result = generalTableResult(grid, words, {
			return_confidence: true,
			return_text_location: true,
			return_excel: true,
		}) as { words_region_list: Array<{ words_block_list: Array<Record<string, unknown>> }>; excel: string };
		const pens = result.words_region_list[1].words_block_list[3];
		expect(pens.confidence).toBe(0.8);
		expect(pens.location).toEqual([[20, 90], [100, 90], [100, 110], [20, 110]]);
		expect(pens.cell_location).toEqual([[11, 71], [111, 71], [111, 131], [11, 131]]);
		expect(pens.words_list).toEqual([{ words: 'Pens box', confidence: 0.8, location: pens.location }]);
		expect(Buffer.from(result.excel, 'base64').subarray(0, 2).toString()).toBe('PK');
	});
});
