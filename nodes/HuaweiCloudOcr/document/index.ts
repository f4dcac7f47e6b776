/**
 * Whole-document support: PDF page count and single-page extraction, OFD page count, inflate.
 * No runtime dependencies and no zlib (n8n's verification forbids both).
 *
 * DocumentProblem (note for callers): `found` is what is wrong, `fix` what to do, `message` both.
 * inflate takes an extra optional `format: 'zlib' | 'raw'` (default: recognise the zlib header).
 * Reading is bounded per file (./budget.ts): a breach is a BudgetProblem, a kind of DocumentProblem.
 */

export { openPdf, extractPage } from './pdf/document';
export type { PdfDocument } from './pdf/document';
export type { SplitPage } from './pdf/extract';
export { DocumentProblem } from './problem';
export { BudgetProblem, MAX_SPLIT_PDF_BYTES, decodedBytesAllowed, workAllowed } from './budget';
export { ofdPageCount } from './ofd';
export { inflate } from './inflate';
export type { InflateOptions } from './inflate';
