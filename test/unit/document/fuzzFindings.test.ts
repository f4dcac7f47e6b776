/**
 * Regressions from the fuzzer (notes of helper i17-fuzz): each case, as the fuzzer wrote it, ends
 * as a result or as the reader's own DocumentProblem, never another exception.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DocumentProblem, extractPage, ofdPageCount, openPdf } from '../../../nodes/HuaweiCloudOcr/document';

const DIR = join(__dirname, 'fuzzCases');
const CASES = readdirSync(DIR).filter((name) => name.endsWith('.bin')).sort();

/** Every page of a PDF, or the page count of an OFD: what the node reads of a file. */
function readAll(bytes: Buffer): string {
	if (bytes.subarray(0, 4).toString('latin1') === 'PK\x03\x04') return `OFD of ${ofdPageCount(bytes)} pages`;
	const pdf = openPdf(bytes);
	for (let page = 0; page < pdf.pageCount; page++) extractPage(pdf, page);
	return `PDF of ${pdf.pageCount} pages`;
}

function outcome(bytes: Buffer): string {
	try {
		return readAll(bytes);
	} catch (error) {
		if (error instanceof DocumentProblem) return 'DocumentProblem';
		return `${(error as Error).name}: ${(error as Error).message}`;
	}
}

it('the cases are there', () => {
	expect(CASES.length).toBeGreaterThanOrEqual(4);
});

it.each(CASES)('%s ends as a result or a DocumentProblem', (name) => {
	expect(outcome(readFileSync(join(DIR, name)))).toMatch(/^(PDF of \d+ pages|OFD of \d+ pages|DocumentProblem)$/);
});
