/**
 * The demo's sample images: what each one shows, and which OCR operation reads it.
 * make-images.ts draws them from this data; the demo and its tests use the same data to know
 * which operation to call and what the recognized text must contain. All data is fictitious.
 */
import * as path from '../../test/nodejs/path.cjs';

import type { Td3Data } from '../../test/emulator/recognition/mrz';

export const IMAGES_DIR = module.path;

export interface InvoiceLine {
	description: string;
	quantity: number;
	unitPrice: string;
	amount: string;
}

export const INVOICE = {
	seller: 'Northwind Office Supplies Ltd.',
	sellerAddress: '42 Harbour Road, Utopia City 10115',
	title: 'INVOICE',
	number: 'INV-2026-0417',
	date: '2026-03-14',
	customer: 'Blue Lagoon Cafe',
	lines: [
		{ description: 'Printer paper A4, 500 sheets', quantity: 10, unitPrice: '4.20', amount: '42.00' },
		{ description: 'Ballpoint pens, blue, box of 50', quantity: 2, unitPrice: '7.50', amount: '15.00' },
		{ description: 'Stapler, heavy duty', quantity: 1, unitPrice: '18.90', amount: '18.90' },
		{ description: 'Sticky notes, yellow', quantity: 6, unitPrice: '1.85', amount: '11.10' },
	] as InvoiceLine[],
	subtotal: '87.00',
	tax: '8.70',
	total: '95.70',
} as const;

/** A ruled table with a header row; the last row's label cell is merged across three columns. */
export const TABLE = {
	header: ['Region', 'Month', 'Orders', 'Revenue'],
	rows: [
		['North', 'March', '128', '15,360'],
		['South', 'March', '96', '11,520'],
		['East', 'March', '143', '17,160'],
		['West', 'March', '87', '10,440'],
	],
	totalLabel: 'Total',
	total: '54,480',
} as const;

export const PASSPORT: Td3Data & { placeOfBirth: string; dateOfIssue: string; authority: string } = {
	documentCode: 'P',
	issuingState: 'UTO',
	surname: 'Sample',
	givenNames: 'Jordan Alex',
	passportNumber: 'UA2748193',
	nationality: 'UTO',
	dateOfBirth: '850317',
	sex: 'F',
	dateOfExpiry: '340922',
	personalNumber: '77812035',
	placeOfBirth: 'Utopia City',
	dateOfIssue: '2024-09-23',
	authority: 'Utopia Passport Office',
};

export const WEB_BANNER = {
	headline: 'Spring Sale 30% Off',
	subline: 'Free delivery on orders over 50 EUR',
	button: 'Shop now',
	footer: 'www.example.com  |  +1 555 0100',
} as const;

export const HANDWRITTEN_NOTE = {
	lines: ['Meeting moved to Friday', 'Bring the signed contract', 'Call Maria before noon'],
} as const;

/**
 * A 3-page scanned statement: a table that starts on page 1 and runs on to page 2 (header repeated),
 * and a closing page of text. Read with All Pages, it shows one call per page and the merged result.
 */
export const STATEMENT = {
	title: 'ACCOUNT STATEMENT',
	number: 'ST-2026-0031',
	customer: 'Blue Lagoon Cafe',
	header: ['Date', 'Description', 'Amount'],
	pages: [
		[
			['2026-03-02', 'Printer paper', '42.00'],
			['2026-03-05', 'Ballpoint pens', '15.00'],
			['2026-03-09', 'Stapler', '18.90'],
			['2026-03-12', 'Sticky notes', '11.10'],
		],
		[
			['2026-03-16', 'Toner cartridge', '89.50'],
			['2026-03-19', 'Archive boxes', '36.40'],
			['2026-03-23', 'Desk lamp', '54.00'],
			['2026-03-27', 'Whiteboard markers', '45.50'],
		],
	],
	closing: ['Balance due 312.40', 'Payable by 2026-04-15', 'Thank you for your business'],
} as const;

export type DemoOperation =
	| 'general-text'
	| 'general-table'
	| 'passport'
	| 'web-image'
	| 'handwriting'
	| 'smart-document-recognizer';

export interface SampleImage {
	file: string;
	title: string;
	operation: DemoOperation;
	/** Words that real recognition must find in this image (used by tests and the demo's self-check). */
	expectedWords: string[];
	/** A multi-page document (a PDF), read with All Pages. */
	document?: { pageCount: number; mimeType: string };
}

export const SAMPLE_IMAGES: readonly SampleImage[] = [
	{ file: 'invoice.png', title: 'Invoice', operation: 'general-text', expectedWords: ['INVOICE', INVOICE.number, INVOICE.total] },
	{ file: 'table.png', title: 'Sales table', operation: 'general-table', expectedWords: [...TABLE.header] },
	{ file: 'passport.png', title: 'Passport data page', operation: 'passport', expectedWords: ['SAMPLE', 'UA2748193'] },
	{ file: 'web-banner.png', title: 'Web banner', operation: 'web-image', expectedWords: ['Spring', 'Sale', 'Free', 'delivery'] },
	{ file: 'handwritten-note.png', title: 'Handwritten-style note', operation: 'handwriting', expectedWords: ['Meeting', 'Friday', 'contract'] },
	{
		file: 'scanned-statement.pdf',
		title: '3-page scanned statement (All Pages)',
		operation: 'smart-document-recognizer',
		expectedWords: ['STATEMENT', STATEMENT.number, 'Toner', 'Balance'],
		document: { pageCount: 3, mimeType: 'application/pdf' },
	},
];

export function sampleImagePath(file: string): string {
	return path.join(IMAGES_DIR, file);
}
