import { DocumentProblem } from './problem';
import { readCentralDirectory, readEntry } from './zip';
import type { ZipEntryInfo } from './zip';

/**
 * The page count of an OFD document (GB/T 33190): OFD.xml names the first document's
 * Document.xml (<ofd:DocRoot>), which lists one <ofd:Page> per page under <ofd:Pages>.
 * Namespace prefixes vary between producers, so elements are matched by local name.
 */
export function ofdPageCount(bytes: Buffer): number {
	const entries = readCentralDirectory(bytes);
	const ofdXml = text(bytes, findEntry(entries, 'OFD.xml'), 'OFD.xml');
	const docRoot = /<(?:[\w.-]+:)?DocRoot\b[^>]*>\s*([^<]+?)\s*<\//.exec(ofdXml)?.[1];
	if (!docRoot) throw notOfd('its OFD.xml names no document (no DocRoot)');
	const path = docRoot.replace(/\\/g, '/').replace(/^\.?\//, '');
	const document = text(bytes, findEntry(entries, path), path);
	const pages = /<(?:[\w.-]+:)?Pages\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?Pages>/.exec(document)?.[1] ?? '';
	const count = (pages.match(/<(?:[\w.-]+:)?Page(?=[\s/>])/g) ?? []).length;
	if (count === 0) {
		throw new DocumentProblem('The OFD document has no pages', 'Check that the file is the complete OFD document and try again.');
	}
	return count;
}

function findEntry(entries: ZipEntryInfo[], name: string): ZipEntryInfo | undefined {
	const lower = name.toLowerCase();
	return entries.find((entry) => entry.name === name) ?? entries.find((entry) => entry.name.toLowerCase() === lower);
}

function text(bytes: Buffer, entry: ZipEntryInfo | undefined, name: string): string {
	if (!entry) throw notOfd(`it has no ${name}`);
	return readEntry(bytes, entry).toString('utf8');
}

function notOfd(detail: string): DocumentProblem {
	return new DocumentProblem(`The OFD file cannot be read: ${detail}`, 'Send the complete OFD document as exported by its application.');
}
