import { HIGHEST_PAGE, highestNamedPage, isClosed, pageCountOf, pagesOf, parsePageRange } from '../../../nodes/HuaweiCloudOcr/pages/range';

function spans(text: string) {
	const parsed = parsePageRange(text);
	if (!parsed.ok) throw new Error(parsed.problem);
	return parsed.spans;
}

describe('parsePageRange', () => {
	it('reads single pages, closed ranges and an open end, in any spacing', () => {
		expect(spans('1-3, 5 ,8-')).toEqual([{ first: 1, last: 3 }, { first: 5, last: 5 }, { first: 8, last: undefined }]);
		expect(spans(' 2 - 4 ')).toEqual([{ first: 2, last: 4 }]);
	});

	it.each([
		['', 'is empty'],
		[' , ', 'is empty'],
		['a-3', 'has a part that is not a page or a range: "a-3"'],
		['-3', 'has a part that is not a page or a range: "-3"'],
		['0-2', 'counts pages from 1, not 0 ("0-2")'],
		['5-2', 'has a range that runs backwards: "5-2"'],
		['1-99999', `names a page above ${HIGHEST_PAGE}: "1-99999"`],
	])('rejects %p: %s', (text, problem) => {
		expect(parsePageRange(text)).toEqual({ ok: false, problem });
	});
});

describe('pagesOf', () => {
	it('lists pages ascending without duplicates; an open end runs to the last page', () => {
		expect(pagesOf(spans('8-,1-3,2,5'), 10)).toEqual([1, 2, 3, 5, 8, 9, 10]);
	});

	it('stops at the page count', () => {
		expect(pagesOf(spans('2-9'), 4)).toEqual([2, 3, 4]);
	});

	it('knows whether the pages are known without the page count, and the highest page named', () => {
		expect(isClosed(spans('1-3,5'))).toBe(true);
		expect(isClosed(spans('1-3,5-'))).toBe(false);
		expect(highestNamedPage(spans('1-3,7,5-'))).toBe(7);
	});
});

describe('pageCountOf', () => {
	it('counts overlapping, repeated and open spans once, within the document', () => {
		expect(pageCountOf(spans('8-,1-3,2,5,3-4'), 10)).toBe(8);
		expect(pageCountOf(spans('2-9'), 4)).toBe(3);
		expect(pageCountOf(spans('1-10000,'.repeat(12_500)), 10_000)).toBe(10_000);
	});

	it('agrees with the pages listed', () => {
		for (const text of ['1', '1-3,2-5', '4-,1', '7,3,5-6', '2-2,2']) {
			expect(pageCountOf(spans(text), 6)).toBe(pagesOf(spans(text), 6).length);
		}
	});
});
