import { PdfRef, dictOf, isDict, nameOf } from './objects';
import type { PdfDict, PdfValue } from './objects';
import type { PdfFile } from './file';

/** Attributes a page inherits from its ancestors in the page tree (ISO 32000 §7.7.3.4). */
export const INHERITABLE = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;

export interface PageEntry {
	/** Undefined for a page dictionary written inline in its parent's /Kids. */
	ref?: PdfRef;
	dict: PdfDict;
	/** The nearest ancestor's value of each inheritable attribute the page may lack. */
	inherited: Map<string, PdfValue>;
}

export interface PageTree {
	/** In document order; a page listed twice in /Kids is two pages (as qpdf and viewers count). */
	pages: PageEntry[];
	/** Object numbers of the page tree's intermediate /Pages nodes. */
	nodes: Set<number>;
	/** Object numbers of the pages. */
	pageNumbers: Set<number>;
}

/** A tree deeper than this is a loop or an attack, not a document. */
const MAX_DEPTH = 256;

interface Pending {
	/** The kid as written: a reference, or a dictionary written inline. */
	kid: PdfRef | PdfDict;
	inherited: Map<string, PdfValue>;
	depth: number;
}

/**
 * Walks the page tree from the catalog in document order, depth first, without recursion.
 * /Count is not trusted (writers get it wrong); the leaves are counted. A /Pages node is read once
 * (which also ends cycles), so the work is bounded by the /Kids entries of distinct nodes, which
 * the file's bytes bound; a page may be listed more than once.
 * A node without /Type is a /Pages node when it has /Kids, otherwise a page.
 */
export function readPageTree(file: PdfFile): PageTree {
	const catalog = dictOf(file.resolve(file.trailer.get('Root')));
	const root = catalog?.get('Pages');
	const pages: PageEntry[] = [];
	const nodes = new Set<number>();
	const pageNumbers = new Set<number>();
	const rootKid = root instanceof PdfRef || isDict(root) ? root : undefined;
	if (!rootKid) return { pages, nodes, pageNumbers };
	const readNodes = new Set<PdfDict | number>();
	const stack: Pending[] = [{ kid: rootKid, inherited: new Map(), depth: 0 }];
	while (stack.length > 0) {
		const { kid, inherited, depth } = stack.pop() as Pending;
		if (depth > MAX_DEPTH) continue;
		const ref = kid instanceof PdfRef ? kid : undefined;
		const dict = ref ? dictOf(file.get(ref)) : kid;
		if (!isDict(dict)) continue;
		const kids = file.resolve(dict.get('Kids'));
		const type = nameOf(dict.get('Type'));
		const isNode = type === 'Pages' || (type !== 'Page' && Array.isArray(kids));
		if (!isNode) {
			pages.push({ ref, dict, inherited });
			if (ref) pageNumbers.add(ref.num);
			continue;
		}
		const identity = ref ? ref.num : dict;
		if (readNodes.has(identity)) continue;
		readNodes.add(identity);
		if (ref) nodes.add(ref.num);
		const passed = new Map(inherited);
		for (const key of INHERITABLE) {
			const value = dict.get(key);
			if (value !== undefined) passed.set(key, value);
		}
		if (!Array.isArray(kids)) continue;
		for (let index = kids.length - 1; index >= 0; index--) {
			const child = kids[index];
			if (child instanceof PdfRef || isDict(child)) stack.push({ kid: child, inherited: passed, depth: depth + 1 });
		}
	}
	return { pages, nodes, pageNumbers };
}
