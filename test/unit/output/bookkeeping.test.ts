/** What the node adds to a file's items besides the content: cost, duplicateOf, clean rows (1.1). */
import { fileFingerprint } from '../../../nodes/HuaweiCloudOcr/duplicates';
import { costOf, withBookkeeping } from '../../../nodes/HuaweiCloudOcr/output/bookkeeping';

const one = { billedAnswers: 1, attempts: 2, pages: 1 };
const zero = { billedAnswers: 0, attempts: 0, pages: 0 };
const jsonOf = (items: Array<{ json: object }>) => items.map((item) => item.json);

describe('costOf', () => {
	it('counts billed answers, every attempt and the pages sent; a page never sent counts nothing', () => {
		expect(costOf([{ ok: true, attempts: 3 }, { ok: false, attempts: 2 }, { ok: false }])).toEqual({ billedAnswers: 1, attempts: 5, pages: 2 });
	});
});

describe('withBookkeeping', () => {
	it('counts the cost on the first item an answer gives, 0 on the items after it', () => {
		const items = withBookkeeping([{ json: { entry: 1 } }, { json: { entry: 2 } }], { newOutput: true, tableRows: false, cost: one });
		expect(jsonOf(items)).toEqual([{ entry: 1, cost: one }, { entry: 2, cost: zero }]);
	});

	it('with One Item per Page: each page item carries its own page cost', () => {
		const items = withBookkeeping([{ json: { page: 1 } }, { json: { page: 2 } }], { newOutput: true, tableRows: false, cost: (page) => ({ ...one, attempts: page }) });
		expect(jsonOf(items)).toEqual([
			{ page: 1, cost: { ...one, attempts: 1 } },
			{ page: 2, cost: { ...one, attempts: 2 } },
		]);
	});

	it('keeps row items to the table and _table, _row, page; the outside-tables item gets the cost', () => {
		const items = withBookkeeping(
			[
				{ json: { _table: 1, _row: 1, page: 2, A: 'x', requestId: 'r', pageCount: 3 } },
				{ json: { _outsideTables: true, text: 't', requestId: 'r' } },
			],
			{ newOutput: true, tableRows: true, cost: one },
		);
		expect(jsonOf(items)).toEqual([{ _table: 1, _row: 1, page: 2, A: 'x' }, { _outsideTables: true, text: 't', requestId: 'r', cost: one }]);
	});

	it('a copy says which item it copies, on every item, rows included, and costs nothing', () => {
		const items = withBookkeeping([{ json: { _table: 1, _row: 1, A: 'x' } }, { json: { text: 't' } }], { newOutput: true, tableRows: true, cost: one, duplicateOf: 4 });
		expect(jsonOf(items)).toEqual([{ _table: 1, _row: 1, A: 'x', duplicateOf: 4 }, { text: 't', duplicateOf: 4, cost: zero }]);
	});

	it('version 1: items as released (requestId on rows, no cost)', () => {
		const rows = [{ json: { _table: 1, _row: 1, A: 'x', requestId: 'r' } }];
		expect(jsonOf(withBookkeeping(rows, { newOutput: false, tableRows: true, cost: one }))).toEqual([{ _table: 1, _row: 1, A: 'x', requestId: 'r' }]);
	});
});

describe('fileFingerprint', () => {
	const bytes = Buffer.from('same bytes');
	it('is the same for the same bytes and options in any key order', () => {
		expect(fileFingerprint(bytes, { a: 1, b: { c: true, d: 'x' } })).toBe(fileFingerprint(Buffer.from('same bytes'), { b: { d: 'x', c: true }, a: 1 }));
	});
	it('differs for other bytes or another option value', () => {
		const base = fileFingerprint(bytes, { a: 1 });
		expect(fileFingerprint(Buffer.from('other bytes'), { a: 1 })).not.toBe(base);
		expect(fileFingerprint(bytes, { a: 2 })).not.toBe(base);
		expect(fileFingerprint(bytes, { a: 1, extra: false })).not.toBe(base);
	});
	it('is a SHA-256 (43 base64url characters) that carries nothing of the file', () => {
		expect(fileFingerprint(bytes, {})).toMatch(/^[A-Za-z0-9_-]{43}$/);
	});
});
