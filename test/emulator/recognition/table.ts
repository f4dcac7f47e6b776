/**
 * Ruled-table structure from pixels: finds the horizontal and vertical rules of a bordered table,
 * merges grid units where a rule is missing (merged cells), and builds Huawei's General Table result
 * from the words the OCR found in each cell. Pure code over a grayscale bitmap, so it is unit-tested
 * without an OCR engine.
 */
import { buildGrid } from '../../../nodes/HuaweiCloudOcr/output/grid';
import { buildXlsx } from '../../../nodes/HuaweiCloudOcr/output/xlsx';
import { quad, type Box } from './shapes';

export interface GrayImage {
	width: number;
	height: number;
	/** One byte per pixel, 0 = black. */
	pixels: Uint8Array;
}

interface Rule {
	/** Position across the rule (y for horizontal, x for vertical) and its thickness. */
	from: number;
	to: number;
	/** Extent along the rule. */
	start: number;
	end: number;
}

export interface TableCell {
	rows: number[];
	columns: number[];
	box: Box;
}

export interface TableGrid {
	horizontal: Rule[];
	vertical: Rule[];
	cells: TableCell[];
	box: Box;
}

const DARK = 110;

function isDark(image: GrayImage, x: number, y: number): boolean {
	return image.pixels[y * image.width + x] < DARK;
}

function longestRun(length: number, dark: (i: number) => boolean): { start: number; end: number } {
	let best = { start: 0, end: -1 };
	let start = -1;
	for (let i = 0; i <= length; i++) {
		if (i < length && dark(i)) {
			if (start < 0) start = i;
		} else if (start >= 0) {
			if (i - 1 - start > best.end - best.start) best = { start, end: i - 1 };
			start = -1;
		}
	}
	return best;
}

/** Adjacent pixel lines that each hold a long dark run form one rule. */
function groupRules(candidates: Array<{ at: number; start: number; end: number }>): Rule[] {
	const rules: Rule[] = [];
	for (const candidate of candidates) {
		const last = rules[rules.length - 1];
		if (last && candidate.at - last.to <= 1) {
			last.to = candidate.at;
			last.start = Math.min(last.start, candidate.start);
			last.end = Math.max(last.end, candidate.end);
		} else {
			rules.push({ from: candidate.at, to: candidate.at, start: candidate.start, end: candidate.end });
		}
	}
	return rules;
}

const middle = (rule: Rule) => (rule.from + rule.to) / 2;

/** A rule is present between two grid units when most sample points across the unit's middle are dark. */
function ruleCovers(image: GrayImage, rule: Rule, orientation: 'horizontal' | 'vertical', from: number, to: number): boolean {
	const samples = 7;
	let dark = 0;
	for (let i = 0; i < samples; i++) {
		const along = Math.round(from + ((to - from) * (i + 1)) / (samples + 1));
		let hit = false;
		for (let across = rule.from - 1; across <= rule.to + 1 && !hit; across++) {
			hit = orientation === 'horizontal' ? isDark(image, along, across) : isDark(image, across, along);
		}
		if (hit) dark++;
	}
	return dark > samples / 2;
}

export function detectTableGrid(image: GrayImage): TableGrid | undefined {
	const { width, height } = image;
	const rowCandidates = [];
	for (let y = 0; y < height; y++) {
		const run = longestRun(width, (x) => isDark(image, x, y));
		if (run.end - run.start + 1 >= width * 0.3) rowCandidates.push({ at: y, ...run });
	}
	const horizontal = groupRules(rowCandidates);
	if (horizontal.length < 2) return undefined;

	const top = horizontal[0].from;
	const bottom = horizontal[horizontal.length - 1].to;
	const left = Math.min(...horizontal.map((rule) => rule.start));
	const right = Math.max(...horizontal.map((rule) => rule.end));
	const rowHeights = horizontal.slice(1).map((rule, i) => rule.from - horizontal[i].to);
	// Taller than any glyph stroke in a row, shorter than the smallest row: a rule spanning at least one row.
	const minVerticalRun = Math.max(12, Math.min(...rowHeights) * 0.8);
	const columnCandidates = [];
	for (let x = left; x <= right; x++) {
		const run = longestRun(bottom - top + 1, (i) => isDark(image, x, top + i));
		if (run.end - run.start + 1 >= minVerticalRun) columnCandidates.push({ at: x, start: top + run.start, end: top + run.end });
	}
	const vertical = groupRules(columnCandidates);
	if (vertical.length < 2) return undefined;

	const rowCount = horizontal.length - 1;
	const columnCount = vertical.length - 1;
	const parent = Array.from({ length: rowCount * columnCount }, (_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
	const join = (a: number, b: number) => {
		parent[find(a)] = find(b);
	};
	const unit = (row: number, column: number) => row * columnCount + column;
	for (let row = 0; row < rowCount; row++) {
		const y0 = horizontal[row].to;
		const y1 = horizontal[row + 1].from;
		for (let column = 1; column < columnCount; column++) {
			if (!ruleCovers(image, vertical[column], 'vertical', y0, y1)) join(unit(row, column - 1), unit(row, column));
		}
	}
	for (let column = 0; column < columnCount; column++) {
		const x0 = vertical[column].to;
		const x1 = vertical[column + 1].from;
		for (let row = 1; row < rowCount; row++) {
			if (!ruleCovers(image, horizontal[row], 'horizontal', x0, x1)) join(unit(row - 1, column), unit(row, column));
		}
	}

	const groups = new Map<number, { rows: Set<number>; columns: Set<number> }>();
	for (let row = 0; row < rowCount; row++) {
		for (let column = 0; column < columnCount; column++) {
			const root = find(unit(row, column));
			const group = groups.get(root) ?? { rows: new Set<number>(), columns: new Set<number>() };
			group.rows.add(row);
			group.columns.add(column);
			groups.set(root, group);
		}
	}
	const cells = [...groups.values()]
		.map((group) => {
			const rows = [...group.rows].sort((a, b) => a - b);
			const columns = [...group.columns].sort((a, b) => a - b);
			const box = {
				x0: middle(vertical[columns[0]]),
				y0: middle(horizontal[rows[0]]),
				x1: middle(vertical[columns[columns.length - 1] + 1]),
				y1: middle(horizontal[rows[rows.length - 1] + 1]),
			};
			return { rows, columns, box };
		})
		.sort((a, b) => a.rows[0] - b.rows[0] || a.columns[0] - b.columns[0]);
	return { horizontal, vertical, cells, box: { x0: left, y0: top, x1: right, y1: bottom } };
}

/** Paints the rules white so the OCR sees only the text inside the cells. */
export function eraseRules(image: GrayImage, grid: TableGrid): GrayImage {
	const pixels = Uint8Array.from(image.pixels);
	const paint = (x0: number, x1: number, y0: number, y1: number) => {
		for (let y = Math.max(0, y0); y <= Math.min(image.height - 1, y1); y++) {
			for (let x = Math.max(0, x0); x <= Math.min(image.width - 1, x1); x++) pixels[y * image.width + x] = 255;
		}
	};
	for (const rule of grid.horizontal) paint(rule.start, rule.end, rule.from - 1, rule.to + 1);
	for (const rule of grid.vertical) paint(rule.from - 1, rule.to + 1, rule.start, rule.end);
	return { ...image, pixels };
}

export interface RecognizedWord {
	text: string;
	/** 0..1 */
	confidence: number;
	box: Box;
}

function contains(box: Box, x: number, y: number): boolean {
	return x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1;
}

function centre(box: Box): { x: number; y: number } {
	return { x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2 };
}

/**
 * Huawei's General Table result for one ruled table: every cell with its row/column spans, and
 * (as the request flags ask) its confidence, text location, cell location and text lines.
 * Words outside the table become a preceding "text" region.
 */
export function generalTableResult(
	table: TableGrid,
	words: readonly RecognizedWord[],
	options: Record<string, unknown>,
): Record<string, unknown> {
	const withLocation = options.return_text_location === true;
	const withConfidence = options.return_confidence === true;
	const inside = (word: RecognizedWord) => {
		const { x, y } = centre(word.box);
		return contains(table.box, x, y);
	};
	const cellBlocks = table.cells.map((cell) => {
		const cellWords = words.filter((word) => {
			const { x, y } = centre(word.box);
			return contains(cell.box, x, y);
		});
		const confidence = cellWords.length
			? cellWords.reduce((sum, word) => sum + word.confidence, 0) / cellWords.length
			: 1;
		const textBox = cellWords.length
			? {
					x0: Math.min(...cellWords.map((w) => w.box.x0)),
					y0: Math.min(...cellWords.map((w) => w.box.y0)),
					x1: Math.max(...cellWords.map((w) => w.box.x1)),
					y1: Math.max(...cellWords.map((w) => w.box.y1)),
				}
			: cell.box;
		const text = cellWords.map((word) => word.text).join(' ');
		return {
			words: text,
			rows: cell.rows,
			columns: cell.columns,
			...(withConfidence ? { confidence: Math.round(confidence * 10000) / 10000 } : {}),
			...(withLocation
				? {
						location: quad(textBox),
						cell_location: quad(cell.box),
						words_list: cellWords.length
							? [{ words: text, confidence: Math.round(confidence * 10000) / 10000, location: quad(textBox) }]
							: [],
					}
				: {}),
		};
	});
	const outside = words.filter((word) => !inside(word));
	const regions: Array<Record<string, unknown>> = [];
	if (outside.length > 0) {
		regions.push({
			type: 'text',
			words_block_count: outside.length,
			words_block_list: outside.map((word) => ({
				words: word.text,
				...(withConfidence ? { confidence: Math.round(word.confidence * 10000) / 10000 } : {}),
				...(withLocation ? { location: quad(word.box) } : {}),
			})),
		});
	}
	regions.push({ type: 'table', words_block_count: cellBlocks.length, words_block_list: cellBlocks });
	const result: Record<string, unknown> = { words_region_count: regions.length, words_region_list: regions };
	if (options.return_excel === true) {
		// Huawei's workbook comes from its service; the emulator writes an equivalent one with our own writer.
		const sheet = buildGrid(cellBlocks);
		result.excel = buildXlsx([{ name: 'Sheet1', rows: sheet.rows, merges: sheet.merges }]).toString('base64');
	}
	return result;
}
