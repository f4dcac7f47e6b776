/** The demo's readable per-image summary: operation, where the answer came from, key fields or first lines. */
import * as path from '../../test/nodejs/path.cjs';
import process from '../../test/nodejs/process.cjs';
import type { IDataObject } from 'n8n-workflow';

import type { DemoResult } from './runDemo';

const FIRST_LINES = 6;
const PASSPORT_FIELDS = [
	'passport_number',
	'surname',
	'given_name',
	'nationality',
	'sex',
	'date_of_birth',
	'date_of_expiry',
	'country_code',
] as const;

const SOURCE_LABELS: Record<DemoResult['source'], string> = {
	recognized: 'emulator, real offline OCR (tesseract.js)',
	sample: "emulator, Huawei's documented sample answer (not read from the image)",
	template: 'emulator, template answer (not read from the image)',
	answer: 'emulator, answer set by a test (not read from the image)',
	huawei: 'Huawei Cloud',
	skipped: 'skipped',
	failed: 'failed',
};

function textLines(items: IDataObject[]): string[] {
	const text = items.map((item) => (typeof item.text === 'string' ? item.text : '')).join('\n');
	return text.split('\n').filter((line) => line.trim());
}

function tableLines(items: IDataObject[]): string[] {
	const preview = items.slice(0, FIRST_LINES).map((row) =>
		Object.entries(row)
			.filter(([key]) => key !== 'requestId')
			.map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
			.join(' | '),
	);
	return [`${items.length} item(s)`, ...preview];
}

function pagesLabel(table: IDataObject): string {
	const pages = Array.isArray(table.pages) ? (table.pages as number[]) : [table.page as number];
	return pages.length > 1 ? `pages ${pages[0]}-${pages[pages.length - 1]}` : `page ${String(pages[0])}`;
}

/** A document read page by page: each page's first lines (pages are separated by a form feed), then its tables. */
function documentLines(result: DemoResult): string[] {
	const item = result.items[0] ?? {};
	const pages = String(item.text ?? '').split('\f');
	const read = (item.pagesRead as number[] | undefined) ?? pages.map((_, index) => index + 1);
	const lines = pages.flatMap((page, index) => {
		const pageLines = page.split('\n').filter((line) => line.trim());
		return [`page ${read[index]}: ${pageLines.slice(0, 3).join(' / ')}${pageLines.length > 3 ? ' / …' : ''}`];
	});
	const tables = (item.tables as IDataObject[] | undefined) ?? [];
	const tableLines = tables.map((table, index) => `table ${index + 1} (${pagesLabel(table)}): ${(table.rows as unknown[]).length} rows`);
	return [`${String(item.pageCount)} pages, one call each`, ...lines, ...tableLines];
}

function keyLines(result: DemoResult): string[] {
	if (result.image.document) return documentLines(result);
	switch (result.operation.id) {
		case 'passport': {
			const fields = result.items[0] ?? {};
			return PASSPORT_FIELDS.filter((key) => fields[key] !== undefined).map((key) => `${key}: ${String(fields[key])}`);
		}
		case 'general-table':
			return tableLines(result.items);
		default: {
			const lines = textLines(result.items);
			const more = lines.length > FIRST_LINES ? [`… ${lines.length - FIRST_LINES} more line(s)`] : [];
			return [...lines.slice(0, FIRST_LINES), ...more];
		}
	}
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The items' `cost` added up (each answer counts on one item): what the image cost. */
function costLine(items: IDataObject[]): string | undefined {
	const costs = items.map((item) => item.cost as IDataObject | undefined).filter((cost) => cost !== undefined);
	if (costs.length === 0) return undefined;
	const total = (key: string) => costs.reduce((sum, cost) => sum + Number(cost[key] ?? 0), 0);
	return `${plural(total('billedAnswers'), 'billed answer')}, ${plural(total('attempts'), 'attempt')}, ${plural(total('pages'), 'page')}`;
}

function failedChecks(items: IDataObject[]): string[] {
	return [...new Set(items.flatMap((item) => ((item.checks as IDataObject | undefined)?.failed as string[] | undefined) ?? []))];
}

export function formatResult(result: DemoResult, cwd = process.cwd()): string {
	const heading = `■ ${result.image.title} (${result.image.file}) → ${result.operation.name} [${result.operation.id}, ${result.region}]`;
	const lines = [heading];
	if (result.source === 'skipped' || result.source === 'failed') {
		lines.push(`  ${result.source.toUpperCase()}: ${result.error ?? ''}`);
		return lines.join('\n');
	}
	lines.push(`  answered by: ${SOURCE_LABELS[result.source]} in ${(result.milliseconds / 1000).toFixed(1)} s`);
	for (const line of keyLines(result)) lines.push(`    ${line}`);
	const cost = costLine(result.items);
	if (cost) lines.push(`  cost: ${cost}`);
	else if (result.items.some((item) => '_row' in item)) lines.push('  cost: not on row items (they hold only the table); see Include Request ID and Cost in Rows');
	if (result.needsReview > 0) lines.push(`  Needs Review: ${result.needsReview} item(s), failed checks: ${failedChecks(result.items).join(', ')}`);
	lines.push(`  files: ${result.files.map((file) => path.relative(cwd, file)).join(', ')}`);
	return lines.join('\n');
}
