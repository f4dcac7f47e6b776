import * as zlib from '../../nodejs/zlib.cjs';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { inflate } from '../../../nodes/HuaweiCloudOcr/document/inflate';
import { DocumentProblem } from '../../../nodes/HuaweiCloudOcr/document/problem';

/** Text-like data compresses with long matches and dynamic tables; random bytes give stored blocks. */
function textLike(size: number, seed: number): Buffer {
	const words = ['invoice', 'total', 'amount', '金额', 'page', '0.00', '\n', 'stream', 'BT /F1 12 Tf', 'ET'];
	const parts: string[] = [];
	let state = seed;
	let length = 0;
	while (length < size) {
		state = (state * 1103515245 + 12345) >>> 0;
		const word = words[state % words.length];
		parts.push(word, ' ');
		length += word.length + 1;
	}
	return Buffer.from(parts.join('')).subarray(0, size);
}

/** Jest's toEqual walks Buffers element by element (minutes for megabytes); compare natively, report the first difference. */
function expectSameBytes(actual: Buffer, expected: Buffer): void {
	if (actual.equals(expected)) return;
	let index = 0;
	while (index < actual.length && actual[index] === expected[index]) index++;
	throw new Error(`inflated ${actual.length} bytes, expected ${expected.length}; first difference at byte ${index}`);
}

const SIZES = [0, 1, 2, 100, 1000, 32768, 65535, 65536, 70000, 300000];

describe('inflate matches node:zlib', () => {
	it.each(SIZES)('zlib-wrapped text of %i bytes at every level 0–9', (size) => {
		const data = textLike(size, size);
		for (let level = 0; level <= 9; level++) {
			expectSameBytes(inflate(zlib.deflateSync(data, { level })), data);
		}
	});

	it.each(SIZES)('raw deflate of %i random bytes at levels 0, 1, 6, 9', (size) => {
		const data = randomBytes(size);
		for (const level of [0, 1, 6, 9]) {
			expectSameBytes(inflate(zlib.deflateRawSync(data, { level }), { format: 'raw' }), data);
		}
	});

	it('fixed-Huffman blocks (Z_FIXED strategy) and small windows', () => {
		const data = textLike(50000, 7);
		const fixed = zlib.deflateSync(data, { strategy: zlib.constants.Z_FIXED });
		expectSameBytes(inflate(fixed), data);
		expectSameBytes(inflate(zlib.deflateSync(data, { windowBits: 9, memLevel: 1 })), data);
		expectSameBytes(inflate(zlib.deflateSync(data, { strategy: zlib.constants.Z_HUFFMAN_ONLY })), data);
		expectSameBytes(inflate(zlib.deflateSync(data, { strategy: zlib.constants.Z_RLE })), data);
	});

	it('recognises the zlib wrapper by itself and reads raw deflate without it', () => {
		const data = textLike(5000, 3);
		expectSameBytes(inflate(zlib.deflateRawSync(data)), data);
		expectSameBytes(inflate(zlib.deflateSync(data)), data);
	});

	it('property: any bytes, any level, any strategy, raw or wrapped', () => {
		fc.assert(
			fc.property(
				fc.uint8Array({ maxLength: 5000 }),
				fc.integer({ min: 0, max: 9 }),
				fc.constantFrom(
					zlib.constants.Z_DEFAULT_STRATEGY,
					zlib.constants.Z_FILTERED,
					zlib.constants.Z_FIXED,
					zlib.constants.Z_RLE,
					zlib.constants.Z_HUFFMAN_ONLY,
				),
				fc.boolean(),
				(bytes, level, strategy, raw) => {
					const data = Buffer.from(bytes);
					const packed = raw ? zlib.deflateRawSync(data, { level, strategy }) : zlib.deflateSync(data, { level, strategy });
					expectSameBytes(inflate(packed, { format: raw ? 'raw' : 'zlib' }), data);
				},
			),
			{ numRuns: 300 },
		);
	});

	it('property: repetitive data (long back-references, overlapping copies)', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 5000 }), (unit, repeats) => {
				const data = Buffer.concat(Array.from({ length: repeats }, () => Buffer.from(unit)));
				expectSameBytes(inflate(zlib.deflateSync(data, { level: 9 })), data);
			}),
			{ numRuns: 100 },
		);
	});
});

describe('inflate refuses damaged data and bombs', () => {
	it('truncated data says it ends too early', () => {
		const packed = zlib.deflateSync(textLike(20000, 1));
		for (const cut of [3, 10, packed.length >> 1, packed.length - 5]) {
			expect(() => inflate(packed.subarray(0, cut), { format: 'zlib' })).toThrow(/damaged \(it ends too early\)/);
		}
	});

	it('an invalid block type is named', () => {
		expect(() => inflate(Buffer.from([0x07]), { format: 'raw' })).toThrow(/invalid block type/);
	});

	it('a stored block whose length check does not match is refused', () => {
		expect(() => inflate(Buffer.from([0x01, 0x05, 0x00, 0x00, 0x00, 1, 2, 3, 4, 5]), { format: 'raw' })).toThrow(
			/stored block has a bad length/,
		);
	});

	it('maxOutputLength stops a decompression bomb with a clear DocumentProblem', () => {
		const bomb = zlib.deflateSync(Buffer.alloc(50 * 1024 * 1024));
		expect(bomb.length).toBeLessThan(100 * 1024);
		let thrown: unknown;
		try {
			inflate(bomb, { maxOutputLength: 1024 * 1024 });
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(DocumentProblem);
		expect((thrown as DocumentProblem).message).toMatch(/expands to more than 1048576 bytes.*decompression bomb/);
	});

	it('output exactly at the limit is allowed', () => {
		const data = textLike(4096, 9);
		expectSameBytes(inflate(zlib.deflateSync(data), { maxOutputLength: 4096 }), data);
		expect(() => inflate(zlib.deflateSync(data), { maxOutputLength: 4095 })).toThrow(DocumentProblem);
	});
});
