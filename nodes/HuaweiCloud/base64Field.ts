/**
 * A file sent as a Base64 string inside a JSON body. The request body is written straight from the
 * file's bytes: no Base64 string and no JSON string of the whole file is ever built, which for a
 * multi-megabyte scan saves two full-size copies (and most of the CPU time of a call).
 */
const ALPHABET = Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 'latin1');
const PAD = 0x3d;

/** The two Base64 characters of every 12-bit value, as one 16-bit entry (first character in the low byte). */
const PAIRS = (() => {
	const pairs = new Uint16Array(4096);
	for (let value = 0; value < 4096; value++) pairs[value] = ALPHABET[value >> 6] | (ALPHABET[value & 63] << 8);
	return pairs;
})();

/** Characters of the standard, padded Base64 of `byteLength` bytes. */
export function base64Length(byteLength: number): number {
	return Math.ceil(byteLength / 3) * 4;
}

/** Writes the standard, padded Base64 of `bytes` into `out` at `offset`; returns the offset after it. */
export function writeBase64(bytes: Uint8Array, out: Uint8Array, offset: number): number {
	const whole = bytes.length - (bytes.length % 3);
	let at = offset;
	for (let index = 0; index < whole; index += 3) {
		const triple = (bytes[index] << 16) | (bytes[index + 1] << 8) | bytes[index + 2];
		const high = PAIRS[triple >>> 12];
		const low = PAIRS[triple & 4095];
		out[at] = high & 255;
		out[at + 1] = high >>> 8;
		out[at + 2] = low & 255;
		out[at + 3] = low >>> 8;
		at += 4;
	}
	const rest = bytes.length - whole;
	if (rest > 0) {
		const first = bytes[whole];
		const second = rest === 2 ? bytes[whole + 1] : 0;
		out[at] = ALPHABET[first >> 2];
		out[at + 1] = ALPHABET[((first & 3) << 4) | (second >> 4)];
		out[at + 2] = rest === 2 ? ALPHABET[(second & 15) << 2] : PAD;
		out[at + 3] = PAD;
		at += 4;
	}
	return at;
}

/** Writes the Base64 of the chunks' concatenation, as writeBase64 would for one buffer. */
export function writeBase64OfChunks(chunks: readonly Uint8Array[], out: Uint8Array, offset: number): number {
	const carry = new Uint8Array(3);
	let carried = 0;
	let at = offset;
	for (const chunk of chunks) {
		let start = 0;
		while (carried > 0 && carried < 3 && start < chunk.length) carry[carried++] = chunk[start++];
		if (carried === 3) {
			at = writeBase64(carry, out, at);
			carried = 0;
		}
		if (carried > 0) continue;
		const whole = chunk.length - ((chunk.length - start) % 3);
		at = writeBase64(chunk.subarray(start, whole), out, at);
		for (let index = whole; index < chunk.length; index++) carry[carried++] = chunk[index];
	}
	return writeBase64(carry.subarray(0, carried), out, at);
}

/**
 * A JSON body value that is sent as Base64: a file's bytes (possibly in several chunks, as a split
 * PDF page is written), or Base64 text that is already valid.
 */
export class Base64Field {
	private constructor(
		private readonly chunks: readonly Uint8Array[] | undefined,
		private readonly text: string | undefined,
	) {}

	static ofBytes(bytes: Uint8Array): Base64Field {
		return new Base64Field([bytes], undefined);
	}

	/** The bytes are the chunks one after the other; they are not joined. */
	static ofChunks(chunks: readonly Uint8Array[]): Base64Field {
		return new Base64Field(chunks, undefined);
	}

	/** `text` must be standard Base64 (only A–Z a–z 0–9 + / =): it is written as it is, unescaped. */
	static ofText(text: string): Base64Field {
		return new Base64Field(undefined, text);
	}

	/** Characters of the Base64 text. */
	get length(): number {
		if (this.text !== undefined) return this.text.length;
		return base64Length(this.chunks!.reduce((total, chunk) => total + chunk.length, 0));
	}

	writeInto(out: Buffer, offset: number): number {
		if (this.text !== undefined) return offset + out.write(this.text, offset, 'latin1');
		return writeBase64OfChunks(this.chunks!, out, offset);
	}

	toString(): string {
		if (this.text !== undefined) return this.text;
		const out = Buffer.allocUnsafe(this.length);
		this.writeInto(out, 0);
		return out.toString('latin1');
	}

	/** Anything that serialises the body without jsonBodyBytes still sends the right text. */
	toJSON(): string {
		return this.toString();
	}
}

/**
 * The UTF-8 bytes of `JSON.stringify(body)`, with the top-level Base64Field values written straight
 * into the buffer (Base64 needs no JSON escaping). Key order is kept.
 */
export function jsonBodyBytes(body: object): Buffer {
	if (!Object.values(body).some((value) => value instanceof Base64Field)) return Buffer.from(JSON.stringify(body));
	const parts: Array<{ text: string; field?: Base64Field }> = [];
	for (const [key, value] of Object.entries(body)) {
		const lead = `${parts.length === 0 ? '{' : ','}${JSON.stringify(key)}:`;
		if (value instanceof Base64Field) {
			parts.push({ text: `${lead}"`, field: value });
			continue;
		}
		// Left out as JSON.stringify leaves them out (undefined, functions).
		const json = JSON.stringify(value) as string | undefined;
		if (json !== undefined) parts.push({ text: lead + json });
	}
	const texts = parts.map((part) => Buffer.from(part.text));
	let size = 1;
	parts.forEach((part, index) => (size += texts[index].length + (part.field ? part.field.length + 1 : 0)));
	const out = Buffer.allocUnsafe(size);
	let offset = 0;
	parts.forEach((part, index) => {
		offset += texts[index].copy(out, offset);
		if (part.field) {
			offset = part.field.writeInto(out, offset);
			out[offset++] = 0x22;
		}
	});
	out[offset] = 0x7d;
	return out;
}
