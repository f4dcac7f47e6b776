import { PdfName, PdfRef, PdfStream, PdfString } from './objects';
import type { PdfDict, PdfValue } from './objects';

/**
 * Parses PDF objects (ISO 32000 §7.2–7.3) from a byte buffer, starting anywhere.
 * Streams are not copied: their data is a view of the buffer.
 */

const WHITESPACE = new Uint8Array(256);
for (const code of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITESPACE[code] = 1;
const DELIMITER = new Uint8Array(256);
for (const char of '()<>[]{}/%') DELIMITER[char.charCodeAt(0)] = 1;

export function isWhitespace(code: number): boolean {
	return WHITESPACE[code] === 1;
}

function isRegular(code: number): boolean {
	return WHITESPACE[code] === 0 && DELIMITER[code] === 0;
}

export class PdfSyntaxError extends Error {}

/** Counts the bytes the lexer goes over (see ../budget.ts); reading stops when a file's allowance is spent. */
export interface WorkMeter {
	spendWork(bytes: number): void;
}

const UNMETERED: WorkMeter = { spendWork: () => undefined };

/** Finds the length of a stream whose /Length is missing, wrong or indirect (resolved by the caller). */
export type LengthResolver = (length: PdfValue | undefined) => number | undefined;

const KEYWORD_END_STREAM = Buffer.from('endstream');
/** A nesting limit: real files stay in single digits; a hostile one must not overflow the stack. */
const MAX_DEPTH = 200;
/** Keywords that end an object: met inside a dictionary or array, the object is unterminated. */
const STRUCTURE_KEYWORDS = new Set(['obj', 'endobj', 'stream', 'endstream', 'xref', 'trailer', 'startxref']);

export class Lexer {
	constructor(
		readonly bytes: Buffer,
		public position: number,
		private readonly resolveLength: LengthResolver = (length) => (typeof length === 'number' ? length : undefined),
		private readonly meter: WorkMeter = UNMETERED,
	) {}

	skipWhitespaceAndComments(): void {
		const bytes = this.bytes;
		const start = this.position;
		while (this.position < bytes.length) {
			const code = bytes[this.position];
			if (code === 0x25) {
				while (this.position < bytes.length && bytes[this.position] !== 0x0a && bytes[this.position] !== 0x0d) this.position++;
			} else if (WHITESPACE[code] === 1) {
				this.position++;
			} else {
				break;
			}
		}
		if (this.position > start) this.meter.spendWork(this.position - start);
	}

	/** The next run of regular characters (a number or keyword); empty at a delimiter. */
	word(): string {
		this.skipWhitespaceAndComments();
		const start = this.position;
		while (this.position < this.bytes.length && isRegular(this.bytes[this.position])) this.position++;
		this.meter.spendWork(this.position - start + 1);
		return this.bytes.toString('latin1', start, this.position);
	}

	expectWord(expected: string): void {
		const at = this.position;
		const found = this.word();
		if (found !== expected) throw new PdfSyntaxError(`expected '${expected}' at byte ${at}, found '${found}'`);
	}

	/** `N G obj` → the object number and generation, or undefined if the header is not there. */
	objectHeader(): { num: number; gen: number } | undefined {
		const num = this.word();
		const gen = this.word();
		const keyword = this.word();
		if (!/^\d+$/.test(num) || !/^\d+$/.test(gen) || keyword !== 'obj') return undefined;
		return { num: Number(num), gen: Number(gen) };
	}

	/** An indirect object's value after its header (a stream when `stream` follows a dictionary). */
	indirectValue(): PdfValue {
		const value = this.value(0);
		if (!(value instanceof Map)) return value;
		const save = this.position;
		if (this.word() !== 'stream') {
			this.position = save;
			return value;
		}
		return this.streamAfterKeyword(value);
	}

	value(depth: number): PdfValue {
		if (depth > MAX_DEPTH) throw new PdfSyntaxError('objects nested too deeply');
		this.skipWhitespaceAndComments();
		const bytes = this.bytes;
		if (this.position >= bytes.length) throw new PdfSyntaxError('unexpected end of file');
		const code = bytes[this.position];
		switch (code) {
			case 0x2f: // /
				return this.name();
			case 0x28: // (
				return this.literalString();
			case 0x5b: // [
				return this.array(depth);
			case 0x3c: // <
				if (bytes[this.position + 1] === 0x3c) return this.dictionary(depth);
				return this.hexString();
			default:
				return this.numberOrKeyword();
		}
	}

	private numberOrKeyword(): PdfValue {
		const start = this.position;
		const digits = this.digitRun();
		if (digits !== undefined) {
			// The common case, an unsigned integer: read without making a string, then look for `G R`.
			const reference = this.referenceAfter(digits);
			return reference ?? digits;
		}
		const word = this.word();
		if (word === '') throw new PdfSyntaxError(`unexpected '${String.fromCharCode(this.bytes[start])}' at byte ${start}`);
		if (word === 'true') return true;
		if (word === 'false') return false;
		if (word === 'null') return null;
		const number = parseNumber(word);
		if (number === undefined) throw new PdfSyntaxError(`unexpected '${word}' at byte ${start}`);
		return number;
	}

	/**
	 * At a word made only of digits (and short enough to be exact), its value, with the position after
	 * it; otherwise undefined and the position unchanged.
	 */
	private digitRun(): number | undefined {
		const bytes = this.bytes;
		const start = this.position;
		let at = start;
		let value = 0;
		while (at < bytes.length && bytes[at] >= 0x30 && bytes[at] <= 0x39) value = value * 10 + bytes[at++] - 0x30;
		if (at === start || at - start > 15 || (at < bytes.length && isRegular(bytes[at]))) return undefined;
		this.meter.spendWork(at - start + 1);
		this.position = at;
		return value;
	}

	/** `N G R`: looks ahead after an integer; leaves the position alone when it is just a number. */
	private referenceAfter(num: number): PdfRef | undefined {
		const save = this.position;
		this.skipWhitespaceAndComments();
		const gen = this.digitRun();
		if (gen !== undefined) {
			this.skipWhitespaceAndComments();
			const bytes = this.bytes;
			const at = this.position;
			if (bytes[at] === 0x52 && (at + 1 >= bytes.length || !isRegular(bytes[at + 1]))) {
				this.position = at + 1;
				this.meter.spendWork(1);
				return new PdfRef(num, gen);
			}
		}
		this.position = save;
		return undefined;
	}

	private name(): PdfName {
		this.position++;
		const start = this.position;
		const bytes = this.bytes;
		while (this.position < bytes.length && isRegular(bytes[this.position])) this.position++;
		this.meter.spendWork(this.position - start + 1);
		const raw = bytes.toString('latin1', start, this.position);
		return new PdfName(raw.includes('#') ? decodeName(raw) : raw);
	}

	private array(depth: number): PdfValue[] {
		this.position++;
		const items: PdfValue[] = [];
		for (;;) {
			this.skipWhitespaceAndComments();
			if (this.bytes[this.position] === 0x5d) {
				this.position++;
				return items;
			}
			if (this.position >= this.bytes.length) throw new PdfSyntaxError('unexpected end of file in an array');
			if (this.skippedStrayKeyword()) continue;
			items.push(this.value(depth + 1));
		}
	}

	/**
	 * Drops a keyword that has no place inside an array or dictionary (`R` after a reference, junk
	 * words), as qpdf does with a warning, so one stray token does not lose the object. A keyword that
	 * ends an object (`endobj`, `stream` ...) means the container is unterminated: a syntax error.
	 */
	private skippedStrayKeyword(): boolean {
		const code = this.bytes[this.position];
		const letter = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
		if (!letter) return false;
		const save = this.position;
		const word = this.word();
		if (word === 'true' || word === 'false' || word === 'null') {
			this.position = save;
			return false;
		}
		if (STRUCTURE_KEYWORDS.has(word)) throw new PdfSyntaxError(`unexpected '${word}' at byte ${save}`);
		return true;
	}

	private dictionary(depth: number): PdfDict {
		this.position += 2;
		const dict: PdfDict = new Map();
		for (;;) {
			this.skipWhitespaceAndComments();
			const bytes = this.bytes;
			if (bytes[this.position] === 0x3e && bytes[this.position + 1] === 0x3e) {
				this.position += 2;
				return dict;
			}
			if (this.position >= bytes.length) throw new PdfSyntaxError('unexpected end of file in a dictionary');
			if (this.skippedStrayKeyword()) continue;
			const key = this.value(depth + 1);
			// A stray value where a key belongs (`/X 1 0 R 0 R`) is dropped, as qpdf does.
			if (!(key instanceof PdfName)) continue;
			this.skipWhitespaceAndComments();
			if (bytes[this.position] === 0x3e && bytes[this.position + 1] === 0x3e) continue;
			if (this.skippedStrayKeyword()) continue;
			dict.set(key.name, this.value(depth + 1));
		}
	}

	private hexString(): PdfString {
		this.position++;
		const bytes = this.bytes;
		const end = bytes.indexOf(0x3e, this.position);
		this.meter.spendWork((end < 0 ? bytes.length : end) - this.position + 1);
		if (end < 0) throw new PdfSyntaxError('unterminated hex string');
		let digits = bytes.toString('latin1', this.position, end).replace(/[^0-9A-Fa-f]/g, '');
		if (digits.length % 2 === 1) digits += '0';
		this.position = end + 1;
		return new PdfString(Buffer.from(digits, 'hex'));
	}

	private literalString(): PdfString {
		const bytes = this.bytes;
		const start = this.position + 1;
		const end = literalStringEnd(bytes, start);
		this.meter.spendWork((end < 0 ? bytes.length : end + 1) - this.position);
		if (end < 0) throw new PdfSyntaxError('unterminated string');
		const out = Buffer.allocUnsafe(end - start);
		let length = 0;
		let at = start;
		while (at < end) {
			const code = bytes[at++];
			if (code !== 0x5c) {
				out[length++] = code;
				continue;
			}
			const escaped = bytes[at++];
			const simple = ESCAPES[escaped];
			if (simple !== undefined) out[length++] = simple;
			else if (escaped === 0x0d) {
				if (bytes[at] === 0x0a) at++;
			} else if (escaped === 0x0a) {
				// A line continuation.
			} else if (escaped >= 0x30 && escaped <= 0x37) {
				let octal = escaped - 0x30;
				for (let digits = 1; digits < 3 && bytes[at] >= 0x30 && bytes[at] <= 0x37; digits++) octal = octal * 8 + bytes[at++] - 0x30;
				out[length++] = octal & 0xff;
			} else if (escaped !== undefined) out[length++] = escaped;
		}
		this.position = end + 1;
		return new PdfString(out.subarray(0, length));
	}

	/** After the `stream` keyword: one EOL, then /Length bytes (or up to `endstream` if /Length is wrong). */
	private streamAfterKeyword(dict: PdfDict): PdfStream {
		const bytes = this.bytes;
		let start = this.position;
		if (bytes[start] === 0x0d) start++;
		if (bytes[start] === 0x0a) start++;
		const declared = this.resolveLength(dict.get('Length'));
		let end = declared === undefined ? -1 : start + declared;
		const believable = declared !== undefined && Number.isInteger(declared) && declared >= 0 && end <= bytes.length;
		if (!believable || !this.endstreamFollows(end)) {
			const keyword = bytes.indexOf(KEYWORD_END_STREAM, start);
			this.meter.spendWork((keyword < 0 ? bytes.length : keyword) - start);
			if (keyword < 0) throw new PdfSyntaxError('a stream has no endstream');
			end = keyword;
			if (bytes[end - 1] === 0x0a) end--;
			if (bytes[end - 1] === 0x0d) end--;
			end = Math.max(end, start);
		}
		const data = bytes.subarray(start, end);
		this.position = end;
		this.expectWord('endstream');
		return new PdfStream(dict, data);
	}

	private endstreamFollows(end: number): boolean {
		const bytes = this.bytes;
		let at = end;
		while (at < bytes.length && WHITESPACE[bytes[at]] === 1) at++;
		this.meter.spendWork(at - end);
		return bytes.toString('latin1', at, at + 9) === 'endstream';
	}
}

const ESCAPES: Record<number, number> = {
	0x6e: 0x0a, // n
	0x72: 0x0d, // r
	0x74: 0x09, // t
	0x62: 0x08, // b
	0x66: 0x0c, // f
	0x28: 0x28,
	0x29: 0x29,
	0x5c: 0x5c,
};

/** The index of the `)` that closes a literal string whose content starts at `start` (balanced parentheses, `\` escapes); -1 when unterminated. */
function literalStringEnd(bytes: Buffer, start: number): number {
	let nesting = 1;
	for (let at = start; at < bytes.length; at++) {
		const code = bytes[at];
		if (code === 0x5c) at++;
		else if (code === 0x28) nesting++;
		else if (code === 0x29 && --nesting === 0) return at;
	}
	return -1;
}

function decodeName(raw: string): string {
	return raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** PDF numbers: integers and reals without exponents; writers sometimes emit `--5` or `5.`, which readers accept. */
function parseNumber(word: string): number | undefined {
	if (!/^[+-]*(?:\d+(?:\.\d*)?|\.\d+)$/.test(word)) return undefined;
	const negative = (word.match(/-/g) ?? []).length % 2 === 1;
	const value = Number(word.replace(/^[+-]+/, ''));
	return negative ? -value : value;
}
