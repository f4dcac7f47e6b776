import type { ReadBudget } from '../budget';
import { inflate } from '../inflate';
import { DocumentProblem } from '../problem';
import { PdfSyntaxError } from './lexer';
import { dictOf, isDict, nameOf, numberOf } from './objects';
import type { PdfDict, PdfStream, PdfValue } from './objects';

/**
 * Decodes the streams the reader itself needs (cross-reference and object streams). Page content
 * is never decoded: the splitter copies it byte for byte with its filters. Every decoded byte is
 * spent from the document's budget (../budget.ts), so the streams of one file together cannot
 * expand past it.
 */
export function decodeStream(
	stream: PdfStream,
	resolve: (value: PdfValue | undefined) => PdfValue | undefined,
	budget: ReadBudget,
): Buffer {
	const filters = asArray(resolve(stream.dict.get('Filter')));
	const parameters = asArray(resolve(stream.dict.get('DecodeParms') ?? stream.dict.get('DP')));
	let data: Buffer = stream.data;
	filters.forEach((filter, index) => {
		const name = nameOf(resolve(filter));
		const parms = dictOf(resolve(parameters[index] ?? null));
		if (name === 'FlateDecode' || name === 'Fl') {
			const inflated = inflateStream(data, budget);
			budget.spendDecoded(inflated.length);
			data = applyPredictor(inflated, parms);
		} else {
			throw new DocumentProblem(
				`The PDF file stores its object index with the ${name ?? 'unknown'} filter, which this node does not read`,
				'Re-save the PDF (for example with "Print to PDF" or qpdf) and try again.',
			);
		}
	});
	return data;
}

function inflateStream(data: Buffer, budget: ReadBudget): Buffer {
	return inflate(data, { maxOutputLength: budget.decodedRemaining, outputLimitProblem: () => budget.overDecoded(), meter: budget });
}

function asArray(value: PdfValue | undefined): PdfValue[] {
	if (value === undefined || value === null) return [];
	return Array.isArray(value) ? value : [value];
}

const BITS_PER_COMPONENT = [1, 2, 4, 8, 16];

/**
 * PNG predictors (10–15, one filter-type byte per row) and TIFF predictor 2, for 8-bit samples.
 * Parameters no writer can mean (/Columns -1, /Colors 0, /BitsPerComponent 3) are a syntax error,
 * so an xref stream that has them is replaced by scanning the file.
 */
export function applyPredictor(data: Buffer, parms: PdfDict | undefined): Buffer {
	const predictor = isDict(parms) ? (numberOf(parms.get('Predictor')) ?? 1) : 1;
	if (predictor <= 1) return data;
	const columns = numberOf(parms?.get('Columns')) ?? 1;
	const colors = numberOf(parms?.get('Colors')) ?? 1;
	const bitsPerComponent = numberOf(parms?.get('BitsPerComponent')) ?? 8;
	if (!isCount(columns) || !isCount(colors) || colors > 32 || !BITS_PER_COMPONENT.includes(bitsPerComponent)) {
		throw new PdfSyntaxError(
			`a stream has an impossible predictor (/Columns ${columns} /Colors ${colors} /BitsPerComponent ${bitsPerComponent})`,
		);
	}
	const bytesPerPixel = Math.max(1, Math.ceil((colors * bitsPerComponent) / 8));
	const rowLength = Math.ceil((columns * colors * bitsPerComponent) / 8);
	if (predictor === 2) return tiffPredictor(data, rowLength, bytesPerPixel);
	return pngPredictor(data, rowLength, bytesPerPixel);
}

function isCount(value: number): boolean {
	return Number.isInteger(value) && value >= 1;
}

function tiffPredictor(data: Buffer, rowLength: number, bytesPerPixel: number): Buffer {
	const out = Buffer.from(data);
	for (let row = 0; row + rowLength <= out.length; row += rowLength) {
		for (let index = row + bytesPerPixel; index < row + rowLength; index++) out[index] = (out[index] + out[index - bytesPerPixel]) & 0xff;
	}
	return out;
}

function pngPredictor(data: Buffer, rowLength: number, bytesPerPixel: number): Buffer {
	const rows = Math.floor(data.length / (rowLength + 1));
	const out = Buffer.alloc(rows * rowLength);
	for (let row = 0; row < rows; row++) {
		const type = data[row * (rowLength + 1)];
		const input = row * (rowLength + 1) + 1;
		const at = row * rowLength;
		for (let index = 0; index < rowLength; index++) {
			const raw = data[input + index];
			const left = index >= bytesPerPixel ? out[at + index - bytesPerPixel] : 0;
			const up = row > 0 ? out[at + index - rowLength] : 0;
			const upLeft = row > 0 && index >= bytesPerPixel ? out[at + index - rowLength - bytesPerPixel] : 0;
			out[at + index] = (raw + predict(type, left, up, upLeft)) & 0xff;
		}
	}
	return out;
}

function predict(type: number, left: number, up: number, upLeft: number): number {
	switch (type) {
		case 1:
			return left;
		case 2:
			return up;
		case 3:
			return (left + up) >> 1;
		case 4: {
			const estimate = left + up - upLeft;
			const toLeft = Math.abs(estimate - left);
			const toUp = Math.abs(estimate - up);
			const toUpLeft = Math.abs(estimate - upLeft);
			if (toLeft <= toUp && toLeft <= toUpLeft) return left;
			return toUp <= toUpLeft ? up : upLeft;
		}
		default:
			return 0;
	}
}
