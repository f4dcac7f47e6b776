/** PDF object model: just enough to walk a document and copy its objects into a new file. */

export class PdfName {
	constructor(readonly name: string) {}
}

export class PdfRef {
	constructor(
		readonly num: number,
		readonly gen: number,
	) {}

	get key(): string {
		return `${this.num} ${this.gen}`;
	}
}

/** A string's bytes after escapes are undone (literal or hex in the file). */
export class PdfString {
	constructor(readonly bytes: Buffer) {}
}

export type PdfDict = Map<string, PdfValue>;

/** `data` is a view of the file's bytes, still encoded with the stream's filters. */
export class PdfStream {
	constructor(
		readonly dict: PdfDict,
		readonly data: Buffer,
	) {}
}

export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict | PdfStream;

export function isDict(value: PdfValue | undefined): value is PdfDict {
	return value instanceof Map;
}

export function nameOf(value: PdfValue | undefined): string | undefined {
	return value instanceof PdfName ? value.name : undefined;
}

export function numberOf(value: PdfValue | undefined): number | undefined {
	return typeof value === 'number' ? value : undefined;
}

/** The dictionary of a dictionary or a stream. */
export function dictOf(value: PdfValue | undefined): PdfDict | undefined {
	if (value instanceof PdfStream) return value.dict;
	return isDict(value) ? value : undefined;
}
