import { PdfRef, dictOf, nameOf } from './objects';
import type { PdfDict, PdfValue } from './objects';
import type { PdfFile } from './file';

/** Attributes a page inherits from its ancestors in the page tree (ISO 32000 §7.7.3.4). */
export const INHERITABLE = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;

export interface PageEntry {
	ref: PdfRef;
	dict: PdfDict;
	/** The nearest ancestor's value of each inheritable attribute the page may lack. */
	inherited: Map<string, PdfValue>;
}

export interface PageTree {
	pages: PageEntry[];
	/** Object numbers of the page tree's intermediate /Pages nodes. */
	nodes: Set<number>;
	/** Object numbers of the pages. */
	pageNumbers: Set<number>;
}

/** A tree deeper than this is a loop or an attack, not a document. */
const MAX_DEPTH = 256;

/**
 * Walks the page tree from the catalog in document order, depth first, without recursion.
 * /Count is not trusted (writers get it wrong); the leaves are counted. A node seen twice is skipped.
 * A node without /Type is a /Pages node when it has /Kids, otherwise a page.
 */
export function readPageTree(file: PdfFile): PageTree {
	const catalog = dictOf(file.resolve(file.trailer.get('Root')));
	const root = catalog?.get('Pages');
	const pages: PageEntry[] = [];
	const nodes = new Set<number>();
	const pageNumbers = new Set<number>();
	if (!(root instanceof PdfRef)) return { pages, nodes, pageNumbers };
	const seen = new Set<number>();
	const stack: Array<{ ref: PdfRef; inherited: Map<string, PdfValue>; depth: number }> = [
		{ ref: root, inherited: new Map(), depth: 0 },
	];
	while (stack.length > 0) {
		const { ref, inherited, depth } = stack.pop() as (typeof stack)[number];
		if (seen.has(ref.num) || depth > MAX_DEPTH) continue;
		seen.add(ref.num);
		const dict = dictOf(file.get(ref));
		if (!dict) continue;
		const kids = file.resolve(dict.get('Kids'));
		const type = nameOf(dict.get('Type'));
		const isNode = type === 'Pages' || (type !== 'Page' && Array.isArray(kids));
		if (!isNode) {
			pages.push({ ref, dict, inherited });
			pageNumbers.add(ref.num);
			continue;
		}
		nodes.add(ref.num);
		const passed = new Map(inherited);
		for (const key of INHERITABLE) {
			const value = dict.get(key);
			if (value !== undefined) passed.set(key, value);
		}
		if (!Array.isArray(kids)) continue;
		for (let index = kids.length - 1; index >= 0; index--) {
			const kid = kids[index];
			if (kid instanceof PdfRef) stack.push({ ref: kid, inherited: passed, depth: depth + 1 });
		}
	}
	return { pages, nodes, pageNumbers };
}

