import fc from 'fast-check';

import { Base64Field, base64Length, jsonBodyBytes, writeBase64, writeBase64OfChunks } from '../../../nodes/HuaweiCloud/base64Field';

function encoded(bytes: Uint8Array): string {
	const out = Buffer.alloc(base64Length(bytes.length));
	const end = writeBase64(bytes, out, 0);
	expect(end).toBe(out.length);
	return out.toString('latin1');
}

/** Cuts `bytes` at the given positions (sorted, duplicates give empty chunks). */
function chunksOf(bytes: Buffer, cuts: number[]): Buffer[] {
	const positions = [0, ...cuts.map((cut) => cut % (bytes.length + 1)).sort((a, b) => a - b), bytes.length];
	return positions.slice(1).map((end, index) => bytes.subarray(positions[index], end));
}

describe('writeBase64 writes what Buffer#toString("base64") gives', () => {
	it('for every length from 0 to 64, all byte values', () => {
		for (let length = 0; length <= 64; length++) {
			const bytes = Buffer.from(Array.from({ length }, (_, index) => (index * 97 + length * 31) & 255));
			expect(encoded(bytes)).toBe(bytes.toString('base64'));
		}
		const everyByte = Buffer.from(Array.from({ length: 256 }, (_, index) => index));
		expect(encoded(everyByte)).toBe(everyByte.toString('base64'));
	});

	it('for random bytes (property)', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => encoded(bytes) === Buffer.from(bytes).toString('base64')),
			{ numRuns: 300 },
		);
	});

	it('at an offset, leaving the bytes around it alone', () => {
		const out = Buffer.alloc(12, 0x2e);
		expect(writeBase64(Buffer.from('hi!'), out, 4)).toBe(8);
		expect(out.toString('latin1')).toBe('....aGkh....');
	});
});

describe('writeBase64OfChunks encodes the chunks as one file', () => {
	it('for random cuts, empty and one-byte chunks included (property)', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat(), { maxLength: 12 }), (bytes, cuts) => {
				const whole = Buffer.from(bytes);
				const out = Buffer.alloc(base64Length(whole.length));
				const end = writeBase64OfChunks(chunksOf(whole, cuts), out, 0);
				return end === out.length && out.toString('latin1') === whole.toString('base64');
			}),
			{ numRuns: 500 },
		);
	});

	it('for chunks of one and two bytes in a row', () => {
		const chunks = ['a', 'bc', 'd', 'e', 'fg', 'h', '', 'ijk'].map((text) => Buffer.from(text));
		expect(Base64Field.ofChunks(chunks).toString()).toBe(Buffer.from('abcdefghijk').toString('base64'));
	});
});

describe('jsonBodyBytes sends exactly JSON.stringify of the body, with Base64 fields written from bytes', () => {
	const scan = Buffer.from('%PDF-1.7 a scanned page \u00ff\u0000', 'latin1');

	it('keeps key order, escapes other values and leaves out undefined ones', () => {
		const body = {
			detect_direction: true,
			'quote"key': 'naïve "text"\n',
			image: Base64Field.ofBytes(scan),
			skipped: undefined,
			page: 2,
			nested: { a: [1, null] },
		};
		const expected = JSON.stringify({
			...body,
			image: scan.toString('base64'),
		});
		expect(jsonBodyBytes(body).toString('utf8')).toBe(expected);
	});

	it('writes Base64 text fields as they are and split pages from their chunks', () => {
		const text = Buffer.from('already base64').toString('base64');
		const body = {
			image: Base64Field.ofText(text),
			url: undefined,
			file: Base64Field.ofChunks([scan.subarray(0, 5), scan.subarray(5)]),
		};
		expect(JSON.parse(jsonBodyBytes(body).toString('utf8'))).toEqual({
			image: text,
			file: scan.toString('base64'),
		});
	});

	it('is JSON.stringify for bodies without a Base64 field', () => {
		const body = {
			auth: { identity: { methods: ['password'] } },
			note: '日本語',
		};
		expect(jsonBodyBytes(body).equals(Buffer.from(JSON.stringify(body)))).toBe(true);
	});

	it('agrees with JSON.stringify for random bodies (property)', () => {
		const value = fc.oneof(
			fc.string(),
			fc.string({ unit: 'binary' }),
			fc.integer(),
			fc.boolean(),
			fc.constant(null),
			fc.constant(undefined),
			fc.array(fc.string(), { maxLength: 3 }),
		);
		fc.assert(
			fc.property(
				fc.dictionary(fc.string({ unit: 'binary' }), value),
				fc.uint8Array({ maxLength: 50 }),
				fc.string({ unit: 'binary' }),
				(fields, bytes, key) => {
					const body = { ...fields, [key]: Base64Field.ofBytes(bytes) };
					const expected = JSON.stringify({
						...fields,
						[key]: Buffer.from(bytes).toString('base64'),
					});
					return jsonBodyBytes(body).toString('utf8') === expected;
				},
			),
			{ numRuns: 300 },
		);
	});

	it('serialises a Base64 field as its text where JSON.stringify is used directly', () => {
		expect(JSON.stringify({ image: Base64Field.ofBytes(scan) })).toBe(JSON.stringify({ image: scan.toString('base64') }));
	});
});
