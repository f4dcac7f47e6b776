/** Which operations read documents page by page, from the catalog. */
import { OPERATIONS } from '../catalog';
import type { FileFormat, OcrOperation, OperationOption } from '../catalog/types';

function allFormats(op: OcrOperation): FileFormat[] {
	return [...op.formats, ...(op.regionalLimits ?? []).flatMap((limits) => limits.formats)];
}

/** The option that names the page in the request (`pdf_page_number` / `page_num`), if the operation has one. */
export function pageSelectorOf(op: OcrOperation): OperationOption | undefined {
	return op.options.find((option) => option.pageSelector === true);
}

/**
 * Whether the Pages option applies: every PDF can be split into single-page PDFs, so any operation
 * that reads PDF can read any page; an OFD cannot be split, so only a page parameter reaches its pages.
 */
export function readsDocumentPages(op: OcrOperation): boolean {
	const formats = allFormats(op);
	return formats.includes('pdf') || (formats.includes('ofd') && pageSelectorOf(op) !== undefined);
}

export function pageCapableOperations(operations: readonly OcrOperation[] = OPERATIONS): OcrOperation[] {
	return operations.filter(readsDocumentPages);
}
