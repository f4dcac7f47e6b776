import { attempt } from '../attempt';
import { DocumentProblem } from '../problem';
import { Lexer, PdfSyntaxError, isWhitespace } from './lexer';
import type { WorkMeter } from './lexer';
import { PdfRef, PdfStream, isDict, nameOf, numberOf } from './objects';
import type { PdfDict, PdfValue } from './objects';

/**
 * The cross-reference index: where each object lives. Read from the file's xref sections
 * (classic tables and xref streams, newest first through /Prev, newest entry wins), or rebuilt by
 * scanning for `N G obj` when they are missing or wrong, as qpdf and pdf.js do.
 */

export type XrefEntry =
	| { kind: 'offset'; offset: number }
	| { kind: 'compressed'; stream: number; index: number }
	| { kind: 'free' };

export interface Xref {
	entries: Map<number, XrefEntry>;
	trailer: PdfDict;
	/** Whether the index was rebuilt by scanning the file. */
	rebuilt: boolean;
}

/** Decodes an object or xref stream's data (FlateDecode with predictors). */
export type StreamDecoder = (stream: PdfStream) => Buffer;

const MAX_SECTIONS = 1000;
/** The shortest classic xref entry a lenient reader accepts: `0 0 n` and a separator. */
const MIN_TABLE_ENTRY_BYTES = 6;

export function readXref(bytes: Buffer, decode: StreamDecoder, meter?: WorkMeter): Xref {
	const entries = new Map<number, XrefEntry>();
	let trailer: PdfDict | undefined;
	const visited = new Set<number>();
	const pending = [findStartXref(bytes)];
	while (pending.length > 0) {
		const offset = pending.shift() as number;
		if (visited.has(offset)) continue;
		if (visited.size >= MAX_SECTIONS) throw new PdfSyntaxError('too many xref sections');
		visited.add(offset);
		const section = readSection(new Lexer(bytes, offset, undefined, meter), entries, decode);
		trailer = trailer ? mergeTrailer(trailer, section) : section;
		// A hybrid file's /XRefStm holds the objects its table leaves out; it ranks before /Prev.
		const stream = numberOf(section.get('XRefStm'));
		const previous = numberOf(section.get('Prev'));
		if (stream !== undefined) pending.unshift(stream);
		if (previous !== undefined) pending.push(previous);
	}
	if (!trailer) throw new PdfSyntaxError('no trailer');
	return { entries, trailer, rebuilt: false };
}

function mergeTrailer(newer: PdfDict, older: PdfDict): PdfDict {
	const merged = new Map(older);
	for (const [key, value] of newer) merged.set(key, value);
	return merged;
}

function findStartXref(bytes: Buffer): number {
	const at = bytes.lastIndexOf('startxref', bytes.length, 'latin1');
	if (at < 0) throw new PdfSyntaxError('no startxref');
	const lexer = new Lexer(bytes, at + 'startxref'.length);
	const offset = Number(lexer.word());
	if (!Number.isInteger(offset) || offset < 0 || offset >= bytes.length) throw new PdfSyntaxError('bad startxref');
	return offset;
}

function readSection(lexer: Lexer, entries: Map<number, XrefEntry>, decode: StreamDecoder): PdfDict {
	const save = lexer.position;
	if (lexer.word() === 'xref') return readTable(lexer, entries);
	lexer.position = save;
	return readStream(lexer, entries, decode);
}

function setIfAbsent(entries: Map<number, XrefEntry>, num: number, entry: XrefEntry): void {
	if (!entries.has(num)) entries.set(num, entry);
}

function readTable(lexer: Lexer, entries: Map<number, XrefEntry>): PdfDict {
	for (;;) {
		const word = lexer.word();
		if (word === 'trailer') break;
		const count = Number(lexer.word());
		let first = Number(word);
		if (!/^\d+$/.test(word) || !Number.isInteger(count)) throw new PdfSyntaxError(`bad xref subsection '${word}'`);
		if (count * MIN_TABLE_ENTRY_BYTES > lexer.bytes.length - lexer.position) {
			throw new PdfSyntaxError(`an xref subsection declares ${count} entries, more than the rest of the file holds`);
		}
		for (let index = 0; index < count; index++) {
			const offset = Number(lexer.word());
			const gen = Number(lexer.word());
			const type = lexer.word();
			if (!Number.isInteger(offset) || !Number.isInteger(gen) || (type !== 'n' && type !== 'f')) {
				throw new PdfSyntaxError('bad xref entry');
			}
			// A known writer bug: the table starts at 1 although its first entry is object 0's free entry.
			if (index === 0 && first === 1 && type === 'f' && gen === 65535 && offset === 0) first = 0;
			setIfAbsent(entries, first + index, type === 'n' ? { kind: 'offset', offset } : { kind: 'free' });
		}
	}
	const trailer = lexer.value(0);
	if (!isDict(trailer)) throw new PdfSyntaxError('the trailer is not a dictionary');
	return trailer;
}

function readStream(lexer: Lexer, entries: Map<number, XrefEntry>, decode: StreamDecoder): PdfDict {
	if (!lexer.objectHeader()) throw new PdfSyntaxError('the xref offset points to neither a table nor a stream');
	const stream = lexer.indirectValue();
	if (!(stream instanceof PdfStream) || nameOf(stream.dict.get('Type')) !== 'XRef') {
		throw new PdfSyntaxError('the xref offset points to an object that is not an xref stream');
	}
	const dict = stream.dict;
	const widths = dict.get('W');
	const size = numberOf(dict.get('Size'));
	if (!Array.isArray(widths) || widths.length < 3 || size === undefined) throw new PdfSyntaxError('bad xref stream');
	const [typeWidth, fieldWidth, genWidth] = widths.map((width) => numberOf(width) ?? -1);
	if ([typeWidth, fieldWidth, genWidth].some((width) => !Number.isInteger(width) || width < 0 || width > 8)) {
		throw new PdfSyntaxError('bad /W');
	}
	const rowLength = typeWidth + fieldWidth + genWidth;
	// A row of no bytes holds nothing: /Size or /Index could then claim any number of objects.
	if (rowLength === 0) throw new PdfSyntaxError('the xref stream has /W [0 0 0]');
	const index = dict.get('Index');
	const ranges = Array.isArray(index) ? index.map((value) => numberOf(value) ?? -1) : [0, size];
	if (ranges.some((value) => !Number.isSafeInteger(value) || value < 0)) throw new PdfSyntaxError('bad /Index');
	const data = decode(stream);
	let declared = 0;
	for (let range = 1; range < ranges.length; range += 2) declared += ranges[range];
	if (declared * rowLength > data.length) {
		throw new PdfSyntaxError(`the xref stream declares ${declared} entries in ${data.length} bytes`);
	}
	let at = 0;
	for (let range = 0; range + 1 < ranges.length; range += 2) {
		for (let num = ranges[range], end = ranges[range] + ranges[range + 1]; num < end; num++) {
			const type = typeWidth === 0 ? 1 : readField(data, at, typeWidth);
			const field = readField(data, at + typeWidth, fieldWidth);
			const second = readField(data, at + typeWidth + fieldWidth, genWidth);
			at += rowLength;
			if (type === 0) setIfAbsent(entries, num, { kind: 'free' });
			else if (type === 1) setIfAbsent(entries, num, { kind: 'offset', offset: field });
			else if (type === 2) setIfAbsent(entries, num, { kind: 'compressed', stream: field, index: second });
		}
	}
	return dict;
}

function readField(data: Buffer, at: number, width: number): number {
	let value = 0;
	for (let index = 0; index < width; index++) value = value * 256 + data[at + index];
	return value;
}

const OBJ = Buffer.from('obj');

/**
 * Rebuilds the index by finding every `N G obj` in the file (a later definition wins, as in an
 * incremental update), plus the objects inside object streams. The trailer is the last `trailer`
 * dictionary or xref stream that names a /Root; failing that, the last /Catalog found.
 */
export function rebuildXref(bytes: Buffer, decode: StreamDecoder, meter?: WorkMeter): Xref {
	const entries = new Map<number, XrefEntry>();
	const objectStreams: number[] = [];
	const catalogs: number[] = [];
	const xrefStreams: number[] = [];
	meter?.spendWork(bytes.length);
	for (let at = bytes.indexOf(OBJ, 0); at >= 0; ) {
		const next = bytes.indexOf(OBJ, at + 3);
		const header = headerBefore(bytes, at);
		if (header && !isRegularAt(bytes, at + 3)) {
			entries.set(header.num, { kind: 'offset', offset: header.start });
			// Up to the next `obj` only, so the peeks together cover the file at most once.
			const peekEnd = Math.min(next < 0 ? bytes.length : next, at + 512);
			const type = typeNameIn(bytes.toString('latin1', at + 3, peekEnd));
			if (type === 'ObjStm') objectStreams.push(header.num);
			if (type === 'Catalog') catalogs.push(header.num);
			if (type === 'XRef') xrefStreams.push(header.num);
		}
		at = next;
	}
	const readObject = (num: number): PdfValue | undefined => {
		const entry = entries.get(num);
		if (entry?.kind !== 'offset') return undefined;
		return unlessSyntaxError(() => {
			const lexer = new Lexer(bytes, entry.offset, undefined, meter);
			lexer.objectHeader();
			return lexer.indirectValue();
		});
	};
	for (const streamNum of objectStreams) {
		const stream = readObject(streamNum);
		if (!(stream instanceof PdfStream)) continue;
		// A damaged object stream loses only its own objects.
		const numbers = unlessSyntaxError(() => objectStreamNumbers(stream, decode)) ?? [];
		numbers.forEach((num, index) => setIfAbsent(entries, num, { kind: 'compressed', stream: streamNum, index }));
	}
	const trailer = lastTrailer(bytes, meter) ?? lastXrefStreamTrailer(xrefStreams, readObject) ?? catalogTrailer(catalogs);
	if (!trailer) throw new PdfSyntaxError('no document catalog found');
	return { entries, trailer, rebuilt: true };
}

/** The value of the first `/Type /Name` in `text` (the start of an object), found without a regular expression. */
function typeNameIn(text: string): string | undefined {
	const at = text.indexOf('/Type');
	if (at < 0) return undefined;
	let start = at + 5;
	while (start < text.length && isWhitespace(text.charCodeAt(start))) start++;
	if (text[start] !== '/') return undefined;
	let end = ++start;
	while (end < text.length && !isWhitespace(text.charCodeAt(end)) && !'()<>[]{}/%'.includes(text[end])) end++;
	return text.slice(start, end);
}

/** The value of `read`, or undefined when the bytes are not valid syntax; a budget breach or any other problem goes on. */
function unlessSyntaxError<T>(read: () => T): T | undefined {
	const outcome = attempt(read);
	if (outcome.ok) return outcome.value;
	if (outcome.error instanceof PdfSyntaxError) return undefined;
	throw outcome.error;
}

/** `N G` right before `obj` at `at`, separated by whitespace: the object number and where the header starts. */
function headerBefore(bytes: Buffer, at: number): { num: number; start: number } | undefined {
	let position = at - 1;
	const skipSpaces = () => {
		const end = position;
		while (position >= 0 && isWhitespace(bytes[position])) position--;
		return end - position;
	};
	const digitsBackwards = () => {
		const end = position;
		while (position >= 0 && bytes[position] >= 0x30 && bytes[position] <= 0x39) position--;
		return bytes.toString('latin1', position + 1, end + 1);
	};
	if (skipSpaces() === 0) return undefined;
	if (digitsBackwards() === '') return undefined;
	if (skipSpaces() === 0) return undefined;
	const num = digitsBackwards();
	if (num === '' || num.length > 10 || (position >= 0 && isRegularAt(bytes, position))) return undefined;
	return { num: Number(num), start: position + 1 };
}

function isRegularAt(bytes: Buffer, at: number): boolean {
	if (at >= bytes.length) return false;
	const code = bytes[at];
	return !isWhitespace(code) && !'()<>[]{}/%'.includes(String.fromCharCode(code));
}

function lastTrailer(bytes: Buffer, meter: WorkMeter | undefined): PdfDict | undefined {
	for (let at = bytes.lastIndexOf('trailer', bytes.length, 'latin1'); at >= 0; at = bytes.lastIndexOf('trailer', at - 1, 'latin1')) {
		// Not found here: keep looking further back.
		const trailer = unlessSyntaxError(() => new Lexer(bytes, at + 'trailer'.length, undefined, meter).value(0));
		if (isDict(trailer) && trailer.get('Root') instanceof PdfRef) return trailer;
		if (at === 0) break;
	}
	return undefined;
}

function lastXrefStreamTrailer(nums: number[], readObject: (num: number) => PdfValue | undefined): PdfDict | undefined {
	for (const num of [...nums].reverse()) {
		const stream = readObject(num);
		if (stream instanceof PdfStream && stream.dict.get('Root') instanceof PdfRef) return stream.dict;
	}
	return undefined;
}

function catalogTrailer(catalogs: number[]): PdfDict | undefined {
	const last = catalogs[catalogs.length - 1];
	return last === undefined ? undefined : new Map([['Root', new PdfRef(last, 0)]]);
}

/** The object numbers an object stream holds, in order (its header: pairs of number and offset). */
export function objectStreamNumbers(stream: PdfStream, decode: StreamDecoder, meter?: WorkMeter): number[] {
	return readObjectStreamHeader(decode(stream), stream.dict, meter).map((entry) => entry.num);
}

/** What to do with a PDF whose structure is impossible or too costly to read. */
export const RESAVE_PDF = 'Re-save it with a PDF tool (for example "Print to PDF") or send the pages as images instead.';

/** The shortest pair in an object stream's header: `1 0` and a separator. */
const MIN_HEADER_PAIR_BYTES = 4;

/**
 * The pairs of object number and offset at the start of an object stream. /N and /First are
 * checked against the data before they drive a loop: a count the header cannot hold is a crafted or
 * damaged file, refused with what to do.
 */
export function readObjectStreamHeader(data: Buffer, dict: PdfDict, meter?: WorkMeter): Array<{ num: number; offset: number }> {
	const count = numberOf(dict.get('N')) ?? 0;
	const first = numberOf(dict.get('First')) ?? 0;
	if (!Number.isInteger(first) || first < 0 || first > data.length) throw new PdfSyntaxError(`bad object stream /First ${first}`);
	if (!Number.isInteger(count) || count < 0 || count * MIN_HEADER_PAIR_BYTES > first + 1) {
		throw new DocumentProblem(
			`The PDF declares ${count} objects in an object stream of ${data.length} bytes; the file is damaged or crafted`,
			RESAVE_PDF,
		);
	}
	const lexer = new Lexer(data, 0, undefined, meter);
	const header: Array<{ num: number; offset: number }> = [];
	for (let index = 0; index < count; index++) {
		const num = lexer.word();
		const offset = lexer.word();
		if (!/^\d+$/.test(num) || !/^\d+$/.test(offset) || lexer.position > first) {
			throw new PdfSyntaxError('bad object stream header');
		}
		header.push({ num: Number(num), offset: first + Number(offset) });
	}
	return header;
}
