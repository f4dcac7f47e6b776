import { ReadBudget } from './budget';
import { DocumentProblem } from './problem';
import { readCentralDirectory, readEntry } from './zip';
import type { ZipEntryInfo } from './zip';

/**
 * The page count of an OFD document (GB/T 33190): OFD.xml names the first document's
 * Document.xml (<ofd:DocRoot>), which lists one <ofd:Page> per page under <ofd:Pages>.
 * Namespace prefixes vary between producers, so elements are matched by local name.
 * The XML is scanned tag by tag in one pass (no regular expression runs on file content), and the
 * entries read are spent from the file's decoded-bytes budget (./budget.ts).
 */
export function ofdPageCount(bytes: Buffer): number {
	const budget = new ReadBudget(bytes.length, { what: 'OFD file', fix: 'Send the original OFD document as exported by its application.' });
	const entries = readCentralDirectory(bytes);
	const ofdXml = text(bytes, findEntry(entries, 'OFD.xml'), 'OFD.xml', budget);
	const docRoot = docRootOf(ofdXml);
	if (!docRoot) throw notOfd('its OFD.xml names no document (no DocRoot)');
	const path = docRoot.split('\\').join('/');
	const relative = path.startsWith('./') ? path.slice(2) : path.startsWith('/') ? path.slice(1) : path;
	const document = text(bytes, findEntry(entries, relative), relative, budget);
	const count = pageCountOf(document);
	if (count === 0) {
		throw new DocumentProblem('The OFD document has no pages', 'Check that the file is the complete OFD document and try again.');
	}
	return count;
}

interface Tag {
	/** The local name (after any namespace prefix). */
	name: string;
	closing: boolean;
	/** Where the tag starts (`<`) and the index after its `>` (the text length when unclosed). */
	start: number;
	end: number;
}

/** The tags of an XML text in order, one pass; comments, declarations and CDATA are skipped. */
function* tags(xml: string): Generator<Tag> {
	for (let at = xml.indexOf('<'); at >= 0; ) {
		const closing = xml[at + 1] === '/';
		let nameEnd = at + (closing ? 2 : 1);
		while (nameEnd < xml.length && !isNameEnd(xml.charCodeAt(nameEnd))) nameEnd++;
		const qualified = xml.slice(at + (closing ? 2 : 1), nameEnd);
		const close = xml.indexOf('>', nameEnd);
		const end = close < 0 ? xml.length : close + 1;
		if (isNameStart(qualified.charCodeAt(0))) {
			yield { name: qualified.slice(qualified.lastIndexOf(':') + 1), closing, start: at, end };
		}
		at = close < 0 ? -1 : xml.indexOf('<', end);
	}
}

/** Elements start with a letter or `_`; `<?xml`, `<!--` and `<![CDATA[` do not. */
function isNameStart(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code > 0x7f;
}

/** Whitespace, `/` or `>` end a tag name. */
function isNameEnd(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2f || code === 0x3e;
}

/** The trimmed text of the first <DocRoot> element, or undefined when there is none or it is empty. */
function docRootOf(xml: string): string | undefined {
	for (const tag of tags(xml)) {
		if (tag.name !== 'DocRoot' || tag.closing) continue;
		const textEnd = xml.indexOf('<', tag.end);
		if (textEnd < 0 || xml[textEnd + 1] !== '/') return undefined;
		return xml.slice(tag.end, textEnd).trim() || undefined;
	}
	return undefined;
}

/** The <Page> elements inside the first <Pages>…</Pages>; 0 when there is no complete <Pages> element. */
function pageCountOf(xml: string): number {
	let inPages = false;
	let count = 0;
	for (const tag of tags(xml)) {
		if (!inPages) {
			inPages = tag.name === 'Pages' && !tag.closing;
			continue;
		}
		if (tag.name === 'Pages' && tag.closing) return count;
		if (tag.name === 'Page' && !tag.closing) count++;
	}
	return 0;
}

function findEntry(entries: ZipEntryInfo[], name: string): ZipEntryInfo | undefined {
	const lower = name.toLowerCase();
	return entries.find((entry) => entry.name === name) ?? entries.find((entry) => entry.name.toLowerCase() === lower);
}

function text(bytes: Buffer, entry: ZipEntryInfo | undefined, name: string, budget: ReadBudget): string {
	if (!entry) throw notOfd(`it has no ${name}`);
	return readEntry(bytes, entry, budget).toString('utf8');
}

function notOfd(detail: string): DocumentProblem {
	return new DocumentProblem(`The OFD file cannot be read: ${detail}`, 'Send the complete OFD document as exported by its application.');
}
