/** Bounds-checked readers over a byte array; each returns undefined when the field runs past the end. */

export function u16le(bytes: Uint8Array, offset: number): number | undefined {
	if (offset < 0 || offset + 2 > bytes.length) return undefined;
	return bytes[offset] | (bytes[offset + 1] << 8);
}

export function u16be(bytes: Uint8Array, offset: number): number | undefined {
	if (offset < 0 || offset + 2 > bytes.length) return undefined;
	return (bytes[offset] << 8) | bytes[offset + 1];
}

export function u24le(bytes: Uint8Array, offset: number): number | undefined {
	if (offset < 0 || offset + 3 > bytes.length) return undefined;
	return bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16);
}

export function u32le(bytes: Uint8Array, offset: number): number | undefined {
	if (offset < 0 || offset + 4 > bytes.length) return undefined;
	return (
		(bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16)) +
		bytes[offset + 3] * 0x1000000
	);
}

export function u32be(bytes: Uint8Array, offset: number): number | undefined {
	if (offset < 0 || offset + 4 > bytes.length) return undefined;
	return (
		bytes[offset] * 0x1000000 + ((bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3])
	);
}

export function i32le(bytes: Uint8Array, offset: number): number | undefined {
	const value = u32le(bytes, offset);
	if (value === undefined) return undefined;
	return value > 0x7fffffff ? value - 0x100000000 : value;
}

/** Whether `bytes` holds exactly `expected` at `offset`. */
export function bytesAt(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
	if (offset < 0 || offset + expected.length > bytes.length) return false;
	return expected.every((value, index) => bytes[offset + index] === value);
}

/** Whether `bytes` holds the ASCII text `text` at `offset`. */
export function asciiAt(bytes: Uint8Array, offset: number, text: string): boolean {
	if (offset < 0 || offset + text.length > bytes.length) return false;
	for (let index = 0; index < text.length; index++) {
		if (bytes[offset + index] !== text.charCodeAt(index)) return false;
	}
	return true;
}

/** The bytes from `offset` as Latin-1 text (one character per byte). */
export function latin1(bytes: Uint8Array, offset: number, length: number): string {
	let text = '';
	const end = Math.min(bytes.length, offset + length);
	for (let index = Math.max(0, offset); index < end; index++) text += String.fromCharCode(bytes[index]);
	return text;
}
