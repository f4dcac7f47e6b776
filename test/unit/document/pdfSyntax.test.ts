import { applyPredictor } from '../../../nodes/HuaweiCloudOcr/document/pdf/filters';
import { Lexer } from '../../../nodes/HuaweiCloudOcr/document/pdf/lexer';
import { PdfName, PdfRef, PdfStream, PdfString } from '../../../nodes/HuaweiCloudOcr/document/pdf/objects';
import type { PdfValue } from '../../../nodes/HuaweiCloudOcr/document/pdf/objects';
import { formatNumber, serialize } from '../../../nodes/HuaweiCloudOcr/document/pdf/serialize';

function parse(text: string): PdfValue {
	return new Lexer(Buffer.from(text, 'latin1'), 0).value(0);
}

const keep = (ref: PdfRef) => ref.num;

describe('PDF syntax: parse and write back', () => {
	it('literal strings: escapes, octal, balanced parentheses, line continuations', () => {
		const value = parse('(a\\(b\\) (nested) \\101\\12\\n\\\\ end\\\ncontinued)') as PdfString;
		expect(value.bytes.toString('latin1')).toBe('a(b) (nested) A\n\n\\ endcontinued');
	});

	it('hex strings with spaces and an odd digit count', () => {
		expect((parse('<48 65 6C6C 6F7>') as PdfString).bytes.toString('latin1')).toBe('Hellop');
	});

	it('names with #xx escapes are decoded and written back escaped', () => {
		const name = parse('/A#20B#23') as PdfName;
		expect(name.name).toBe('A B#');
		expect(serialize(name, keep)).toBe('/A#20B#23');
	});

	it('references, numbers, booleans, null, nested arrays and dictionaries, comments', () => {
		const value = parse('<< /Kids [1 0 R 2 0 R] /N -3.5 /M +.5 /B true /Z null % comment\n /D << /Inner [1 2 R] >> >>');
		expect(serialize(value, keep)).toBe('<</Kids [1 0 R 2 0 R] /N -3.5 /M 0.5 /B true /Z null /D <</Inner [1 0 R]>>>>'); // renumbered objects all get generation 0
	});

	it('a reference renumbered or dropped by the writer', () => {
		expect(serialize([new PdfRef(7, 0), new PdfRef(8, 0)], (ref) => (ref.num === 7 ? 4 : null))).toBe('[4 0 R null]');
	});

	it('numbers never get exponent notation', () => {
		expect(formatNumber(1e-7)).toBe('0.0000001');
		expect(formatNumber(612)).toBe('612');
		expect(formatNumber(0.25)).toBe('0.25');
	});

	it('a stream whose /Length is wrong is read up to endstream', () => {
		const lexer = new Lexer(Buffer.from('1 0 obj <</Length 999>> stream\r\nABCDEF\r\nendstream endobj', 'latin1'), 0);
		lexer.objectHeader();
		const stream = lexer.indirectValue() as PdfStream;
		expect(stream.data.toString('latin1')).toBe('ABCDEF');
	});

	it('strings are written as hex, so any bytes survive', () => {
		const text = serialize(parse('(\\000\\377\\))'), keep);
		expect(text).toBe('<00ff29>');
		expect((parse(text) as PdfString).bytes).toEqual(Buffer.from([0, 255, 0x29]));
	});
});

describe('PNG predictors (xref streams use /Predictor 12)', () => {
	/** The reference encoder: PNG filter types 0–4 applied row by row to known rows. */
	function encode(rows: number[][], type: number, bytesPerPixel: number): Buffer {
		const out: number[] = [];
		rows.forEach((row, index) => {
			out.push(type);
			row.forEach((value, column) => {
				const left = column >= bytesPerPixel ? row[column - bytesPerPixel] : 0;
				const up = index > 0 ? rows[index - 1][column] : 0;
				const upLeft = index > 0 && column >= bytesPerPixel ? rows[index - 1][column - bytesPerPixel] : 0;
				const paeth = () => {
					const p = left + up - upLeft;
					const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
					return a <= b && a <= c ? left : b <= c ? up : upLeft;
				};
				const predicted = [0, left, up, (left + up) >> 1, paeth()][type];
				out.push((value - predicted) & 0xff);
			});
		});
		return Buffer.from(out);
	}

	const rows = Array.from({ length: 6 }, (_, row) => Array.from({ length: 8 }, (_, column) => (row * 37 + column * 91 + row * column * 13) & 0xff));

	it.each([0, 1, 2, 3, 4])('filter type %i, 2 bytes per pixel', (type) => {
		const parms = new Map<string, PdfValue>([
			['Predictor', 12],
			['Columns', 4],
			['Colors', 2],
		]);
		expect([...applyPredictor(encode(rows, type, 2), parms)]).toEqual(rows.flat());
	});
});
