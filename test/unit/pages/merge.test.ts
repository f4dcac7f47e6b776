import { mergePageItems, PAGE_BREAK } from '../../../nodes/HuaweiCloudOcr/output/pages/merge';

describe('mergePageItems', () => {
	it('joins text with page breaks and tags lines and tables with their page', () => {
		const merged = mergePageItems([
			{ page: 1, json: { text: 'a\nb', lines: [{ text: 'a' }, { text: 'b' }], lineCount: 2, direction: 0, requestId: 'r1' } },
			{ page: 3, json: { text: 'c', lines: [{ text: 'c' }], lineCount: 1, direction: 1, requestId: 'r3' } },
		]);
		expect(merged).toEqual({
			text: `a\nb${PAGE_BREAK}c`,
			lines: [{ text: 'a', page: 1 }, { text: 'b', page: 1 }, { text: 'c', page: 3 }],
			lineCount: 3,
			direction: 0,
		});
		expect(Object.keys(merged)[0]).toBe('text');
		expect((merged.text as string).split('\f')).toHaveLength(2);
	});

	it('takes each key field from the first page that has it and says where it came from', () => {
		const merged = mergePageItems([
			{ page: 1, json: { invoice_number: '0042', total: '', item_list: [{ name: 'Coffee' }] } },
			{ page: 2, json: { invoice_number: '9999', total: '128.00', buyer: { name: 'ACME' }, item_list: [{ name: 'Tea' }] } },
		]);
		expect(merged).toEqual({
			invoice_number: '0042',
			total: '128.00',
			buyer: { name: 'ACME' },
			item_list: [{ name: 'Coffee', page: 1 }, { name: 'Tea', page: 2 }],
			pages: { invoice_number: 1, total: 2, buyer: 2 },
		});
	});

	it('merges Smart Document key-value pairs key by key and adds up counts', () => {
		const merged = mergePageItems([
			{ page: 1, json: { fields: { Name: 'Ann' }, tables: [{ rows: [['x']] }], tableCount: 1 } },
			{ page: 2, json: { fields: { Name: 'Bob', Date: '2024-01-02' }, tables: [], tableCount: 0 } },
		]);
		expect(merged).toEqual({
			fields: { Name: 'Ann', Date: '2024-01-02' },
			tables: [{ rows: [['x']], page: 1 }],
			tableCount: 1,
			pages: { Name: 1, Date: 2 },
		});
	});
});
