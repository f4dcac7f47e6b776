/**
 * Structure-aware mutations. Each takes the bytes and the PRNG and returns new bytes and a short
 * description (for the failure report). Text-aware mutations work on PDF and XML syntax (numbers,
 * keywords, nesting, streams); binary ones on fixed-width integers and spans.
 */
import * as zlib from '../nodejs/zlib.cjs';

import type { Rng } from './prng';
import { packOfd } from './seeds';
import type { OfdEntry, Seed } from './seeds';

export interface Mutated {
	bytes: Buffer;
	steps: string[];
}

/** Mutated files stay under this size (the per-case bounds are stated for files under 1 MB). */
export const MAX_CASE_BYTES = 1024 * 1024 - 1;

type Mutation = (bytes: Buffer, rng: Rng, corpus: readonly Seed[]) => [Buffer, string];

const INTERESTING_NUMBERS = [
	'0', '-1', '1', '2', '-2147483649', '2147483647', '4294967295', '4294967296', '65535', '65536',
	'1e9', '1e7', '100000000', '1000000000', '99999999999999999999', '9007199254740993', '1e308', '1e400',
	'-0', '0.5', '-7.25', 'NaN', '00000000000000000000000000001', '+5', '--3',
];

const INTERESTING_INTEGERS = [0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xfffe, 0xffff, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];

const PDF_ENTRIES = [
	'/N 100000000 ', '/N -1 ', '/First 999999 ', '/First -4 ', '/W [0 0 0] ', '/W [1 8 1] ', '/W [4 4 4 4] ', '/W [-1 2 1] ',
	'/Index [0 1000000000] ', '/Index [5 -3] ', '/Index [0] ', '/Size 10000000 ', '/Size -1 ', '/Columns -1 ', '/Columns 0 ',
	'/Columns 100000000 ', '/Predictor 12 ', '/Predictor 2 ', '/Predictor 15 /Columns 7 /Colors 3 /BitsPerComponent 16 ',
	'/Colors 0 ', '/BitsPerComponent 3 ', '/Count -5 ', '/Count 1000000000 ', '/Length 999999999 ', '/Length -10 ',
	'/Filter /FlateDecode ', '/Filter [/FlateDecode /FlateDecode] ', '/Filter /LZWDecode ', '/Prev 0 ', '/Prev 9 ',
	'/XRefStm 0 ', '/Kids [1 0 R 1 0 R] ', '/Kids [<</Type /Page>> 3 0 R] ', '/Parent 1 0 R ', '/Pages 1 0 R ', '/Root 2 0 R ',
	'/Type /Pages ', '/Type /Page ', '/Type /ObjStm ', '/Type /XRef ', '/Encrypt 1 0 R ', '/Extends 5 0 R ', '/X 1 0 R 0 R ',
	'/Resources 1 0 R ', '/Contents [1 0 R 1 0 R 1 0 R] ', '/DecodeParms <</Predictor 12 /Columns 4>> ',
];

const PDF_KEYWORDS = ['obj', 'endobj', 'stream', 'endstream', 'xref', 'trailer', 'startxref', 'R', 'null', 'true', '%%EOF', '<<', '>>', '[', ']', 'f', 'n'];

function latin1(bytes: Buffer): string {
	return bytes.toString('latin1');
}

function fromLatin1(text: string): Buffer {
	return Buffer.from(text, 'latin1');
}

function splice(bytes: Buffer, at: number, remove: number, insert: Buffer): Buffer {
	return Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(at + remove)]);
}

/** Finds the occurrence of `pattern` nearest after a random offset (wrapping), or -1. */
function randomOccurrence(text: string, pattern: RegExp, rng: Rng): RegExpExecArray | null {
	const global = new RegExp(pattern.source, 'g');
	global.lastIndex = rng.below(text.length);
	const after = global.exec(text);
	if (after) return after;
	global.lastIndex = 0;
	return global.exec(text);
}

const bitFlips: Mutation = (bytes, rng) => {
	const copy = Buffer.from(bytes);
	const flips = rng.between(1, 8);
	for (let index = 0; index < flips && copy.length > 0; index++) copy[rng.below(copy.length)] ^= 1 << rng.below(8);
	return [copy, `flip ${flips} bits`];
};

const truncate: Mutation = (bytes, rng) => {
	const keep = rng.chance(0.5) ? bytes.length - rng.length(bytes.length) : rng.below(bytes.length);
	return [bytes.subarray(0, Math.max(0, keep)), `truncate to ${keep}`];
};

const deleteSpan: Mutation = (bytes, rng) => {
	const at = rng.below(bytes.length);
	const length = rng.length(bytes.length - at);
	return [splice(bytes, at, length, Buffer.alloc(0)), `delete ${length} at ${at}`];
};

const duplicateSpan: Mutation = (bytes, rng) => {
	const from = rng.below(bytes.length);
	const length = rng.length(Math.min(4096, bytes.length - from));
	const times = rng.chance(0.7) ? 1 : rng.length(2000);
	const span = bytes.subarray(from, from + length);
	const insert = Buffer.concat(Array.from({ length: times }, () => span));
	const at = rng.below(bytes.length + 1);
	return [splice(bytes, at, 0, insert), `duplicate ${length} bytes from ${from} ${times}x at ${at}`];
};

const replaceNumber: Mutation = (bytes, rng) => {
	const text = latin1(bytes);
	const match = randomOccurrence(text, /-?\d+(?:\.\d+)?/, rng);
	if (!match) return [bytes, 'no number'];
	const value = rng.chance(0.8) ? rng.pick(INTERESTING_NUMBERS) : String(rng.next() - 0x80000000);
	return [splice(bytes, match.index, match[0].length, fromLatin1(value)), `number ${match[0]} at ${match.index} -> ${value}`];
};

const writeInteger: Mutation = (bytes, rng) => {
	if (bytes.length < 4) return [bytes, 'too short'];
	const copy = Buffer.from(bytes);
	// Header fields sit near the start: favour the first 64 bytes.
	const at = rng.chance(0.5) ? rng.below(Math.min(64, copy.length - 3)) : rng.below(copy.length - 3);
	const value = rng.chance(0.8) ? rng.pick(INTERESTING_INTEGERS) : rng.next();
	const width = rng.pick([1, 2, 4]);
	const bigEndian = rng.chance(0.5);
	if (width === 1) copy[at] = value & 0xff;
	else if (width === 2 && bigEndian) copy.writeUInt16BE(value & 0xffff, at);
	else if (width === 2) copy.writeUInt16LE(value & 0xffff, at);
	else if (bigEndian) copy.writeUInt32BE(value >>> 0, at);
	else copy.writeUInt32LE(value >>> 0, at);
	return [copy, `u${width * 8}${bigEndian ? 'be' : 'le'} ${value} at ${at}`];
};

const NESTINGS = ['[', '<<', '<< /K ', '(', '<< /Kids [', '[[<< /A '];

const nest: Mutation = (bytes, rng) => {
	const open = rng.pick(NESTINGS);
	const depth = rng.pick([10, 100, 1000, 10_000, 60_000]);
	const closed = rng.chance(0.5);
	const close = open.includes('(') ? ')' : open.includes('[') && open.includes('<<') ? ']>>' : open.startsWith('[') ? ']' : ' 1 >>';
	let insert = open.repeat(depth) + (closed ? close.repeat(depth) : '');
	insert = insert.slice(0, 400_000);
	const text = latin1(bytes);
	const anchor = randomOccurrence(text, /<<|\[|obj/, rng);
	const at = anchor ? anchor.index + anchor[0].length : rng.below(bytes.length + 1);
	return [splice(bytes, at, 0, fromLatin1(insert)), `nest '${open}' x${depth}${closed ? ' closed' : ''} at ${at}`];
};

const insertEntry: Mutation = (bytes, rng) => {
	const text = latin1(bytes);
	const anchor = randomOccurrence(text, /<</, rng);
	const at = anchor ? anchor.index + 2 : rng.below(bytes.length + 1);
	const entry = rng.pick(PDF_ENTRIES);
	return [splice(bytes, at, 0, fromLatin1(entry)), `insert '${entry.trim()}' at ${at}`];
};

const replaceKeyword: Mutation = (bytes, rng) => {
	const text = latin1(bytes);
	const match = randomOccurrence(text, /\b(?:obj|endobj|stream|endstream|xref|trailer|startxref|R|null)\b|%%EOF|<<|>>|\[|\]/, rng);
	if (!match) return [bytes, 'no keyword'];
	const replacement = rng.chance(0.3) ? '' : rng.pick(PDF_KEYWORDS);
	return [splice(bytes, match.index, match[0].length, fromLatin1(replacement)), `keyword ${match[0]} at ${match.index} -> '${replacement}'`];
};

/** Stream bodies (between `stream` and `endstream`) of a file, as [start, end) spans. */
function streamSpans(text: string): Array<[number, number]> {
	const spans: Array<[number, number]> = [];
	const pattern = /stream\r?\n/g;
	let match: RegExpExecArray | null;
	while ((match = pattern.exec(text)) !== null && spans.length < 64) {
		const start = match.index + match[0].length;
		const end = text.indexOf('endstream', start);
		if (end < 0) break;
		spans.push([start, end]);
		pattern.lastIndex = end + 9;
	}
	return spans;
}

/** Replaces a stream body of this file with a stream body (or any span) of another seed. */
const spliceStream: Mutation = (bytes, rng, corpus) => {
	const donor = rng.pick(corpus);
	const donorSpans = streamSpans(latin1(donor.bytes));
	let insert: Buffer;
	let from: string;
	if (donorSpans.length > 0 && rng.chance(0.7)) {
		const [start, end] = rng.pick(donorSpans);
		insert = donor.bytes.subarray(start, end);
		from = `stream ${start}-${end}`;
	} else {
		const start = rng.below(donor.bytes.length);
		insert = donor.bytes.subarray(start, start + rng.length(Math.min(65536, donor.bytes.length - start)));
		from = `span ${start}+${insert.length}`;
	}
	const spans = streamSpans(latin1(bytes));
	if (spans.length > 0 && rng.chance(0.8)) {
		const [start, end] = rng.pick(spans);
		return [splice(bytes, start, end - start, insert), `splice ${from} of '${donor.name}' into stream ${start}-${end}`];
	}
	const at = rng.below(bytes.length + 1);
	const remove = rng.chance(0.5) ? 0 : rng.length(bytes.length - at);
	return [splice(bytes, at, remove, insert), `splice ${from} of '${donor.name}' at ${at} over ${remove}`];
};

/**
 * Mutates the decoded content of a compressed stream (object streams, xref streams, content) and
 * compresses it again, fixing its /Length: reaches the object-stream header and the xref rows,
 * which byte mutations of the compressed bytes almost never produce.
 */
const mutateInsideStream: Mutation = (bytes, rng, corpus) => {
	const text = latin1(bytes);
	const spans = streamSpans(text);
	if (spans.length === 0) return [bytes, 'no stream'];
	const [start, end] = rng.pick(spans);
	let body = bytes.subarray(start, end);
	if (body.length > 0 && body[body.length - 1] === 0x0a) body = body.subarray(0, body.length - (body[body.length - 2] === 0x0d ? 2 : 1));
	let decoded: Buffer;
	try {
		decoded = zlib.inflateSync(body);
	} catch {
		return [bytes, 'stream not compressed'];
	}
	if (decoded.length > MAX_CASE_BYTES) return [bytes, 'stream too large'];
	const inner = rng.pick([replaceNumber, replaceNumber, insertEntry, nest, bitFlips, writeInteger, deleteSpan, duplicateSpan]);
	const [changed, step] = inner(decoded, rng, corpus);
	const packed = zlib.deflateSync(changed);
	let result = splice(bytes, start, body.length, packed);
	const lengthAt = text.lastIndexOf('/Length', start);
	const length = lengthAt >= 0 && start - lengthAt < 400 ? /^\/Length\s+(\d+)(?!\d)(?!\s+\d+\s+R)/.exec(text.slice(lengthAt, lengthAt + 30)) : null;
	if (length) result = splice(result, lengthAt, length[0].length, fromLatin1(`/Length ${packed.length}`));
	return [result, `inside stream ${start}-${end} (${decoded.length} bytes decoded): ${step}`];
};

const XML_ATTACKS = [
	(rng: Rng) => ' '.repeat(rng.pick([100, 2000, 20_000, 200_000])),
	(rng: Rng) => '<ofd:Pages>'.repeat(rng.pick([10, 1000, 30_000])),
	(rng: Rng) => '<ofd:Page '.repeat(rng.pick([10, 1000, 30_000])),
	(rng: Rng) => '<ofd:DocRoot>'.repeat(rng.pick([10, 1000, 30_000])),
	(rng: Rng) => `<ofd:DocRoot>${' '.repeat(rng.pick([100, 2000, 20_000]))}`,
	(rng: Rng) => `${'<'.repeat(rng.pick([100, 10_000]))}`,
	(rng: Rng) => `<a:${'b.'.repeat(rng.pick([100, 10_000]))}`,
	() => '</ofd:Pages>',
	() => '<ofd:DocRoot>../../OFD.xml</ofd:DocRoot>',
	() => '<ofd:DocRoot>/</ofd:DocRoot>',
];

/** Changes the XML of an OFD entry (so the ZIP layer stays valid and the XML reader is reached) and packs it again. */
function mutateOfdXml(seed: Seed, rng: Rng): [Buffer, string] {
	const entries: OfdEntry[] = seed.entries!.map((entry) => ({ ...entry }));
	const entry = entries[rng.below(Math.min(entries.length, 2))];
	const at = rng.below(entry.text.length + 1);
	const attack = rng.pick(XML_ATTACKS)(rng);
	const remove = rng.chance(0.3) ? rng.length(entry.text.length - at) : 0;
	entry.text = entry.text.slice(0, at) + attack + entry.text.slice(at + remove);
	const deflate = rng.chance(0.5);
	return [packOfd(entries, deflate), `xml of ${entry.name}: insert ${attack.length} chars '${attack.slice(0, 24)}…' at ${at} over ${remove}, ${deflate ? 'deflated' : 'stored'}`];
}

const GENERIC: Array<[Mutation, number]> = [
	[bitFlips, 4],
	[truncate, 2],
	[deleteSpan, 2],
	[duplicateSpan, 2],
	[writeInteger, 3],
	[spliceStream, 1],
];

const TEXT: Array<[Mutation, number]> = [
	[replaceNumber, 4],
	[mutateInsideStream, 3],
	[insertEntry, 3],
	[nest, 1],
	[replaceKeyword, 2],
	[spliceStream, 2],
];

function weighted(rng: Rng, choices: Array<[Mutation, number]>): Mutation {
	const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
	let ticket = rng.below(total);
	for (const [mutation, weight] of choices) {
		ticket -= weight;
		if (ticket < 0) return mutation;
	}
	return choices[0][0];
}

/** One to four mutations of `seed`; PDFs get the text-aware ones more often, OFD packages sometimes an XML one first. */
export function mutate(seed: Seed, rng: Rng, corpus: readonly Seed[]): Mutated {
	let bytes = seed.bytes;
	const steps: string[] = [];
	let count = rng.length(4) || 1;
	if (seed.kind === 'ofd' && seed.entries && rng.chance(0.6)) {
		const [packed, step] = mutateOfdXml(seed, rng);
		bytes = packed;
		steps.push(step);
		count = rng.chance(0.5) ? 0 : count - 1;
	}
	const textWeight = seed.kind === 'pdf' ? 0.65 : 0.1;
	for (let index = 0; index < count; index++) {
		const mutation = weighted(rng, rng.chance(textWeight) ? TEXT : GENERIC);
		const [next, step] = mutation(bytes, rng, corpus);
		bytes = next.length > MAX_CASE_BYTES ? next.subarray(0, MAX_CASE_BYTES) : next;
		steps.push(next.length > MAX_CASE_BYTES ? `${step} (cut to ${MAX_CASE_BYTES})` : step);
	}
	return { bytes, steps };
}
