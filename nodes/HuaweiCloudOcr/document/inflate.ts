import { attempt } from './attempt';
import { BudgetProblem } from './budget';
import { DocumentProblem } from './problem';

/**
 * Inflate (RFC 1951 deflate, optionally in an RFC 1950 zlib wrapper): stored, fixed and dynamic
 * Huffman blocks. Written here because n8n's verification forbids `zlib` in nodes.
 * Huffman codes are decoded through one lookup table per code indexed by the next `maxBits` input
 * bits (bit-reversed), each entry holding `length << 16 | symbol`.
 * The zlib Adler-32 trailer is not verified: PDF writers often get it wrong and readers ignore it.
 */

export interface InflateOptions {
	/** Refuse output longer than this (a decompression bomb guard). */
	maxOutputLength?: number;
	/** The problem thrown when the output would pass maxOutputLength (default: a decompression bomb). */
	outputLimitProblem?: () => DocumentProblem;
	/** Charged with the Huffman table entries built, so many small streams of one file share its work budget. */
	meter?: { spendWork(units: number): void };
	/** `zlib` (PDF FlateDecode), `raw` (ZIP entries); by default a zlib header is recognised. */
	format?: 'zlib' | 'raw';
}

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
	8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order in which code-length code lengths are stored in a dynamic block header. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

interface HuffmanTable {
	codes: Int32Array;
	maxBits: number;
}

const FIXED_LITERALS = buildTable(
	Uint8Array.from({ length: 288 }, (_, symbol) => (symbol < 144 ? 8 : symbol < 256 ? 9 : symbol < 280 ? 7 : 8)),
);
const FIXED_DISTANCES = buildTable(new Uint8Array(30).fill(5));

/**
 * Work is linear in input and output: the output is capped by maxOutputLength, and the Huffman
 * tables built (up to 32768 entries each, one pair per dynamic block) may hold at most
 * TABLE_ENTRIES_BASE + TABLE_ENTRIES_PER_INPUT_BYTE entries per input byte (and are charged to the
 * caller's meter); real encoders build one table pair per several kilobytes, a crafted stream one
 * per ~20 bytes.
 */
const TABLE_ENTRIES_BASE = 1 << 18;
const TABLE_ENTRIES_PER_INPUT_BYTE = 64;

export function inflate(data: Uint8Array, options: InflateOptions = {}): Buffer {
	const maxOutputLength = options.maxOutputLength ?? Infinity;
	const limits: Limits = {
		maxOutputLength,
		outputLimitProblem: options.outputLimitProblem ?? (() => bomb(maxOutputLength)),
		tableEntries: TABLE_ENTRIES_BASE + TABLE_ENTRIES_PER_INPUT_BYTE * data.length,
		meter: options.meter,
	};
	const decoded = attempt(() => decode(data, options.format, limits));
	if (decoded.ok) return decoded.value;
	throw decoded.error instanceof LimitReached ? decoded.error.problem : decoded.error;
}

function decode(data: Uint8Array, format: InflateOptions['format'], limits: Limits): Buffer {
	if (format === 'raw') return new Inflater(data, 0, limits).run();
	if (format === 'zlib' || hasZlibHeader(data)) {
		if (format === 'zlib' && (data[1] & 0x20) !== 0) {
			throw damaged('it needs a preset dictionary, which PDF and OFD files never use');
		}
		const wrapped = attempt(() => new Inflater(data, 2, limits).run());
		if (wrapped.ok) return wrapped.value;
		// Two bytes of raw deflate can look like a zlib header by chance; only damage is worth the retry.
		const damage = wrapped.error instanceof DocumentProblem && !(wrapped.error instanceof BudgetProblem);
		if (format === 'zlib' || !damage) throw wrapped.error;
		return new Inflater(data, 0, limits).run();
	}
	return new Inflater(data, 0, limits).run();
}

interface Limits {
	maxOutputLength: number;
	outputLimitProblem: () => DocumentProblem;
	tableEntries: number;
	meter?: { spendWork(units: number): void };
}

/** Marks a limit breach, so the raw-deflate retry is not attempted after it. */
class LimitReached extends Error {
	constructor(readonly problem: DocumentProblem) {
		super(problem.message);
	}
}

function bomb(maxOutputLength: number): DocumentProblem {
	return new DocumentProblem(
		`A compressed part of the file expands to more than ${maxOutputLength} bytes, more than a real document holds`,
		'The file may be a decompression bomb or damaged; send the original document.',
	);
}

function hasZlibHeader(data: Uint8Array): boolean {
	if (data.length < 2) return false;
	const method = data[0] & 0x0f;
	const windowBits = data[0] >> 4;
	const presetDictionary = (data[1] & 0x20) !== 0;
	return method === 8 && windowBits <= 7 && !presetDictionary && ((data[0] << 8) | data[1]) % 31 === 0;
}

function damaged(detail: string): DocumentProblem {
	return new DocumentProblem(
		`Compressed data in the file is damaged (${detail})`,
		'The file was probably cut off or corrupted; send the original file again.',
	);
}

interface TableBudget {
	entries: number;
	meter?: { spendWork(units: number): void };
}

function buildTable(lengths: Uint8Array, budget?: TableBudget): HuffmanTable {
	let maxBits = 0;
	for (const length of lengths) if (length > maxBits) maxBits = length;
	const size = 1 << maxBits;
	if (budget) {
		const work = size + maxBits * lengths.length;
		budget.meter?.spendWork(work);
		budget.entries -= work;
		if (budget.entries < 0) throw new LimitReached(damaged('it switches Huffman tables far more often than any encoder does'));
	}
	const codes = new Int32Array(size);
	let code = 0;
	for (let length = 1; length <= maxBits; length++, code <<= 1) {
		for (let symbol = 0; symbol < lengths.length; symbol++) {
			if (lengths[symbol] !== length) continue;
			// Deflate sends codes most-significant bit first; the table is indexed by input bit order.
			let reversed = 0;
			for (let bit = 0, rest = code; bit < length; bit++, rest >>= 1) reversed = (reversed << 1) | (rest & 1);
			for (let index = reversed; index < size; index += 1 << length) codes[index] = (length << 16) | symbol;
			code++;
		}
		if (code > 1 << length) throw damaged('a Huffman code is over-subscribed');
	}
	return { codes, maxBits };
}

class Inflater {
	private position: number;
	private bitBuffer = 0;
	private bitCount = 0;
	private output: Uint8Array;
	private length = 0;
	private readonly maxOutputLength: number;
	private readonly tableBudget: TableBudget;

	constructor(
		private readonly input: Uint8Array,
		start: number,
		private readonly limits: Limits,
	) {
		this.position = start;
		this.maxOutputLength = limits.maxOutputLength;
		this.tableBudget = { entries: limits.tableEntries, meter: limits.meter };
		this.output = new Uint8Array(Math.min(Math.max(input.length * 4, 1024), this.maxOutputLength + 1, 1 << 30));
	}

	run(): Buffer {
		let last = false;
		while (!last) {
			last = this.bits(1) === 1;
			const type = this.bits(2);
			if (type === 0) this.storedBlock();
			else if (type === 1) this.huffmanBlock(FIXED_LITERALS, FIXED_DISTANCES);
			else if (type === 2) this.dynamicBlock();
			else throw damaged('invalid block type');
		}
		return Buffer.from(this.output.buffer, this.output.byteOffset, this.length);
	}

	private bits(count: number): number {
		while (this.bitCount < count) {
			if (this.position >= this.input.length) throw damaged('it ends too early');
			this.bitBuffer |= this.input[this.position++] << this.bitCount;
			this.bitCount += 8;
		}
		const value = this.bitBuffer & ((1 << count) - 1);
		this.bitBuffer >>>= count;
		this.bitCount -= count;
		return value;
	}

	private symbol(table: HuffmanTable): number {
		const { codes, maxBits } = table;
		while (this.bitCount < maxBits) {
			// Near the end there may be fewer bits left than the longest code; pad with zeros and check below.
			if (this.position >= this.input.length) {
				if (this.bitCount === 0) throw damaged('it ends too early');
				break;
			}
			this.bitBuffer |= this.input[this.position++] << this.bitCount;
			this.bitCount += 8;
		}
		const entry = codes[this.bitBuffer & ((1 << maxBits) - 1)];
		const length = entry >>> 16;
		if (length === 0 || length > this.bitCount) throw damaged(length === 0 ? 'invalid Huffman code' : 'it ends too early');
		this.bitBuffer >>>= length;
		this.bitCount -= length;
		return entry & 0xffff;
	}

	private ensure(extra: number): void {
		const needed = this.length + extra;
		if (needed > this.maxOutputLength) throw new LimitReached(this.limits.outputLimitProblem());
		if (needed <= this.output.length) return;
		const grown = new Uint8Array(Math.min(Math.max(needed, this.output.length * 2), this.maxOutputLength));
		grown.set(this.output.subarray(0, this.length));
		this.output = grown;
	}

	private storedBlock(): void {
		this.bitBuffer = 0;
		this.bitCount = 0;
		const at = this.position;
		if (at + 4 > this.input.length) throw damaged('it ends too early');
		const size = this.input[at] | (this.input[at + 1] << 8);
		const check = this.input[at + 2] | (this.input[at + 3] << 8);
		if ((size ^ 0xffff) !== check) throw damaged('a stored block has a bad length');
		if (at + 4 + size > this.input.length) throw damaged('it ends too early');
		this.ensure(size);
		this.output.set(this.input.subarray(at + 4, at + 4 + size), this.length);
		this.length += size;
		this.position = at + 4 + size;
	}

	private dynamicBlock(): void {
		const literalCount = this.bits(5) + 257;
		const distanceCount = this.bits(5) + 1;
		const codeLengthCount = this.bits(4) + 4;
		if (literalCount > 286 || distanceCount > 30) throw damaged('too many Huffman codes');
		const codeLengthLengths = new Uint8Array(19);
		for (let index = 0; index < codeLengthCount; index++) codeLengthLengths[CODE_LENGTH_ORDER[index]] = this.bits(3);
		const codeLengthTable = buildTable(codeLengthLengths, this.tableBudget);

		const lengths = new Uint8Array(literalCount + distanceCount);
		for (let index = 0; index < lengths.length; ) {
			const symbol = this.symbol(codeLengthTable);
			if (symbol < 16) {
				lengths[index++] = symbol;
				continue;
			}
			let repeat: number;
			let value = 0;
			if (symbol === 16) {
				if (index === 0) throw damaged('a length repeat has nothing to repeat');
				value = lengths[index - 1];
				repeat = 3 + this.bits(2);
			} else if (symbol === 17) {
				repeat = 3 + this.bits(3);
			} else {
				repeat = 11 + this.bits(7);
			}
			if (index + repeat > lengths.length) throw damaged('too many code lengths');
			lengths.fill(value, index, index + repeat);
			index += repeat;
		}
		if (lengths[256] === 0) throw damaged('the block has no end code');
		const literals = buildTable(lengths.subarray(0, literalCount), this.tableBudget);
		this.huffmanBlock(literals, buildTable(lengths.subarray(literalCount), this.tableBudget));
	}

	private huffmanBlock(literals: HuffmanTable, distances: HuffmanTable): void {
		for (;;) {
			const symbol = this.symbol(literals);
			if (symbol < 256) {
				if (this.length >= this.output.length) this.ensure(1);
				this.output[this.length++] = symbol;
				continue;
			}
			if (symbol === 256) return;
			const lengthCode = symbol - 257;
			if (lengthCode >= 29) throw damaged('invalid length code');
			const length = LENGTH_BASE[lengthCode] + this.bits(LENGTH_EXTRA[lengthCode]);
			const distanceCode = this.symbol(distances);
			if (distanceCode >= 30) throw damaged('invalid distance code');
			const distance = DISTANCE_BASE[distanceCode] + this.bits(DISTANCE_EXTRA[distanceCode]);
			if (distance > this.length) throw damaged('a back-reference points before the start');
			this.ensure(length);
			const output = this.output;
			let to = this.length;
			let from = to - distance;
			for (const end = to + length; to < end; ) output[to++] = output[from++];
			this.length = to;
		}
	}
}
