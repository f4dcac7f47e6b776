import { attempt } from '../attempt';
import { BudgetProblem, ReadBudget } from '../budget';
import { DocumentProblem } from '../problem';
import { decodeStream } from './filters';
import { Lexer, PdfSyntaxError } from './lexer';
import { PdfRef, PdfStream } from './objects';
import type { PdfDict, PdfValue } from './objects';
import { RESAVE_PDF, readObjectStreamHeader, readXref, rebuildXref } from './xref';
import type { Xref } from './xref';

interface ObjectStream {
	data: Buffer;
	offsets: Map<number, number>;
}

/** Loading one object may load others (an indirect /Length, an object stream, its /Filter); real files nest a few deep. */
const MAX_NESTED_LOADS = 32;

/**
 * Random access to a PDF's objects, parsed on demand and cached (streams stay views of the file,
 * so the cache holds little beyond dictionaries). When an xref offset does not point at the object
 * it names, the index is rebuilt once by scanning the file, and the lookup retried.
 * Everything read is spent from one ReadBudget per file (../budget.ts): the bytes the lexer goes
 * over and the bytes decoded. Decoded object streams stay cached (each is decoded once), so what
 * they hold is bounded by the same budget.
 */
export class PdfFile {
	private xref: Xref;
	readonly budget: ReadBudget;
	private readonly objects = new Map<number, PdfValue>();
	private readonly objectStreams = new Map<number, ObjectStream>();
	/** Objects being loaded: a /Length that refers back to its own object must not recurse forever. */
	private readonly loading = new Set<number>();
	private readonly decode = (stream: PdfStream) => decodeStream(stream, (value) => this.resolve(value), this.budget);

	constructor(readonly bytes: Buffer) {
		this.budget = new ReadBudget(bytes.length, { what: 'PDF', fix: RESAVE_PDF });
		const read = attempt(() => readXref(bytes, this.decode, this.budget));
		// Any damage to the index (bad syntax, damaged or unreadable compressed rows) is worth a rebuild by
		// scanning; a budget breach is not (scanning would only spend more).
		if (!read.ok && !(read.error instanceof PdfSyntaxError || isDamage(read.error))) throw read.error;
		this.xref = read.ok ? read.value : rebuildXref(bytes, this.decode, this.budget);
	}

	get trailer(): PdfDict {
		return this.xref.trailer;
	}

	get rebuilt(): boolean {
		return this.xref.rebuilt;
	}

	/** Rebuilds the index by scanning (once); returns whether it did. */
	rebuild(): boolean {
		if (this.xref.rebuilt) return false;
		this.xref = rebuildXref(this.bytes, this.decode, this.budget);
		this.objects.clear();
		this.objectStreams.clear();
		return true;
	}

	resolve(value: PdfValue | undefined): PdfValue | undefined {
		return value instanceof PdfRef ? this.get(value) : value;
	}

	/** An object by reference; an object that is missing or unreadable is null, as ISO 32000 §7.3.10 says. */
	get(ref: PdfRef): PdfValue {
		const cached = this.objects.get(ref.num);
		if (cached !== undefined) return cached;
		// Not cached: the same object may well be readable from a shallower place.
		if (this.loading.has(ref.num) || this.loading.size >= MAX_NESTED_LOADS) return null;
		this.loading.add(ref.num);
		let value: PdfValue | undefined;
		try {
			value = this.load(ref.num);
			if (value === undefined && this.rebuild()) value = this.load(ref.num);
		} finally {
			this.loading.delete(ref.num);
		}
		const result = value ?? null;
		this.objects.set(ref.num, result);
		return result;
	}

	/** undefined when the index is wrong about this object (a rebuild may help). */
	private load(num: number): PdfValue | undefined {
		const entry = this.xref.entries.get(num);
		if (!entry || entry.kind === 'free') return null;
		const loaded = attempt(() => {
			if (entry.kind === 'compressed') return this.loadCompressed(num, entry.stream);
			const lexer = new Lexer(this.bytes, entry.offset, (length) => this.streamLength(length), this.budget);
			const header = lexer.objectHeader();
			if (header?.num !== num) return undefined;
			return lexer.indirectValue();
		});
		if (loaded.ok) return loaded.value;
		if (loaded.error instanceof PdfSyntaxError) return undefined;
		throw loaded.error;
	}

	private streamLength(length: PdfValue | undefined): number | undefined {
		const value = length instanceof PdfRef ? this.get(length) : length;
		return typeof value === 'number' ? value : undefined;
	}

	private loadCompressed(num: number, streamNum: number): PdfValue | undefined {
		const objectStream = this.objectStream(streamNum);
		const offset = objectStream?.offsets.get(num);
		if (!objectStream || offset === undefined) return undefined;
		return new Lexer(objectStream.data, offset, undefined, this.budget).value(0);
	}

	private objectStream(num: number): ObjectStream | undefined {
		const cached = this.objectStreams.get(num);
		if (cached) return cached;
		const stream = this.get(new PdfRef(num, 0));
		if (!(stream instanceof PdfStream)) return undefined;
		const data = this.decode(stream);
		const offsets = new Map(readObjectStreamHeader(data, stream.dict, this.budget).map(({ num: inner, offset }) => [inner, offset]));
		const objectStream = { data, offsets };
		this.objectStreams.set(num, objectStream);
		return objectStream;
	}
}

function isDamage(error: unknown): boolean {
	return error instanceof DocumentProblem && !(error instanceof BudgetProblem);
}
