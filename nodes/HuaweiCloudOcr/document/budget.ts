import { DocumentProblem } from './problem';

/**
 * What reading one file may cost, stated once and tied to its size (every file is hostile):
 * - decoded bytes (inflated object and xref streams, ZIP entries), all streams of the file
 *   together: 1 MiB plus 8 times the file's size, at most 256 MiB;
 * - work (bytes the lexer and scanners go over, one unit per Huffman table entry inflate builds):
 *   4 MiB plus 8 times the bytes there are to read, the file's size plus the bytes decoded so far.
 * Real files need a small fraction of both (their structure is read about once: the test corpus
 * needs 0.01–0.97 units of work per byte); a file that needs more is damaged or crafted, and is
 * refused with a BudgetProblem (a DocumentProblem) before it can hold up n8n.
 */
const DECODED_BASE = 1024 * 1024;
const DECODED_PER_FILE_BYTE = 8;
const MAX_DECODED = 256 * 1024 * 1024;
const WORK_BASE = 4 * 1024 * 1024;
const WORK_PER_BYTE = 8;

/** A PDF read page by page is at most this large (it is held in memory while its pages are sent). */
export const MAX_SPLIT_PDF_BYTES = 200 * 1000 * 1000;

export function decodedBytesAllowed(fileSize: number): number {
	return Math.min(MAX_DECODED, DECODED_BASE + DECODED_PER_FILE_BYTE * fileSize);
}

export function workAllowed(fileSize: number, decoded: number): number {
	return WORK_BASE + WORK_PER_BYTE * (fileSize + decoded);
}

/** What a reader says to do about a file that is over its budget. */
export interface BudgetWording {
	/** 'PDF' or 'OFD file'. */
	what: string;
	fix: string;
}

/** The cost of reading one file so far, against its allowances. */
export class ReadBudget {
	private decoded = 0;
	private work = 0;
	readonly decodedLimit: number;
	private workLimit: number;

	constructor(
		readonly fileSize: number,
		private readonly wording: BudgetWording,
	) {
		this.decodedLimit = decodedBytesAllowed(fileSize);
		this.workLimit = workAllowed(fileSize, 0);
	}

	/** What was spent so far (for tests and benchmarks). */
	get spent(): { decoded: number; work: number } {
		return { decoded: this.decoded, work: this.work };
	}

	/** The decoded bytes still allowed: the output limit of the next decoder. */
	get decodedRemaining(): number {
		return this.decodedLimit - this.decoded;
	}

	spendDecoded(bytes: number): void {
		this.decoded += bytes;
		if (this.decoded > this.decodedLimit) throw this.overDecoded();
		this.workLimit = workAllowed(this.fileSize, this.decoded);
	}

	overDecoded(): BudgetProblem {
		return new BudgetProblem(
			`The ${this.wording.what}'s compressed parts expand to more than ${this.decodedLimit} bytes, the most a ${this.fileSize}-byte file is allowed; it is damaged or crafted (a decompression bomb)`,
			this.wording.fix,
		);
	}

	spendWork(bytes: number): void {
		this.work += bytes;
		if (this.work > this.workLimit) {
			throw new BudgetProblem(
				`The ${this.wording.what} takes more reading than a ${this.fileSize}-byte file can need (its structure makes the reader go over the same bytes again and again); it is damaged or crafted`,
				this.wording.fix,
			);
		}
	}
}

/** A budget breach: never swallowed by a reader's recovery paths (a rebuild would only spend more). */
export class BudgetProblem extends DocumentProblem {}

/** No limits: for parsing bytes the node wrote itself, and for tests of single parts. */
export function unlimitedBudget(): ReadBudget {
	return new ReadBudget(Number.MAX_SAFE_INTEGER / 64, { what: 'file', fix: '' });
}
