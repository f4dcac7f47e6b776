/** The Pages parameters: which pages of a PDF/OFD to read, the cost guard, and how pages become items. */
import type { INodeProperties } from 'n8n-workflow';

import { OPERATIONS } from '../catalog';
import type { OcrOperation } from '../catalog/types';
import { pageCapableOperations } from './capability';

export const PAGE_MODES = { first: 'first', all: 'all', range: 'range' } as const;
export type PageMode = (typeof PAGE_MODES)[keyof typeof PAGE_MODES];

export const PAGES_AS = { document: 'document', page: 'page' } as const;
export type PagesAs = (typeof PAGES_AS)[keyof typeof PAGES_AS];

export const MAX_PAGES = { default: 20, min: 1, max: 10_000 } as const;

const valuesOf = (operations: readonly OcrOperation[]) => pageCapableOperations(operations).map((op) => op.value);

/** Pages and Page Range, shown for operations that read PDF (or OFD with a page parameter). */
export function pageProperties(operations: readonly OcrOperation[] = OPERATIONS): INodeProperties[] {
	const capable = valuesOf(operations);
	return [
		{
			displayName: 'Pages',
			name: 'pages',
			type: 'options',
			options: [
				{
					name: 'First Page',
					value: PAGE_MODES.first,
					description:
						'One page, one paid call: the first page, or the page set in PDF Page Number under Recognition Options',
				},
				{
					name: 'All Pages',
					value: PAGE_MODES.all,
					description: 'Every page of the document, one paid call per page',
				},
				{
					name: 'Page Range',
					value: PAGE_MODES.range,
					description: 'The pages you list, one paid call per page',
				},
			],
			default: 'first',
			description:
				'Which pages of a PDF or OFD file to read. Huawei reads one page per call and bills each call. Images are always read whole.',
			displayOptions: { show: { operation: capable } },
		},
		{
			displayName: 'Page Range',
			name: 'pageRange',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1-3,5,8-',
			description: 'Pages to read, counted from 1: single pages and ranges separated by commas; "8-" runs to the last page',
			displayOptions: { show: { operation: capable, pages: [PAGE_MODES.range] } },
		},
	];
}

/** Pages As, next to Output: one merged item per document, or one item per page. */
export function pagesAsProperty(operations: readonly OcrOperation[] = OPERATIONS): INodeProperties {
	return {
		displayName: 'Pages As',
		name: 'pagesAs',
		type: 'options',
		options: [
			{
				name: 'One Item per Document',
				value: PAGES_AS.document,
				description:
					'The pages merged into one item: text with page breaks, lines and tables with their page, fields from the first page that has them',
			},
			{
				name: 'One Item per Page',
				value: PAGES_AS.page,
				description: 'Each page its own item, with page and pageCount',
			},
		],
		default: 'document',
		description: 'How the pages of one document become output items',
		displayOptions: { show: { operation: valuesOf(operations), pages: [PAGE_MODES.all, PAGE_MODES.range] } },
	};
}

/** Max Pages per Document, in the shared Options collection. */
export function pageOptionFields(operations: readonly OcrOperation[] = OPERATIONS): INodeProperties[] {
	return [
		{
			displayName: 'Max Pages per Document',
			name: 'maxPages',
			type: 'number',
			default: 20,
			typeOptions: { minValue: MAX_PAGES.min, maxValue: MAX_PAGES.max },
			description:
				'A cost guard: a document that needs more pages read than this fails before any paid call. Each page is one paid call.',
			displayOptions: { show: { '/operation': valuesOf(operations) } },
		},
	];
}
